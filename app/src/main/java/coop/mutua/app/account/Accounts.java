package coop.mutua.app.account;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The login accounts (ADR 4, ADR 15): one per person, bound to one groupement and, for members and suppliers, to one
 * structure; the operator to none. Plain rows, not events: a hash can be replaced and a person erased.
 */
@Repository
public class Accounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Accounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock,
             ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Runs an UPDATE of one account ending in {@code RETURNING username} and tells this node's remembered logins that the
     * account changed (after the statement, before the commit: forgetting a login too early is harmless).
     */
    private void changed(JdbcClient.StatementSpec update) {
        update.query(String.class).optional().ifPresent(username -> events.publishEvent(new CredentialsChanged(username)));
    }

    /** The account with this login (case ignored), whatever its state. */
    public Optional<Account> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM user_account WHERE lower(username) = lower(:username)")
                .param("username", username).query((rs, n) -> account(rs)).optional();
    }

    public Optional<Account> findById(UserId id) {
        return jdbc.sql("SELECT * FROM user_account WHERE id = :id").param("id", id.value()).query((rs, n) -> account(rs)).optional();
    }

    /** The active accounts with this e-mail address (a person may have one per structure). */
    public List<Account> findActiveByEmail(String email) {
        return jdbc.sql("SELECT * FROM user_account WHERE lower(email) = lower(:email) AND state = 'ACTIVE' ORDER BY created_at")
                .param("email", email.strip()).query((rs, n) -> account(rs)).list();
    }

    /**
     * The people of a groupement, optionally only those of one role and structure, revoked invitations left out:
     * coordinators first, then by name.
     */
    public List<Account> people(GroupementId groupementId, Role role, String structureId) {
        StringBuilder sql = new StringBuilder("SELECT * FROM user_account WHERE groupement_id = :groupement AND state <> 'REVOKED'");
        if (role != null) {
            sql.append(" AND role = :role");
        }
        if (structureId != null) {
            sql.append(" AND (member_id = :structure OR supplier_id = :structure)");
        }
        sql.append(" ORDER BY CASE role WHEN 'COORDINATOR' THEN 0 WHEN 'MEMBER' THEN 1 ELSE 2 END, lower(display_name), id");
        var statement = jdbc.sql(sql.toString()).param("groupement", groupementId.value());
        if (role != null) {
            statement = statement.param("role", role.name());
        }
        if (structureId != null) {
            statement = statement.param("structure", structureId);
        }
        return statement.query((rs, n) -> account(rs)).list();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM user_account WHERE role <> 'OPERATOR')").query(Boolean.class).single();
    }

    public boolean operatorExists() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM user_account WHERE role = 'OPERATOR')").query(Boolean.class).single();
    }

    public boolean exists(String username) {
        return findByUsername(username).isPresent();
    }

    /** Creates an active account (bootstrap, demo, tests); the password is hashed with the encoder's current default. */
    @Transactional
    public UserId create(String username, String rawPassword, String displayName, Role role, GroupementId groupementId,
                         MemberId memberId, SupplierId supplierId) {
        return insert(username, passwordEncoder.encode(rawPassword), displayName, null, AccountRole.of(role), groupementId,
                memberId, supplierId, AccountState.ACTIVE, Locale.FRENCH, null);
    }

    /** Sets the address invitations, resets and notices go to. */
    public void setEmail(UserId id, String email) {
        jdbc.sql("UPDATE user_account SET email = :email WHERE id = :id").param("email", email).param("id", id.value()).update();
    }

    /** Creates the platform's operator account. */
    @Transactional
    public UserId createOperator(String username, String rawPassword, String displayName) {
        return insert(username, passwordEncoder.encode(rawPassword), displayName, null, AccountRole.OPERATOR, null, null, null,
                AccountState.ACTIVE, Locale.FRENCH, null);
    }

    /** An invited person: no login or password until the invitation is accepted. */
    UserId createInvited(String displayName, String email, Role role, GroupementId groupementId, MemberId memberId,
                         SupplierId supplierId, Locale locale, UserId invitedBy) {
        return insert(null, null, displayName, email, AccountRole.of(role), groupementId, memberId, supplierId,
                AccountState.INVITED, locale, invitedBy);
    }

    private UserId insert(String username, String hash, String displayName, String email, AccountRole role,
                          GroupementId groupementId, MemberId memberId, SupplierId supplierId, AccountState state,
                          Locale locale, UserId invitedBy) {
        UserId id = UserId.random();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO user_account (id, username, password_hash, display_name, email, role, groupement_id, member_id,
                                          supplier_id, state, locale, invited_by, created_at, joined_at, password_changed_at)
                VALUES (:id, :username, :hash, :displayName, :email, :role, :groupement, :member, :supplier, :state, :locale,
                        :invitedBy, :now, :joined, :joined)""")
                .param("id", id.value()).param("username", username).param("hash", hash).param("displayName", displayName)
                .param("email", email).param("role", role.name())
                .param("groupement", groupementId == null ? null : groupementId.value())
                .param("member", memberId == null ? null : memberId.value())
                .param("supplier", supplierId == null ? null : supplierId.value())
                .param("state", state.name()).param("locale", locale.getLanguage())
                .param("invitedBy", invitedBy == null ? null : invitedBy.value())
                .param("now", Timestamp.from(now)).param("joined", state == AccountState.ACTIVE ? Timestamp.from(now) : null)
                .update();
        return id;
    }

    /** The invited person chose a login and a password: the account is active. */
    void activate(UserId id, String username, String rawPassword) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                UPDATE user_account SET username = :username, password_hash = :hash, state = 'ACTIVE', joined_at = :now,
                       password_changed_at = :now WHERE id = :id AND state = 'INVITED'""")
                .param("username", username).param("hash", passwordEncoder.encode(rawPassword)).param("now", now)
                .param("id", id.value()).update();
    }

    void setState(UserId id, AccountState state) {
        changed(jdbc.sql("UPDATE user_account SET state = :state, credentials_epoch = credentials_epoch + 1 WHERE id = :id RETURNING username")
                .param("state", state.name()).param("id", id.value()));
    }

    /** A new password chosen by its owner: every session and remembered login made before ends. */
    void changePassword(UserId id, String rawPassword) {
        changed(jdbc.sql("""
                UPDATE user_account SET password_hash = :hash, password_changed_at = :now, credentials_epoch = credentials_epoch + 1
                WHERE id = :id RETURNING username""")
                .param("hash", passwordEncoder.encode(rawPassword)).param("now", Timestamp.from(clock.instant()))
                .param("id", id.value()));
    }

    /** The same password hashed again with the encoder's current default; sessions go on. */
    public void rehash(String username, String newHash) {
        jdbc.sql("UPDATE user_account SET password_hash = :hash WHERE lower(username) = lower(:username)")
                .param("hash", newHash).param("username", username).update();
    }

    public void recordLogin(UserId id) {
        jdbc.sql("UPDATE user_account SET last_login_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id.value()).update();
    }

    void setTotp(UserId id, String secret, boolean enabled) {
        changed(jdbc.sql("""
                UPDATE user_account SET totp_secret = :secret, totp_enabled = :enabled, totp_last_step = 0,
                       credentials_epoch = credentials_epoch + CASE WHEN totp_enabled <> :enabled THEN 1 ELSE 0 END
                WHERE id = :id RETURNING username""")
                .param("secret", secret).param("enabled", enabled).param("id", id.value()));
    }

    /** Records the step of a code just used; false if that step (or a later one) was already used: a replay. */
    boolean useTotpStep(UserId id, long step) {
        return jdbc.sql("UPDATE user_account SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step")
                .param("step", step).param("id", id.value()).update() == 1;
    }


    private static Account account(ResultSet rs) throws SQLException {
        String groupement = rs.getString("groupement_id");
        String member = rs.getString("member_id");
        String supplier = rs.getString("supplier_id");
        return new Account(UserId.of(rs.getString("id")), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), AccountRole.valueOf(rs.getString("role")),
                groupement == null ? null : GroupementId.of(groupement), member == null ? null : MemberId.of(member),
                supplier == null ? null : SupplierId.of(supplier), AccountState.valueOf(rs.getString("state")),
                rs.getString("password_hash"), Locale.forLanguageTag(rs.getString("locale")), rs.getInt("credentials_epoch"),
                rs.getBoolean("totp_enabled"), rs.getString("totp_secret"), rs.getLong("totp_last_step"),
                instant(rs, "created_at"), instant(rs, "joined_at"), instant(rs, "last_login_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
