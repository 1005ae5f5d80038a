package coop.mutua.app.account.web;

import coop.mutua.app.account.Account;
import coop.mutua.app.account.AccountHistory;
import coop.mutua.app.account.Accounts;
import coop.mutua.app.account.Invitations.Invitation;
import coop.mutua.app.account.Invitations.Invitee;
import coop.mutua.app.account.Invitations;
import coop.mutua.app.account.People;
import coop.mutua.app.account.TwoFactor;
import coop.mutua.app.security.CurrentActor;
import coop.mutua.catalog.api.Directory;
import coop.mutua.catalog.api.FindMemberQuery;
import coop.mutua.catalog.api.FindMembersQuery;
import coop.mutua.catalog.api.FindSupplierQuery;
import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's pages for people: the "Coordination" page (coordinators, the two-factor requirement, the accounts'
 * history), the people of a member structure or a supplier (also shown inside their pages), one person's history,
 * and the actions: invite, send again, withdraw, disable, enable.
 */
@Controller
@PreAuthorize("hasRole('COORDINATOR')")
class PeoplePagesController {

    private final Accounts accounts;
    private final Invitations invitations;
    private final People people;
    private final TwoFactor twoFactor;
    private final AccountHistory history;
    private final Directory directory;
    private final MessageSource messages;

    PeoplePagesController(Accounts accounts, Invitations invitations, People people, TwoFactor twoFactor, AccountHistory history,
                     Directory directory, MessageSource messages) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.people = people;
        this.twoFactor = twoFactor;
        this.history = history;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/coordination")
    String coordination(Actor actor, Model model) {
        model.addAttribute("people", accounts.people(actor.groupementId(), Role.COORDINATOR, null));
        model.addAttribute("totpRequired", twoFactor.requiredForCoordinators(actor.groupementId()));
        model.addAttribute("history", history.ofGroupement(actor.groupementId(), 50));
        model.addAttribute("members", directory.handle(new FindMembersQuery(actor.groupementId())));
        model.addAttribute("suppliers", directory.handle(new FindSuppliersQuery(actor.groupementId())));
        model.addAttribute("target", new Target("COORDINATOR", null, null));
        return "account/coordination";
    }

    @PostMapping("/coordination/security")
    String security(Actor actor, @RequestParam(name = "totpRequired", defaultValue = "false") boolean required,
                    HttpServletRequest request, RedirectAttributes redirect) {
        twoFactor.requireForCoordinators(actor.groupementId(), required, me(), request.getRemoteAddr());
        redirect.addFlashAttribute("settingsSaved", true);
        return "redirect:/coordination";
    }

    /** Where invitations are made from: a member structure, a supplier, or the coordination. */
    record Target(String role, String structureId, String structureName) {
        public String back() {
            return switch (role) {
                case "MEMBER" -> "/people/members/" + structureId;
                case "SUPPLIER" -> "/people/suppliers/" + structureId;
                default -> "/coordination";
            };
        }
    }

    /** The people of a member structure: a page, or (for htmx, inside the structure's page) the section alone. */
    @GetMapping("/people/members/{id}")
    String memberPeople(Actor actor, @PathVariable("id") String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                        Model model) {
        Target target = memberTarget(actor, id);
        return structure(actor, target, model, htmx);
    }

    @GetMapping("/people/suppliers/{id}")
    String supplierPeople(Actor actor, @PathVariable("id") String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                          Model model) {
        Target target = supplierTarget(actor, id);
        return structure(actor, target, model, htmx);
    }

    private String structure(Actor actor, Target target, Model model, String htmx) {
        model.addAttribute("target", target);
        model.addAttribute("people", accounts.people(actor.groupementId(), Role.valueOf(target.role()), target.structureId()));
        return "true".equals(htmx) ? "account/people :: section" : "account/people";
    }

