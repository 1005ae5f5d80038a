package coop.mutua.app.account;

import coop.mutua.kernel.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The single-use links of invitations and password resets (table {@code account_token}): only the SHA-256 of each
 * token is stored; a newer link revokes the open ones of its account and purpose.
 */
@Repository
class AccountTokens {

    enum Purpose { INVITATION, RESET }

    /** A stored link as found by its token. */
    record Found(UserId accountId, Instant expiresAt, boolean used, boolean revoked) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Revokes the account's open links of this purpose and stores the new one. */
    void replace(UserId accountId, Purpose purpose, String token, Instant expires) {
        revokeOpen(accountId, purpose);
        jdbc.sql("""
                INSERT INTO account_token (token_hash, account_id, purpose, created_at, expires_at)
                VALUES (:hash, :account, :purpose, :now, :expires)""")
                .param("hash", SecretTokens.hash(token)).param("account", accountId.value()).param("purpose", purpose.name())
                .param("now", Timestamp.from(clock.instant())).param("expires", Timestamp.from(expires)).update();
    }

    void revokeOpen(UserId accountId, Purpose purpose) {
        jdbc.sql("""
                UPDATE account_token SET revoked_at = :now
                WHERE account_id = :account AND purpose = :purpose AND used_at IS NULL AND revoked_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("account", accountId.value()).param("purpose", purpose.name())
                .update();
    }

    /** The link of this token, its row locked when it is about to be used; nothing for a token never issued. */
    Optional<Found> find(String token, Purpose purpose, boolean forUpdate) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT account_id, expires_at, used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked
                FROM account_token WHERE token_hash = :hash AND purpose = :purpose""" + (forUpdate ? " FOR UPDATE" : ""))
                .param("hash", SecretTokens.hash(token)).param("purpose", purpose.name())
                .query((rs, n) -> new Found(UserId.of(rs.getString("account_id")), rs.getTimestamp("expires_at").toInstant(),
                        rs.getBoolean("used"), rs.getBoolean("revoked"))).optional();
    }

    void markUsed(String token) {
        jdbc.sql("UPDATE account_token SET used_at = :now WHERE token_hash = :hash")
                .param("now", Timestamp.from(clock.instant())).param("hash", SecretTokens.hash(token)).update();
    }

    /** Whether the account was sent a link of this purpose since then (one reset mail every few minutes at most). */
    boolean issuedSince(UserId accountId, Purpose purpose, Instant since) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM account_token WHERE account_id = :account AND purpose = :purpose AND created_at > :since)""")
                .param("account", accountId.value()).param("purpose", purpose.name()).param("since", Timestamp.from(since))
                .query(Boolean.class).single();
    }
}
