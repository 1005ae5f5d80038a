package coop.mutua.app.account;

import coop.mutua.app.account.AccountHistory.By;
import coop.mutua.app.account.AccountHistory.Kind;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two-factor authentication with an authenticator app (TOTP): a secret shown as a QR code, confirmed by a first code,
 * then asked at every login; ten single-use recovery codes for a lost phone. Optional for everyone; a groupement can
 * require it of its coordinators.
 */
@Service
public class TwoFactor {

    public static final int RECOVERY_CODES = 10;

    /** A secret being set up: not asked at login until a code from the app confirms it. */
    public record Enrolment(String secret, String uri) {

        /** The secret as people type it: groups of four. */
        public String grouped() {
            return secret.replaceAll("(.{4})(?!$)", "$1 ");
        }
    }

    private final Accounts accounts;
    private final AccountHistory history;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Totp totp = new Totp();
    private final ApplicationEventPublisher events;

    private final LoginAttempts attempts;

    TwoFactor(Accounts accounts, AccountHistory history, PasswordEncoder encoder, JdbcClient jdbc,
              TransactionTemplate transactions, Clock clock, ApplicationEventPublisher events,
              LoginAttempts attempts) {
        this.attempts = attempts;
        this.events = events;
        this.accounts = accounts;
        this.history = history;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whether the groupement asks its coordinators for a second factor. */
    public boolean requiredForCoordinators(GroupementId groupementId) {
        return groupementId != null && jdbc.sql("""
                SELECT COALESCE((SELECT totp_required_for_coordinators FROM groupement_security WHERE groupement_id = :id), FALSE)""")
                .param("id", groupementId.value()).query(Boolean.class).single();
    }

    public void requireForCoordinators(GroupementId groupementId, boolean required, Account by, String address) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO groupement_security (groupement_id, totp_required_for_coordinators) VALUES (:id, :required)
                    ON CONFLICT (groupement_id) DO UPDATE SET totp_required_for_coordinators = :required""")
                    .param("id", groupementId.value()).param("required", required).update();
            history.record(Kind.SETTINGS_CHANGED, null, groupementId, By.of(by), address,
                    "two-factor required for coordinators: " + required);
        });
        // Coordinators' remembered API logins are looked at again: HTTP Basic now asks for the second factor.
        accounts.people(groupementId, Role.COORDINATOR, null).stream().filter(account -> account.username() != null)
                .forEach(account -> events.publishEvent(new CredentialsChanged(account.username())));
    }

    /** Whether this account must give a second factor at login (it has one, or its role requires one). */
    public boolean requiredAtLogin(Account account) {
        return account.totpEnabled() || mustEnrol(account);
    }

    /** A coordinator of a groupement that requires two-factor, who has not set it up yet. */
    public boolean mustEnrol(Account account) {
        return !account.totpEnabled() && account.role() == AccountRole.COORDINATOR
                && requiredForCoordinators(account.groupementId());
    }

    /** A new secret for the account (replacing one not confirmed yet); two-factor stays as it was until confirmed. */
    public Enrolment start(UserId accountId, String issuer) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (account.totpEnabled()) {
            throw new ConflictException("two-factor.already-on");
        }
        byte[] secret = Totp.newSecret(SecretTokens.random());
        accounts.setTotp(accountId, Totp.secretText(secret), false);
        return new Enrolment(Totp.secretText(secret), Totp.uri(issuer, account.username(), secret));
    }

    /** The secret being set up, if any (the page shows it again after a wrong code). */
    public Enrolment pendingEnrolment(UserId accountId, String issuer) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (account.totpEnabled() || account.totpSecret() == null) {
            return null;
        }
        return new Enrolment(account.totpSecret(), Totp.uri(issuer, account.username(), Totp.secret(account.totpSecret())));
    }

    /** The first code from the app turns two-factor on; the recovery codes are returned to be shown once. */
    public List<String> confirm(UserId accountId, String code, String address) {
        return transactions.execute(status -> {
            Account account = accounts.findById(accountId).orElseThrow();
            if (account.totpEnabled() || account.totpSecret() == null) {
                throw new ConflictException("two-factor.not-started");
            }
            OptionalLong step = totp.verify(Totp.secret(account.totpSecret()), code, clock.instant(), account.totpLastStep());
            if (step.isEmpty()) {
                throw new InvalidFieldException("code", "two-factor.code-wrong");
            }
            accounts.setTotp(accountId, account.totpSecret(), true);
            accounts.useTotpStep(accountId, step.getAsLong());
            history.record(Kind.TWO_FACTOR_ENABLED, account, By.of(account), address, null);
            return newRecoveryCodes(accountId);
        });
    }

    /** Turns two-factor off (password required); not for a coordinator whose groupement requires it. */
    public void disable(UserId accountId, String password, String address) {
        Account current = accounts.findById(accountId).orElseThrow();
        Passwords.checkCurrent(current, password, address, attempts, encoder);
        transactions.executeWithoutResult(status -> {
            Account account = accounts.findById(accountId).orElseThrow();
            if (account.role() == AccountRole.COORDINATOR && requiredForCoordinators(account.groupementId())) {
                throw new ConflictException("two-factor.required");
            }
            accounts.setTotp(accountId, null, false);
            jdbc.sql("DELETE FROM account_recovery_code WHERE account_id = :id").param("id", accountId.value()).update();
            history.record(Kind.TWO_FACTOR_DISABLED, account, By.of(account), address, null);
        });
    }

    /** Ten new recovery codes, replacing the previous ones. */
    public List<String> newRecoveryCodes(UserId accountId) {
        return transactions.execute(status -> {
            jdbc.sql("DELETE FROM account_recovery_code WHERE account_id = :id").param("id", accountId.value()).update();
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < RECOVERY_CODES; i++) {
                String code = SecretTokens.newRecoveryCode();
                codes.add(code);
                jdbc.sql("INSERT INTO account_recovery_code (account_id, code_hash) VALUES (:id, :hash)")
                        .param("id", accountId.value()).param("hash", SecretTokens.hash(code)).update();
            }
            return codes;
        });
    }

    public int recoveryCodesLeft(UserId accountId) {
        return jdbc.sql("SELECT count(*) FROM account_recovery_code WHERE account_id = :id AND used_at IS NULL")
                .param("id", accountId.value()).query(Integer.class).single();
    }

    /** The second step of a login: a code from the app (each usable once) or an unused recovery code. */
    public boolean verify(UserId accountId, String code, String address) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Account account = accounts.findById(accountId).orElseThrow();
            if (!account.totpEnabled()) {
                return false;
            }
            OptionalLong step = totp.verify(Totp.secret(account.totpSecret()), code, clock.instant(), account.totpLastStep());
            if (step.isPresent()) {
                return accounts.useTotpStep(accountId, step.getAsLong());
            }
            if (code == null) {
                return false;
            }
            int used = jdbc.sql("""
                    UPDATE account_recovery_code SET used_at = :now
                    WHERE account_id = :id AND code_hash = :hash AND used_at IS NULL""")
                    .param("now", Timestamp.from(clock.instant())).param("id", accountId.value())
                    .param("hash", SecretTokens.hash(SecretTokens.normalizeRecoveryCode(code))).update();
            if (used == 1) {
                history.record(Kind.RECOVERY_CODE_USED, account, By.of(account), address, null);
                return true;
            }
            return false;
        }));
    }
}
