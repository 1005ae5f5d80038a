package coop.mutua.app.account;

import coop.mutua.app.account.AccountHistory.By;
import coop.mutua.app.account.AccountHistory.Kind;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens: a person creates one in "Mon compte" (shown once), names it after what uses it, and sends it as
 * the password of HTTP Basic with their login. It opens the API even with two-factor on (it is a second secret, made
 * while logged in with both factors), can be revoked alone, and every token of an account is revoked by a password
 * reset (the reset may follow a theft). It works only while the account is active.
 */
@Service
public class ApiTokens {

    /** What every token starts with, so that a token is told from a password at a glance (and by secret scanners). */
    public static final String PREFIX = "mutua_";
    private static final int MAX_PER_ACCOUNT = 20;
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    /** A token as listed (never the token itself). */
    public record Listed(String id, String name, Instant createdAt, Instant lastUsedAt) {
    }

    /** A token just made: its value is shown this once. */
    public record Created(String id, String name, String token) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AccountHistory history;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Accounts accounts, AccountHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.history = history;
        this.clock = clock;
    }

    public static boolean looksLikeToken(String password) {
        return password != null && password.startsWith(PREFIX);
    }

    public Created create(UserId accountId, String name, String address) {
        String label = Require.text(name, "name", 100);
        int count = jdbc.sql("SELECT count(*) FROM api_token WHERE account_id = :a AND revoked_at IS NULL")
                .param("a", accountId.value()).query(Integer.class).single();
        if (count >= MAX_PER_ACCOUNT) {
            throw new ConflictException("api-token.too-many", MAX_PER_ACCOUNT);
        }
        String id = UUID.randomUUID().toString();
        String token = PREFIX + SecretTokens.newToken();
        jdbc.sql("""
                INSERT INTO api_token (id, account_id, name, token_hash, created_at) VALUES (:id, :account, :name, :hash, :now)""")
                .param("id", id).param("account", accountId.value()).param("name", label).param("hash", SecretTokens.hash(token))
                .param("now", Timestamp.from(clock.instant())).update();
        accounts.findById(accountId).ifPresent(account ->
                history.record(Kind.API_TOKEN_CREATED, account, By.of(account), address, label));
        return new Created(id, label, token);
    }

    public List<Listed> of(UserId accountId) {
        return jdbc.sql("""
                SELECT * FROM api_token WHERE account_id = :a AND revoked_at IS NULL ORDER BY created_at DESC""")
                .param("a", accountId.value())
                .query((rs, n) -> new Listed(rs.getString("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant()))
                .list();
    }

    public void revoke(UserId accountId, String tokenId, String address) {
        int revoked = jdbc.sql("""
                UPDATE api_token SET revoked_at = :now WHERE id = :id AND account_id = :a AND revoked_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("id", tokenId == null ? "" : tokenId)
                .param("a", accountId.value()).update();
        if (revoked == 0) {
            throw new NotFoundException("api-token", tokenId);
        }
        accounts.findById(accountId).ifPresent(account ->
                history.record(Kind.API_TOKEN_REVOKED, account, By.of(account), address, tokenId));
    }

    /** Every token of the account (a password reset). */
    void revokeAll(UserId accountId) {
        jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE account_id = :a AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("a", accountId.value()).update();
    }

    /** The active account this login and token open, if they do; the token's last use noted (to the minute). */
    public Optional<Account> authenticate(String login, String token) {
        if (login == null || !looksLikeToken(token) || token.length() > 100) {
            return Optional.empty();
        }
        record Found(String id, String accountId, Instant lastUsed) {
        }
        Optional<Found> found = jdbc.sql("SELECT id, account_id, last_used_at FROM api_token WHERE token_hash = :h AND revoked_at IS NULL")
                .param("h", SecretTokens.hash(token))
                .query((rs, n) -> new Found(rs.getString("id"), rs.getString("account_id"),
                        rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant()))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.findById(UserId.of(found.get().accountId()))
                .filter(Account::active).filter(a -> a.username() != null && a.username().equalsIgnoreCase(login.strip()));
        Instant now = clock.instant();
        if (account.isPresent() && (found.get().lastUsed() == null || found.get().lastUsed().plus(LAST_USE_PRECISION).isBefore(now))) {
            jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE id = :id").param("now", Timestamp.from(now))
                    .param("id", found.get().id()).update();
        }
        return account;
    }
}
