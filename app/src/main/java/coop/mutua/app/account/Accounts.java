package coop.mutua.app.account;

import coop.mutua.kernel.Actor;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The login accounts: one per person, bound to one groupement and, for members and suppliers, to one structure. */
@Repository
public class Accounts {

    /** An account as stored; the password only as a hash. */
    public record Account(Actor actor, String passwordHash, boolean enabled) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    Accounts(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT * FROM user_account WHERE lower(username) = lower(:username)")
                .param("username", username)
                .query((rs, n) -> new Account(actor(rs), rs.getString("password_hash"), rs.getBoolean("enabled")))
                .optional();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM user_account)").query(Boolean.class).single();
    }

    public boolean exists(String username) {
        return findByUsername(username).isPresent();
    }

    /** Creates an account; the password is hashed with the current default of the delegating encoder. */
    @Transactional
    public UserId create(String username, String rawPassword, String displayName, Role role, GroupementId groupementId,
                         MemberId memberId, SupplierId supplierId) {
        UserId id = UserId.random();
        Actor actor = new Actor(id, username, displayName, role, groupementId, memberId, supplierId);
        jdbc.sql("""
                INSERT INTO user_account (id, username, password_hash, display_name, role, groupement_id, member_id, supplier_id)
                VALUES (:id, :username, :hash, :displayName, :role, :groupement, :member, :supplier)""")
                .param("id", id.value()).param("username", actor.username())
                .param("hash", passwordEncoder.encode(rawPassword)).param("displayName", displayName)
                .param("role", role.name()).param("groupement", groupementId.value())
                .param("member", memberId == null ? null : memberId.value())
                .param("supplier", supplierId == null ? null : supplierId.value())
                .update();
        return id;
    }

    private static Actor actor(ResultSet rs) throws SQLException {
        String member = rs.getString("member_id");
        String supplier = rs.getString("supplier_id");
        return new Actor(UserId.of(rs.getString("id")), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), GroupementId.of(rs.getString("groupement_id")),
                member == null ? null : MemberId.of(member), supplier == null ? null : SupplierId.of(supplier));
    }
}
