package coop.mutua.app.account;

import coop.mutua.app.account.AccountHistory.By;
import coop.mutua.app.account.AccountHistory.Kind;
import coop.mutua.app.account.LoginThrottle.Decision;
import coop.mutua.app.account.LoginThrottle.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins counted per login as typed and per address, in the database (so every node sees them), slowed then
 * locked by {@link LoginThrottle}. The login key is the text typed, whether an account has it or not: a login that
 * does not exist is slowed and locked exactly like one that does.
 */
@Component
public class LoginAttempts {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Accounts accounts;
    private final AccountHistory history;
    private final LoginThrottle perLogin;
    private final LoginThrottle perAddress;

    LoginAttempts(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, Accounts accounts, AccountHistory history,
                  @Value("${mutua.security.login.free-failures:3}") int freeFailures,
                  @Value("${mutua.security.login.lock-after:10}") int lockAfter,
                  @Value("${mutua.security.login.lock-for:15m}") Duration lockFor,
                  @Value("${mutua.security.login.address-lock-after:100}") int addressLockAfter) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.accounts = accounts;
        this.history = history;
        this.perLogin = new LoginThrottle(freeFailures, Duration.ofSeconds(1), Duration.ofSeconds(30), lockAfter, lockFor);
        // An address may be shared by a whole structure behind one router: more failures before it is slowed or locked.
        this.perAddress = new LoginThrottle(Math.max(freeFailures, addressLockAfter / 5), Duration.ofSeconds(1),
                Duration.ofSeconds(30), addressLockAfter, lockFor);
    }

    /** Whether a login attempt may be checked now; the later of the two keys' waits if not. */
    public Decision check(String login, String address) {
        Instant now = clock.instant();
        Decision byLogin = perLogin.decide(state(loginKey(login)), now);
        Decision byAddress = address == null ? new Decision(true, null, false) : perAddress.decide(state(addressKey(address)), now);
        if (byLogin.allowed()) {
            return byAddress;
        }
        if (byAddress.allowed() || byLogin.retryAt().isAfter(byAddress.retryAt())) {
            return byLogin;
        }
        return byAddress;
    }

    /** A wrong login or password: counted for both keys, and in the history of the account if the login is one. */
    public void failed(String login, String address) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            State after = count(loginKey(login), perLogin, now);
            if (address != null) {
                count(addressKey(address), perAddress, now);
            }
            if (ThreadLocalRandom.current().nextInt(100) == 0) {
                // Now and then, keys nobody has failed with for a day go (a login typed once must not stay for ever).
                jdbc.sql("""
                        DELETE FROM login_throttle WHERE last_failure_at < :dayAgo AND (locked_until IS NULL OR locked_until < :now)""")
                        .param("dayAgo", Timestamp.from(now.minus(Duration.ofDays(1)))).param("now", Timestamp.from(now)).update();
            }
            accounts.findByUsername(login).ifPresent(account -> {
                history.record(Kind.LOGIN_FAILED, account, By.NOBODY, address, null);
                if (after.lockedUntil() != null && after.failures() == perLogin.lockAfter()) {
                    history.record(Kind.LOCKED, account, By.NOBODY, address, "until " + after.lockedUntil());
                }
            });
        });
    }

    /** A good login: the login's failures are forgotten (not the address's), the login recorded. */
    public void succeeded(Account account, String login, String address, String how) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = :key").param("key", loginKey(login)).update();
            accounts.recordLogin(account.id());
            history.record(Kind.LOGGED_IN, account, By.of(account), address, how);
        });
    }

    /** A password reset by its owner also lifts the lock of its login. */
    void forget(String login) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = :key").param("key", loginKey(login)).update();
    }

    private State count(String key, LoginThrottle throttle, Instant now) {
        State before = jdbc.sql("SELECT * FROM login_throttle WHERE throttle_key = :key FOR UPDATE").param("key", key)
                .query((rs, n) -> state(rs)).optional().orElse(State.CLEAN);
        State after = throttle.afterFailure(before, now);
        jdbc.sql("""
                INSERT INTO login_throttle (throttle_key, failures, last_failure_at, locked_until)
                VALUES (:key, :failures, :at, :until)
                ON CONFLICT (throttle_key) DO UPDATE SET failures = :failures, last_failure_at = :at, locked_until = :until""")
                .param("key", key).param("failures", after.failures()).param("at", Timestamp.from(after.lastFailureAt()))
                .param("until", after.lockedUntil() == null ? null : Timestamp.from(after.lockedUntil())).update();
        return after;
    }

    private State state(String key) {
        return jdbc.sql("SELECT * FROM login_throttle WHERE throttle_key = :key").param("key", key)
                .query((rs, n) -> state(rs)).optional().orElse(State.CLEAN);
    }

    private static State state(ResultSet rs) throws SQLException {
        Timestamp until = rs.getTimestamp("locked_until");
        return new State(rs.getInt("failures"), rs.getTimestamp("last_failure_at").toInstant(),
                until == null ? null : until.toInstant());
    }

    private static String loginKey(String login) {
        String typed = Optional.ofNullable(login).orElse("").strip().toLowerCase(Locale.ROOT);
        return "login:" + (typed.length() > 250 ? typed.substring(0, 250) : typed);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
