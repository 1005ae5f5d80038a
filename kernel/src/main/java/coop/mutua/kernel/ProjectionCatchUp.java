package coop.mutua.kernel;

/**
 * Read-your-writes for asynchronous projections: after a command, waits until the named projection has processed
 * the events the command stored, so that the page or API answer that follows shows the change. Implemented by the
 * application on Axon's token store; contexts only see this interface.
 */
public interface ProjectionCatchUp {

    /**
     * Waits (a few milliseconds in practice, a few seconds at most) until {@code projection} has processed the latest
     * event of the aggregate {@code aggregateId}.
     */
    void await(String projection, Object aggregateId);
}
