package coop.mutua.app.account.web;

import coop.mutua.app.account.Account;
import coop.mutua.app.account.AccountHistory.Entry;
import coop.mutua.app.account.AccountHistory;
import coop.mutua.app.account.AccountRole;
import coop.mutua.app.account.AccountState;
import coop.mutua.app.account.Accounts;
import coop.mutua.app.account.ApiTokens;
import coop.mutua.app.account.Invitations.Invitation;
import coop.mutua.app.account.Invitations.Invitee;
import coop.mutua.app.account.Invitations;
import coop.mutua.app.account.Passwords;
import coop.mutua.app.account.People;
import coop.mutua.app.account.TwoFactor;
import coop.mutua.app.security.CurrentActor;
import coop.mutua.catalog.api.Directory;
import coop.mutua.catalog.api.FindMemberQuery;
import coop.mutua.catalog.api.FindSupplierQuery;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** People and their accounts through the API: invitations, states, history; a person's own password. */
@RestController
@Tag(name = "People", description = "Accounts of the groupement: invitations, states, history")
class PeopleApiController {

    /** A person with access to the groupement (or invited to). */
    record Person(String id, String name, String email, String username, AccountRole role, String memberId,
                  String supplierId, AccountState state, boolean twoFactor, Instant invitedAt, Instant joinedAt,
                  Instant lastLoginAt) {
        static Person of(Account account) {
            return new Person(account.id().value(), account.displayName(), account.email(), account.username(),
                    account.role(), account.memberId() == null ? null : account.memberId().value(),
                    account.supplierId() == null ? null : account.supplierId().value(), account.state(),
                    account.totpEnabled(), account.createdAt(), account.joinedAt(), account.lastLoginAt());
        }
    }

    /** Whom to invite; language of the mail and of the pages the link opens: "fr" (default) or "en". */
    record InvitationRequest(String name, String email, String language) {
    }

    /** An invitation made: the link is given only when no mail could carry it (no SMTP, or the server refused). */
    record InvitationSent(String userId, String email, boolean mailed, String link, Instant expiresAt) {
        static InvitationSent of(Invitation invitation) {
            return new InvitationSent(invitation.accountId().value(), invitation.email(), invitation.mailed(),
                    invitation.link(), invitation.expiresAt());
        }
    }

    /** One entry of an account's history. */
    record AccountEvent(Instant at, AccountHistory.Kind kind, String userId, String accountName, String by, String address,
                        String detail) {
        static AccountEvent of(Entry entry) {
            return new AccountEvent(entry.at(), entry.kind(), entry.accountId() == null ? null : entry.accountId().value(),
                    entry.accountName(), entry.actorName(), entry.address(), entry.detail());
        }
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record SecuritySettings(boolean twoFactorRequiredForCoordinators) {
    }

    private final Accounts accounts;
    private final Invitations invitations;
    private final People people;
    private final Passwords passwords;
    private final TwoFactor twoFactor;
    private final AccountHistory history;
    private final Directory directory;
    private final ApiTokens apiTokens;

    PeopleApiController(ApiTokens apiTokens, Accounts accounts, Invitations invitations, People people, Passwords passwords, TwoFactor twoFactor,
                        AccountHistory history, Directory directory) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.people = people;
        this.passwords = passwords;
        this.twoFactor = twoFactor;
        this.history = history;
        this.directory = directory;
        this.apiTokens = apiTokens;
    }

