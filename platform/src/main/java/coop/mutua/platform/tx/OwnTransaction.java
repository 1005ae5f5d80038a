package coop.mutua.platform.tx;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work committed at once in a transaction of its own, whatever the caller's transaction does next: a mail recorded as
 * sent as soon as it is sent (so that a rollback or a crash after it does not send it again), an import's progress
 * shown while the import goes on.
 */
@Component
public class OwnTransaction {

    private final TransactionTemplate template;

    OwnTransaction(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
        this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void run(Runnable work) {
        template.executeWithoutResult(status -> work.run());
    }

    public <T> T get(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
