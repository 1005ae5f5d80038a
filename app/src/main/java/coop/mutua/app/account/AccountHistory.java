package coop.mutua.app.account;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What happened to accounts, with the time, the person who did it and the address it came from: shown to the
 * groupement's coordinators and kept as the audit trail of accounts (which are not event-sourced, ADR 4).
 */
@Repository
public class AccountHistory {

    /** The kinds of entries; each has a label {@code account.event.<name>}. */
    public enum Kind {
        INVITED, INVITATION_RESENT, INVITATION_REVOKED, JOINED, LOGGED_IN, LOGIN_FAILED, LOCKED, PASSWORD_CHANGED,
        PASSWORD_RESET_REQUESTED, PASSWORD_RESET, DISABLED, ENABLED, TWO_FACTOR_ENABLED, TWO_FACTOR_DISABLED,
        RECOVERY_CODE_USED, API_TOKEN_CREATED, API_TOKEN_REVOKED, GROUPEMENT_REGISTERED, SETTINGS_CHANGED
    }

    /** Who did it: the account's owner, a coordinator, the operator, or nobody known (a failed login). */
    public record By(UserId id, String name) {
        public static final By NOBODY = new By(null, null);

        public static By of(Account account) {
            return new By(account.id(), account.displayName());
        }
    }

    /** One entry, as listed. */
    public record Entry(Instant at, Kind kind, UserId accountId, String accountName, String actorName, String address,
                        String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Kind kind, UserId accountId, GroupementId groupementId, By by, String address, String detail) {
        jdbc.sql("""
                INSERT INTO account_event (at, kind, account_id, groupement_id, actor_id, actor_name, address, detail)
                VALUES (:at, :kind, :account, :groupement, :actor, :actorName, :address, :detail)""")
                .param("at", Timestamp.from(clock.instant())).param("kind", kind.name())
                .param("account", accountId == null ? null : accountId.value())
                .param("groupement", groupementId == null ? null : groupementId.value())
                .param("actor", by.id() == null ? null : by.id().value()).param("actorName", cut(by.name(), 200))
                .param("address", cut(address, 64)).param("detail", cut(detail, 300)).update();
    }

    public void record(Kind kind, Account account, By by, String address, String detail) {
        record(kind, account.id(), account.groupementId(), by, address, detail);
    }

    /** The latest entries of one account, newest first. */
    public List<Entry> of(UserId accountId, int limit) {
        return jdbc.sql(SELECT + " WHERE e.account_id = :account ORDER BY e.at DESC, e.id DESC LIMIT :limit")
                .param("account", accountId.value()).param("limit", limit).query((rs, n) -> entry(rs)).list();
    }

    /** The latest entries of a groupement's accounts, newest first. */
    public List<Entry> ofGroupement(GroupementId groupementId, int limit) {
        return jdbc.sql(SELECT + " WHERE e.groupement_id = :groupement ORDER BY e.at DESC, e.id DESC LIMIT :limit")
                .param("groupement", groupementId.value()).param("limit", limit).query((rs, n) -> entry(rs)).list();
    }

    private static final String SELECT = """
            SELECT e.*, a.display_name AS account_name FROM account_event e LEFT JOIN user_account a ON a.id = e.account_id""";

    private static Entry entry(ResultSet rs) throws SQLException {
        String account = rs.getString("account_id");
        return new Entry(rs.getTimestamp("at").toInstant(), Kind.valueOf(rs.getString("kind")),
                account == null ? null : UserId.of(account), rs.getString("account_name"), rs.getString("actor_name"),
                rs.getString("address"), rs.getString("detail"));
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