    @GetMapping("/api/coordinators")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "The groupement's coordinators, with their state (invited, active, disabled) and last login")
    List<Person> coordinators(@Parameter(hidden = true) Actor actor) {
        return accounts.people(actor.groupementId(), Role.COORDINATOR, null).stream().map(Person::of).toList();
    }

    @PostMapping("/api/coordinators")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Invite a coordinator: an e-mail with a single-use link that expires (7 days by default)")
    ResponseEntity<InvitationSent> inviteCoordinator(@Parameter(hidden = true) Actor actor, @RequestBody InvitationRequest request,
                                                     HttpServletRequest http) {
        return invite(actor, request, Role.COORDINATOR, null, null, http);
    }

    @GetMapping("/api/members/{id}/users")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "The people of a member structure, with their state and last login")
    List<Person> memberUsers(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id) {
        return accounts.people(actor.groupementId(), Role.MEMBER, member(actor, id).value()).stream().map(Person::of).toList();
    }

    @PostMapping("/api/members/{id}/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Invite a person to order for a member structure")
    ResponseEntity<InvitationSent> inviteMemberUser(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id,
                                                    @RequestBody InvitationRequest request, HttpServletRequest http) {
        return invite(actor, request, Role.MEMBER, member(actor, id), null, http);
    }

    @GetMapping("/api/suppliers/{id}/users")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "The people of a supplier, with their state and last login")
    List<Person> supplierUsers(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id) {
        return accounts.people(actor.groupementId(), Role.SUPPLIER, supplier(actor, id).value()).stream().map(Person::of).toList();
    }

    @PostMapping("/api/suppliers/{id}/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Invite a person of a supplier (grouped orders, catalog, invoices of that supplier)")
    ResponseEntity<InvitationSent> inviteSupplierUser(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id,
                                                      @RequestBody InvitationRequest request, HttpServletRequest http) {
        return invite(actor, request, Role.SUPPLIER, null, supplier(actor, id), http);
    }

    @GetMapping("/api/users/{id}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "One person of the groupement")
    Person user(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id) {
        return Person.of(people.of(actor.groupementId(), userId(id)));
    }

    @GetMapping("/api/users/{id}/history")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "An account's history: invited, joined, logins, failures, locks, password changes, disabling")
    List<AccountEvent> userHistory(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id) {
        return history.of(people.of(actor.groupementId(), userId(id)).id(), 500).stream().map(AccountEvent::of).toList();
    }

    @GetMapping("/api/account-history")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "The latest 500 entries of every account's history in the groupement, newest first")
    List<AccountEvent> groupementHistory(@Parameter(hidden = true) Actor actor) {
        return history.ofGroupement(actor.groupementId(), 500).stream().map(AccountEvent::of).toList();
    }

    @PostMapping("/api/users/{id}/disable")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Disable an account: its sessions and remembered API logins stop working (within a second)")
    Person disable(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id, HttpServletRequest http) {
        UserId userId = userId(id);
        people.disable(actor.groupementId(), userId, me(), http.getRemoteAddr());
        return Person.of(people.of(actor.groupementId(), userId));
    }

    @PostMapping("/api/users/{id}/enable")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Enable a disabled account again")
    Person enable(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id, HttpServletRequest http) {
        UserId userId = userId(id);
        people.enable(actor.groupementId(), userId, me(), http.getRemoteAddr());
        return Person.of(people.of(actor.groupementId(), userId));
    }

    @PostMapping("/api/users/{id}/invitation")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Send a pending invitation again, with a new link (the previous ones stop working)")
    InvitationSent resend(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id, HttpServletRequest http) {
        return InvitationSent.of(invitations.resend(actor.groupementId(), userId(id), me(), http.getRemoteAddr()));
    }

    @DeleteMapping("/api/users/{id}/invitation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Withdraw a pending invitation")
    ResponseEntity<Void> revoke(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id, HttpServletRequest http) {
        invitations.revoke(actor.groupementId(), userId(id), me(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/coordination/security")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "What the groupement asks of its accounts' security")
    SecuritySettings security(@Parameter(hidden = true) Actor actor) {
        return new SecuritySettings(twoFactor.requiredForCoordinators(actor.groupementId()));
    }

    @PutMapping("/api/coordination/security")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Require two-factor authentication of the coordinators (or not)")
    SecuritySettings changeSecurity(@Parameter(hidden = true) Actor actor, @RequestBody SecuritySettings settings,
                                    HttpServletRequest http) {
        twoFactor.requireForCoordinators(actor.groupementId(), settings.twoFactorRequiredForCoordinators(), me(), http.getRemoteAddr());
        return security(actor);
    }

    @PutMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change one's own password (the current one required); every other session and remembered login ends")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange change, HttpServletRequest http) {
        Account account = CurrentActor.account().orElseThrow(() -> new AccessDeniedException("login required"));
        passwords.change(account.id(), change.currentPassword(), change.newPassword(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    /** A personal API token as listed; its value is given only once, when created. */
    record ApiToken(String id, String name, Instant createdAt, Instant lastUsedAt, String token) {
    }

    record ApiTokenRequest(String name) {
    }

    @GetMapping("/api/me/tokens")
    @Operation(summary = "One's personal API tokens (never their value)")
    List<ApiToken> tokens() {
        return apiTokens.of(meOrDenied().id()).stream()
                .map(token -> new ApiToken(token.id(), token.name(), token.createdAt(), token.lastUsedAt(), null)).toList();
    }

    @PostMapping("/api/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a personal API token: send it as the password of HTTP Basic with one's login (shown once)")
    ResponseEntity<ApiToken> createToken(@RequestBody ApiTokenRequest request, HttpServletRequest http) {
        ApiTokens.Created created = apiTokens.create(meOrDenied().id(), request.name(), http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(new ApiToken(created.id(), created.name(), null, null, created.token()));
    }

    @DeleteMapping("/api/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of one's personal API tokens")
    ResponseEntity<Void> revokeToken(@PathVariable("id") String id, HttpServletRequest http) {
        apiTokens.revoke(meOrDenied().id(), id, http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    private static Account meOrDenied() {
        return CurrentActor.account().orElseThrow(() -> new AccessDeniedException("login required"));
    }

    private ResponseEntity<InvitationSent> invite(Actor actor, InvitationRequest request, Role role, MemberId memberId,
                                                  SupplierId supplierId, HttpServletRequest http) {
        Locale locale = Invitations.language(request.language());
        Invitation invitation = invitations.invite(actor.groupementId(),
                new Invitee(request.name(), request.email(), role, memberId, supplierId, locale), me(), http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(InvitationSent.of(invitation));
    }

    private MemberId member(Actor actor, String id) {
        MemberId memberId = NotFoundException.unlessReadable("member", id, MemberId::of);
        return directory.handle(new FindMemberQuery(actor.groupementId(), memberId)).map(m -> m.id())
                .orElseThrow(() -> new NotFoundException("member", id));
    }

    private SupplierId supplier(Actor actor, String id) {
        SupplierId supplierId = NotFoundException.unlessReadable("supplier", id, SupplierId::of);
        return directory.handle(new FindSupplierQuery(actor.groupementId(), supplierId)).map(s -> s.id())
                .orElseThrow(() -> new NotFoundException("supplier", id));
    }

    private static UserId userId(String id) {
        return NotFoundException.unlessReadable("account", id, UserId::of);
    }

    private static Account me() {
        return CurrentActor.account().orElseThrow();
    }
}
