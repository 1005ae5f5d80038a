package coop.mutua.kernel;

/**
 * Makes the jobs (pooling, invoicing, imports) of nodes that died restartable, and only theirs: an execution still marked
 * running whose owner node stopped beating, or one left UNKNOWN (its last commit's outcome uncertain; every Mutua job is
 * safe to resume), becomes FAILED, which a restart resumes from its last committed chunk. A context calls it before
 * restarting one of its jobs; the application also runs it at start and every few seconds.
 */
public interface JobRecovery {

    /** Recovers what can be recovered now; returns how many executions were made restartable. */
    int recoverAbandoned();
}
