package coop.mutua.app.account;

import coop.mutua.platform.web.Links;
import coop.mutua.app.account.AccountHistory.By;
import coop.mutua.app.account.AccountHistory.Kind;
import coop.mutua.app.account.AccountTokens.Purpose;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.UserId;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passwords after the first: a forgotten one reset through a single-use, short-lived link sent to the account's
 * address, and a known one changed by its owner. Either ends every session and remembered API login of the account
 * (its credentials epoch goes up).
 */
@Service
public class Passwords {

    private static final Logger log = LoggerFactory.getLogger(Passwords.class);
    private static final Duration RESET_INTERVAL = Duration.ofMinutes(2);

    private final Accounts accounts;
    private final AccountHistory history;
    private final AccountMails mails;
    private final Links links;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final LoginAttempts attempts;
    private final ApiTokens tokens;
    private final AccountTokens resetLinks;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService background;
    private final Duration validity;

    Passwords(Accounts accounts, AccountHistory history, AccountMails mails, Links links, PasswordPolicy policy,
              PasswordEncoder encoder, LoginAttempts attempts, ApiTokens tokens, AccountTokens resetLinks,
              TransactionTemplate transactions, Clock clock,
              @Value("${mutua.accounts.reset-validity:1h}") Duration validity) {
        this.accounts = accounts;
        this.history = history;
        this.mails = mails;
        this.links = links;
        this.policy = policy;
        this.encoder = encoder;
        this.attempts = attempts;
        this.tokens = tokens;
        this.resetLinks = resetLinks;
        this.transactions = transactions;
        this.clock = clock;
        // Its own single thread (a bean of type Executor would replace Spring Boot's task executor).
        this.background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "password-reset-mail");
            thread.setDaemon(true);
            return thread;
        });
        this.validity = validity;
    }

    /**
     * "Mot de passe oublié": the same immediate answer whatever the address. The lookup and the mail happen on another
     * thread, so that neither the answer nor its timing says whether the address has an account. The link never
     * follows the request's Host header (anyone may ask: see {@link Links#fixed}); one mail per account every two
     * minutes at most, however often it is asked.
     */
    public void requestReset(String email, String address) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return;
        }
        String base = links.fixed("");
        background.execute(() -> {
            try {
                sendResets(email.strip(), address, base);
            } catch (RuntimeException e) {
                log.warn("Password reset for an address failed: {}", e.getMessage());
            }
        });
    }

    private void sendResets(String email, String address, String base) {
        if (!mails.configured()) {
            log.info("A password reset was asked, but no SMTP server is configured (SPRING_MAIL_HOST): no mail sent");
            return;
        }
        for (Account account : accounts.findActiveByEmail(email)) {
            if (resetLinks.issuedSince(account.id(), Purpose.RESET, clock.instant().minus(RESET_INTERVAL))) {
                continue;
            }
            String token = SecretTokens.newToken();
            Instant expires = clock.instant().plus(validity);
            transactions.executeWithoutResult(status -> {
                resetLinks.replace(account.id(), Purpose.RESET, token, expires);
                history.record(Kind.PASSWORD_RESET_REQUESTED, account, By.NOBODY, address, null);
            });
            mails.reset(account.email(), account.displayName(), account.username(), base + "/password/reset/" + token, expires,
                    account.locale());
        }
    }

    /** The account a reset link is for, if it is valid now. */
    public Account resetFor(String token) {
        return transactions.execute(status -> validReset(token, false));
    }

    /** Sets a new password through a reset link: the link is used, the login unlocked, every session ended. */
    public Account reset(String token, String newPassword, String address) {
        return transactions.execute(status -> {
            Account account = validReset(token, true);
            checkPolicy(newPassword, account);
            accounts.changePassword(account.id(), newPassword);
            resetLinks.markUsed(token);
            resetLinks.revokeOpen(account.id(), Purpose.RESET);
            attempts.forget(account.username());
            tokens.revokeAll(account.id());
            history.record(Kind.PASSWORD_RESET, account, By.of(account), address, null);
            return account;
        });
    }

    /**
     * The owner changes a password they know. A wrong current password counts as a failed login (a session left open
     * must not let anyone try passwords without limit).
     */
    public void change(UserId accountId, String current, String newPassword, String address) {
        Account account = accounts.findById(accountId).orElseThrow();
        checkCurrent(account, current, address, attempts, encoder);
        checkPolicy(newPassword, account);
        if (encoder.matches(newPassword, account.passwordHash())) {
            throw new InvalidFieldException("newPassword", "password.same");
        }
        transactions.executeWithoutResult(status -> {
            accounts.changePassword(account.id(), newPassword);
            history.record(Kind.PASSWORD_CHANGED, account, By.of(account), address, null);
        });
    }

    /** The current password, asked again before a sensitive change: throttled and counted like a login. */
    static void checkCurrent(Account account, String current, String address, LoginAttempts attempts, PasswordEncoder encoder) {
        if (!attempts.check(account.username(), address).allowed()) {
            throw new InvalidFieldException("currentPassword", "password.throttled");
        }
        if (current == null || account.passwordHash() == null || !encoder.matches(current, account.passwordHash())) {
            attempts.failed(account.username(), address);
            throw new InvalidFieldException("currentPassword", "password.current-wrong");
        }
    }

    @PreDestroy
    void stop() {
        background.shutdown();
    }

    public Duration validity() {
        return validity;
    }

    private void checkPolicy(String password, Account account) {
        Require.present(password, "newPassword");
        policy.check(password, account.username(), account.email()).ifPresent(problem -> {
            throw new InvalidFieldException("newPassword", problem.messageKey());
        });
    }

    private Account validReset(String token, boolean forUpdate) {
        Optional<AccountTokens.Found> row = resetLinks.find(token, Purpose.RESET, forUpdate);
        if (row.isEmpty() || row.get().used() || row.get().revoked()) {
            throw new DomainException("reset.invalid");
        }
        if (!clock.instant().isBefore(row.get().expiresAt())) {
            throw new DomainException("reset.expired");
        }
        return accounts.findById(row.get().accountId()).filter(Account::active)
                .orElseThrow(() -> new DomainException("reset.invalid"));
    }
}
