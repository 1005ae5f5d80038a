package coop.mutua.ordering.batch;

import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;

/**
 * Told after each supplier order the pooling job writes, inside the job's transaction (progress reporting; tests use
 * it to stop a job midway). Throwing fails the step, whose writes are rolled back, and the job, which can be restarted.
 */
public interface PoolingProgress {

    void written(RoundId roundId, SupplierId supplierId);
}
