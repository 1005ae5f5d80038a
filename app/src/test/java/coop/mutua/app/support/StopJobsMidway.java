package coop.mutua.app.support;

import coop.mutua.billing.batch.InvoicingProgress;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.batch.PoolingProgress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Lets a test stop the pooling or the invoicing job midway: when a counter is set, the job fails as it writes that many
 * supplier orders (the whole pooling is rolled back) or member invoices (that chunk is rolled back). Idle otherwise. A component of the test profile
 * (rather than a configuration imported by the tests that use it), so that those tests share the application context
 * of every other integration test instead of starting their own.
 */
@Component
@Profile("test")
public class StopJobsMidway implements PoolingProgress, InvoicingProgress {

    /** When positive: every pooling attempt fails as it writes its n-th supplier order (until set back to 0). */
    public static final AtomicInteger FAIL_POOLING = new AtomicInteger();
    private static final Map<RoundId, Integer> WRITTEN = new ConcurrentHashMap<>();
    public static final AtomicInteger STOP_AT_INVOICE = new AtomicInteger();

    @Override
    public void written(RoundId round, SupplierId supplier) {
        int failAt = FAIL_POOLING.get();
        if (failAt > 0 && WRITTEN.merge(round, 1, Integer::sum) >= failAt) {
            WRITTEN.remove(round);
            throw new IllegalStateException("stopped after supplier " + supplier + " (test)");
        }
    }

    @Override
    public void issued(RoundId roundId, MemberId memberId, MemberInvoiceId invoiceId) {
        if (STOP_AT_INVOICE.get() > 0 && STOP_AT_INVOICE.decrementAndGet() == 0) {
            throw new IllegalStateException("stopped after invoice " + invoiceId + " (test)");
        }
    }
}