    @PostMapping("/people/invite")
    String invite(Actor actor, @RequestParam(name = "role", defaultValue = "") String role,
                  @RequestParam(name = "structureId", required = false) String structureId,
                  @RequestParam(name = "name", defaultValue = "") String name,
                  @RequestParam(name = "email", defaultValue = "") String email,
                  @RequestParam(name = "language", defaultValue = "fr") String language,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect,
                  Locale locale) {
        Target target = switch (role) {
            case "MEMBER" -> memberTarget(actor, structureId);
            case "SUPPLIER" -> supplierTarget(actor, structureId);
            case "COORDINATOR" -> new Target("COORDINATOR", null, null);
            default -> throw new DomainException("request.field-not-allowed", "role", role, "COORDINATOR, MEMBER, SUPPLIER");
        };
        Invitee invitee = new Invitee(name, email, Role.valueOf(role),
                target.role().equals("MEMBER") ? MemberId.of(target.structureId()) : null,
                target.role().equals("SUPPLIER") ? SupplierId.of(target.structureId()) : null, null);
        try {
            invitee = new Invitee(invitee.name(), invitee.email(), invitee.role(), invitee.memberId(), invitee.supplierId(),
                    Invitations.language(language));
            Invitation invitation = invitations.invite(actor.groupementId(), invitee, me(), request.getRemoteAddr());
            redirect.addFlashAttribute("invitation", invitation);
        } catch (DomainException refused) {
            redirect.addFlashAttribute("inviteError", messages.getMessage(refused.code(), refused.arguments(), refused.getMessage(), locale));
            redirect.addFlashAttribute("inviteName", name);
            redirect.addFlashAttribute("inviteEmail", email);
        }
        return "redirect:" + target.back();
    }

    @GetMapping("/people/{id}")
    String person(Actor actor, @PathVariable("id") String id, Model model) {
        Account account = people.of(actor.groupementId(), parse(id));
        model.addAttribute("person", account);
        model.addAttribute("history", history.of(account.id(), 100));
        model.addAttribute("target", targetOf(account));
        return "account/person";
    }

    @PostMapping("/people/{id}/resend")
    String resend(Actor actor, @PathVariable("id") String id, HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        return act(actor, id, redirect, locale, account -> redirect.addFlashAttribute("invitation",
                invitations.resend(actor.groupementId(), account.id(), me(), request.getRemoteAddr())));
    }

    @PostMapping("/people/{id}/revoke")
    String revoke(Actor actor, @PathVariable("id") String id, HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        return act(actor, id, redirect, locale, account -> {
            invitations.revoke(actor.groupementId(), account.id(), me(), request.getRemoteAddr());
            redirect.addFlashAttribute("done", "people.revoked");
        });
    }

    @PostMapping("/people/{id}/disable")
    String disable(Actor actor, @PathVariable("id") String id, HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        return act(actor, id, redirect, locale, account -> {
            people.disable(actor.groupementId(), account.id(), me(), request.getRemoteAddr());
            redirect.addFlashAttribute("done", "people.disabled");
        });
    }

    @PostMapping("/people/{id}/enable")
    String enable(Actor actor, @PathVariable("id") String id, HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        return act(actor, id, redirect, locale, account -> {
            people.enable(actor.groupementId(), account.id(), me(), request.getRemoteAddr());
            redirect.addFlashAttribute("done", "people.enabled");
        });
    }

    /** One action on a person of the groupement, then back to where that person is listed, with the refusal if any. */
    private String act(Actor actor, String id, RedirectAttributes redirect, Locale locale, Consumer<Account> action) {
        Account account = people.of(actor.groupementId(), parse(id));
        try {
            action.accept(account);
        } catch (NotFoundException missing) {
            throw missing;
        } catch (DomainException refused) {
            redirect.addFlashAttribute("inviteError", messages.getMessage(refused.code(), refused.arguments(), refused.getMessage(), locale));
        }
        return "redirect:" + targetOf(account).back();
    }

    private Target memberTarget(Actor actor, String id) {
        return directory.handle(new FindMemberQuery(actor.groupementId(), NotFoundException.unlessReadable("member", id, MemberId::of)))
                .map(member -> new Target("MEMBER", member.id().value(), member.name()))
                .orElseThrow(() -> new NotFoundException("member", id));
    }

    private Target supplierTarget(Actor actor, String id) {
        return directory.handle(new FindSupplierQuery(actor.groupementId(), NotFoundException.unlessReadable("supplier", id, SupplierId::of)))
                .map(supplier -> new Target("SUPPLIER", supplier.id().value(), supplier.name()))
                .orElseThrow(() -> new NotFoundException("supplier", id));
    }

    private Target targetOf(Account account) {
        return switch (account.role()) {
            case MEMBER -> new Target("MEMBER", account.memberId().value(), null);
            case SUPPLIER -> new Target("SUPPLIER", account.supplierId().value(), null);
            default -> new Target("COORDINATOR", null, null);
        };
    }

    private static UserId parse(String id) {
        return NotFoundException.unlessReadable("account", id, UserId::of);
    }

    private static Account me() {
        return CurrentActor.account().orElseThrow();
    }
}
