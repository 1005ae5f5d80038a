package coop.mutua.app.axon;

/** Metadata keys that every command and event of Mutua carries. */
public final class ActorMetadata {

    public static final String USER_ID = "userId";
    public static final String GROUPEMENT_ID = "groupementId";
    /** Axon's key for the id of the message that caused this one. */
    public static final String CORRELATION_ID = "correlationId";
    /** Axon's key for the id of the whole chain: here the HTTP request's X-Correlation-Id, also in the logs. */
    public static final String TRACE_ID = "traceId";
    /** User id of work Mutua does on its own: demo seeding, scheduled closes, bootstrap. */
    public static final String SYSTEM_USER = "system";

    private ActorMetadata() {
    }
}
