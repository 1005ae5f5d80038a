package coop.mutua.app.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The application's one transaction manager (Axon, Spring Batch, projections and accounts share it), which never lets a
 * transaction that PostgreSQL has already doomed pass for committed. After a statement fails, PostgreSQL refuses every
 * later one and answers a COMMIT with a silent ROLLBACK, which the driver does not report: code that swallowed the first
 * failure would then tell its caller that something was stored when nothing was (issue 15: an order answered 200 while
 * it was rolled back). Here such a commit throws, so the caller sees the failure.
 */
public class HonestTransactionManager extends JdbcTransactionManager {

    public HonestTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        if (TransactionSynchronizationManager.getResource(obtainDataSource()) instanceof ConnectionHolder holder && doomed(holder.getConnection())) {
            throw new UnexpectedRollbackException("A statement of this transaction failed and PostgreSQL rolled it all back: nothing was stored");
        }
        super.doCommit(status);
    }

    private static boolean doomed(Connection connection) {
        try {
            return connection.isWrapperFor(BaseConnection.class)
                    && connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.FAILED;
        } catch (SQLException e) {
            return false;
        }
    }
}
