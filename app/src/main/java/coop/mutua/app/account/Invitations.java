package coop.mutua.app.account;

import coop.mutua.platform.web.Links;
import coop.mutua.app.account.AccountHistory.By;
import coop.mutua.app.account.AccountHistory.Kind;
import coop.mutua.app.account.AccountTokens.Purpose;
import coop.mutua.catalog.api.Directory;
import coop.mutua.catalog.api.FindGroupementQuery;
import coop.mutua.catalog.api.FindMemberQuery;
import coop.mutua.catalog.api.FindSupplierQuery;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UserId;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inviting people: a coordinator (or, for a new groupement's first coordinator, the operator) names a person and an
 * e-mail address; the person gets a single-use link that expires, and chooses a login and a password by opening it.
 * Without SMTP (or if the mail fails) the link is given back to the one who invited, to pass on.
 */
@Service
public class Invitations {

    /** An invitation just made or sent again: the link only when it was not mailed (to be passed on by hand). */
    public record Invitation(UserId accountId, String email, boolean mailed, String link, Instant expiresAt) {
    }

    /** What a person is invited as: a coordinator, or a user of one member structure or supplier. */
    public record Invitee(String name, String email, Role role, MemberId memberId, SupplierId supplierId, Locale locale) {
    }

    static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{2,63}");

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final AccountHistory history;
    private final AccountMails mails;
    private final Links links;
    private final Directory directory;
    private final PasswordPolicy policy;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration validity;

    Invitations(Accounts accounts, AccountTokens tokens, AccountHistory history, AccountMails mails, Links links, Directory directory,
                PasswordPolicy policy, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
                @Value("${mutua.accounts.invitation-validity:7d}") Duration validity) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.history = history;
        this.mails = mails;
        this.links = links;
        this.directory = directory;
        this.policy = policy;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.validity = validity;
    }

    /** Invites a person into the groupement; the structure must be the groupement's. */
    public Invitation invite(GroupementId groupementId, Invitee invitee, Account by, String address) {
        String name = printable(Require.text(invitee.name(), "name", 200), "name");
        String email = mailbox(printable(Require.email(invitee.email(), "email"), "email"));
        Role role = Require.present(invitee.role(), "role");
        MemberId memberId = role == Role.MEMBER ? Require.present(invitee.memberId(), "memberId") : null;
        SupplierId supplierId = role == Role.SUPPLIER ? Require.present(invitee.supplierId(), "supplierId") : null;
        if (memberId != null && directory.handle(new FindMemberQuery(groupementId, memberId)).isEmpty()) {
            throw new NotFoundException("member", memberId);
        }
        if (supplierId != null && directory.handle(new FindSupplierQuery(groupementId, supplierId)).isEmpty()) {
            throw new NotFoundException("supplier", supplierId);
        }
        Locale locale = invitee.locale() != null && invitee.locale().getLanguage().equals("en") ? Locale.ENGLISH : Locale.FRENCH;
        String token = SecretTokens.newToken();
        Instant expires = clock.instant().plus(validity);
        record Existing(String id, String state) {
        }
        Optional<Existing> existing = jdbc.sql("""
                SELECT id, state FROM user_account WHERE groupement_id = :groupement AND role = :role
                       AND lower(email) = lower(:email) AND state IN ('INVITED', 'ACTIVE', 'DISABLED')
                       AND member_id IS NOT DISTINCT FROM :member AND supplier_id IS NOT DISTINCT FROM :supplier
                ORDER BY created_at LIMIT 1""")
                .param("groupement", groupementId.value()).param("role", role.name()).param("email", email)
                .param("member", memberId == null ? null : memberId.value())
                .param("supplier", supplierId == null ? null : supplierId.value())
                .query((rs, n) -> new Existing(rs.getString("id"), rs.getString("state"))).optional();
        if (existing.isPresent() && existing.get().state().equals("INVITED")) {
            // Invited again while the first invitation waits (its link lost): a new link, the same person.
            return resend(groupementId, UserId.of(existing.get().id()), by, address);
        }
        if (existing.isPresent()) {
            throw new ConflictException("invitation.already", email);
        }
        UserId id = transactions.execute(status -> {
            UserId created = accounts.createInvited(name, email, role, groupementId, memberId, supplierId, locale, by.id());
            tokens.replace(created, Purpose.INVITATION, token, expires);
            history.record(Kind.INVITED, created, groupementId, By.of(by), address, email);
            return created;
        });
        return send(accounts.findById(id).orElseThrow(), token, expires, by);
    }

    /** A new link for a pending invitation (the previous ones stop working). */
    public Invitation resend(GroupementId groupementId, UserId accountId, Account by, String address) {
        Account account = invited(groupementId, accountId);
        String token = SecretTokens.newToken();
        Instant expires = clock.instant().plus(validity);
        transactions.executeWithoutResult(status -> {
            tokens.replace(accountId, Purpose.INVITATION, token, expires);
            history.record(Kind.INVITATION_RESENT, account, By.of(by), address, account.email());
        });
        return send(account, token, expires, by);
    }

    /** Withdraws a pending invitation: its links stop working and the person leaves the lists. */
    public void revoke(GroupementId groupementId, UserId accountId, Account by, String address) {
        Account account = invited(groupementId, accountId);
        transactions.executeWithoutResult(status -> {
            tokens.revokeOpen(accountId, Purpose.INVITATION);
            accounts.setState(accountId, AccountState.REVOKED);
            history.record(Kind.INVITATION_REVOKED, account, By.of(by), address, account.email());
        });
    }

    /** The invited account a link is for, if the link is valid now; otherwise why not. */
    public Account pending(String token) {
        return transactions.execute(status -> validToken(token, false));
    }

    /** The person chose a login and a password: the account is active and the link used. */
    public Account accept(String token, String login, String password, String address) {
        return transactions.execute(status -> {
            Account account = validToken(token, true);
            String username = Require.text(login, "username", 64);
            if (!LOGIN.matcher(username).matches()) {
                throw new InvalidFieldException("username", "account.username-invalid");
            }
            if (accounts.exists(username)) {
                throw new InvalidFieldException("username", "account.username-taken", username);
            }
            policy.check(password, username, account.email()).ifPresent(problem -> {
                throw new InvalidFieldException("password", problem.messageKey());
            });
            accounts.activate(account.id(), username, password);
            tokens.markUsed(token);
            Account joined = accounts.findById(account.id()).orElseThrow();
            history.record(Kind.JOINED, joined, By.of(joined), address, username);
            return joined;
        });
    }

    /**
     * A text without control or format characters: a line break in a name would end up in mails and history, a
     * right-to-left override would show a name reversed (joiners, which some scripts and emoji need, are allowed).
     */
    static String printable(String text, String field) {
        boolean refused = text.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT && c != 0x200C && c != 0x200D);
        if (refused) {
            throw new InvalidFieldException(field, "field.characters", field);
        }
        return text;
    }

    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+");

    /** The language of an invitation: "fr" (also when not given) or "en". */
    public static Locale language(String language) {
        if (language == null || language.isBlank() || language.strip().equalsIgnoreCase("fr")) {
            return Locale.FRENCH;
        }
        if (language.strip().equalsIgnoreCase("en")) {
            return Locale.ENGLISH;
        }
        throw new InvalidFieldException("language", "request.field-not-allowed", "language", language, "fr, en");
    }

    /** One plain address a mail server takes (RFC 822 syntax, no display name, no list): what is stored is what is sent. */
    static String mailbox(String email) {
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            if (address.getPersonal() != null || !address.getAddress().equals(email) || email.indexOf('@') != email.lastIndexOf('@')
                    || !LOCAL_PART.matcher(email.substring(0, email.indexOf('@'))).matches()) {
                throw new InvalidFieldException("email", "field.email", "email", email);
            }
            return email;
        } catch (AddressException malformed) {
            throw new InvalidFieldException("email", "field.email", "email", email);
        }
    }


    private Invitation send(Account account, String token, Instant expires, Account by) {
        String link = links.to("/invitation/" + token);
        String groupement = directory.handle(new FindGroupementQuery(account.groupementId())).map(g -> g.name()).orElse("Mutua");
        boolean mailed = mails.invitation(account.email(), account.displayName(), groupement, by.displayName(), link, expires,
                account.locale());
        return new Invitation(account.id(), account.email(), mailed, mailed ? null : link, expires);
    }

    private Account invited(GroupementId groupementId, UserId accountId) {
        Account account = accounts.findById(accountId).filter(a -> groupementId.equals(a.groupementId()))
                .orElseThrow(() -> new NotFoundException("account", accountId));
        if (account.state() != AccountState.INVITED) {
            throw new ConflictException("invitation.not-pending", account.displayName());
        }
        return account;
    }

    /** The token's account, locking the token row when it is about to be used; a refusal says why the link is no good. */
    private Account validToken(String token, boolean forUpdate) {
        Optional<AccountTokens.Found> row = tokens.find(token, Purpose.INVITATION, forUpdate);
        if (row.isEmpty() || row.get().revoked()) {
            throw new DomainException("invitation.invalid");
        }
        if (row.get().used()) {
            throw new DomainException("invitation.used");
        }
        if (!clock.instant().isBefore(row.get().expiresAt())) {
            throw new DomainException("invitation.expired");
        }
        Account account = accounts.findById(row.get().accountId()).orElseThrow(() -> new DomainException("invitation.invalid"));
        if (account.state() != AccountState.INVITED) {
            throw new DomainException("invitation.invalid");
        }
        return account;
    }
}
