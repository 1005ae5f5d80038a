package coop.mutua.app.account;

import coop.mutua.app.account.AccountHistory.By;
import coop.mutua.app.account.AccountHistory.Kind;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A coordinator disables and re-enables the accounts of the groupement (never their own). */
@Service
public class People {

    private final Accounts accounts;
    private final AccountHistory history;
    private final TransactionTemplate transactions;

    People(Accounts accounts, AccountHistory history, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.history = history;
        this.transactions = transactions;
    }

    /** An account of the groupement; another groupement's is not found (nothing tells it exists). */
    public Account of(GroupementId groupementId, UserId accountId) {
        return accounts.findById(accountId).filter(account -> groupementId.equals(account.groupementId()))
                .orElseThrow(() -> new NotFoundException("account", accountId));
    }

    /** Disables an active account: its sessions and remembered API logins stop at their next request. */
    public void disable(GroupementId groupementId, UserId accountId, Account by, String address) {
        Account account = of(groupementId, accountId);
        if (account.id().equals(by.id())) {
            throw new ConflictException("account.disable-self");
        }
        if (account.state() != AccountState.ACTIVE) {
            throw new ConflictException("account.not-active", account.displayName());
        }
        transactions.executeWithoutResult(status -> {
            accounts.setState(accountId, AccountState.DISABLED);
            history.record(Kind.DISABLED, account, By.of(by), address, null);
        });
    }

    public void enable(GroupementId groupementId, UserId accountId, Account by, String address) {
        Account account = of(groupementId, accountId);
        if (account.state() != AccountState.DISABLED) {
            throw new ConflictException("account.not-disabled", account.displayName());
        }
        transactions.executeWithoutResult(status -> {
            accounts.setState(accountId, AccountState.ACTIVE);
            history.record(Kind.ENABLED, account, By.of(by), address, null);
        });
    }
}
