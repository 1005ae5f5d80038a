package coop.mutua.app.account.web;

import coop.mutua.app.account.Account;
import coop.mutua.app.account.AccountHistory;
import coop.mutua.app.account.AccountRole;
import coop.mutua.app.account.Accounts;
import coop.mutua.app.account.ApiTokens;
import coop.mutua.app.account.Invitations;
import coop.mutua.app.account.LoginAttempts;
import coop.mutua.app.account.LoginThrottle.Decision;
import coop.mutua.app.account.Passwords;
import coop.mutua.app.account.TwoFactor;
import coop.mutua.app.security.CurrentActor;
import coop.mutua.app.security.SecondFactorLogin;
import coop.mutua.catalog.api.Directory;
import coop.mutua.catalog.api.FindGroupementQuery;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of one's own access: accepting an invitation, a forgotten password, the second step of a login, and
 * "Mon compte" (password, two-factor, recent activity).
 */
@Controller
class AccountPagesController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Invitations invitations;
    private final Passwords passwords;
    private final TwoFactor twoFactor;
    private final Accounts accounts;
    private final AccountHistory history;
    private final LoginAttempts attempts;
    private final Directory directory;
    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final ApiTokens apiTokens;

    AccountPagesController(Invitations invitations, Passwords passwords, TwoFactor twoFactor, Accounts accounts,
                           AccountHistory history, LoginAttempts attempts, Directory directory, MessageSource messages,
                           LocaleResolver localeResolver, ApiTokens apiTokens) {
        this.invitations = invitations;
        this.passwords = passwords;
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.history = history;
        this.attempts = attempts;
        this.directory = directory;
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.apiTokens = apiTokens;
    }

    // --- Invitations -------------------------------------------------------------------------------------------------

    /** The page opens in the language of the invitation, unless the person already chose one here. */
    @GetMapping("/invitation/{token}")
    String invitation(@PathVariable("token") String token, Model model, Locale locale, HttpServletRequest request,
                      HttpServletResponse response) {
        try {
            Account account = invitations.pending(token);
            boolean chosen = request.getCookies() != null && Arrays.stream(request.getCookies())
                    .anyMatch(cookie -> "mutua-lang".equals(cookie.getName()));
            if (!chosen) {
                localeResolver.setLocale(request, response, account.locale());
            }
            invitationModel(model, account, token, account.email());
        } catch (DomainException refused) {
            model.addAttribute("unusable", messages.getMessage(refused.code(), refused.arguments(), locale));
        }
        return "account/invitation";
    }

    @PostMapping("/invitation/{token}")
    String accept(@PathVariable("token") String token, @RequestParam(name = "username", defaultValue = "") String username,
                  @RequestParam(name = "password", defaultValue = "") String password,
                  @RequestParam(name = "confirm", defaultValue = "") String confirm, HttpServletRequest request,
                  HttpServletResponse response, Model model, RedirectAttributes redirect, Locale locale) {
        Account account;
        try {
            account = invitations.pending(token);
        } catch (DomainException refused) {
            model.addAttribute("unusable", messages.getMessage(refused.code(), refused.arguments(), locale));
            response.setStatus(422);
            return "account/invitation";
        }
        try {
            if (!password.equals(confirm)) {
                throw new InvalidFieldException("confirm", "invitation.mismatch");
            }
            Account joined = invitations.accept(token, username, password, request.getRemoteAddr());
            redirect.addFlashAttribute("joined", joined.username());
            return "redirect:/login";
        } catch (DomainException refused) {
            invitationModel(model, account, token, username);
            refuse(model, refused, locale, response);
            return "account/invitation";
        }
    }

    private void invitationModel(Model model, Account account, String token, String username) {
        model.addAttribute("invited", account);
        model.addAttribute("token", token);
        model.addAttribute("username", username);
        model.addAttribute("groupementName", directory.handle(new FindGroupementQuery(account.groupementId()))
                .map(groupement -> groupement.name()).orElse("Mutua"));
    }

    // --- Forgotten password ------------------------------------------------------------------------------------------

    @GetMapping("/password/forgot")
    String forgot(Model model) {
        model.addAttribute("minutes", passwords.validity().toMinutes());
        return "account/forgot";
    }

    /** The same answer, at once, whether the address has an account or not (the mail goes on another thread). */
    @PostMapping("/password/forgot")
    String askReset(@RequestParam(name = "email", defaultValue = "") String email, HttpServletRequest request,
                    RedirectAttributes redirect) {
        passwords.requestReset(email, request.getRemoteAddr());
        redirect.addFlashAttribute("sent", true);
        return "redirect:/password/forgot";
    }

    @GetMapping("/password/reset/{token}")
    String resetPage(@PathVariable("token") String token, Model model, Locale locale) {
        try {
            model.addAttribute("resetAccount", passwords.resetFor(token));
            model.addAttribute("token", token);
        } catch (DomainException refused) {
            model.addAttribute("unusable", messages.getMessage(refused.code(), refused.arguments(), locale));
        }
        return "account/reset";
    }

    @PostMapping("/password/reset/{token}")
    String reset(@PathVariable("token") String token, @RequestParam(name = "password", defaultValue = "") String password,
                 @RequestParam(name = "confirm", defaultValue = "") String confirm, HttpServletRequest request,
                 HttpServletResponse response, Model model, RedirectAttributes redirect, Locale locale) {
        Account account;
        try {
            account = passwords.resetFor(token);
        } catch (DomainException refused) {
            model.addAttribute("unusable", messages.getMessage(refused.code(), refused.arguments(), locale));
            response.setStatus(422);
            return "account/reset";
        }
        try {
            if (!password.equals(confirm)) {
                throw new InvalidFieldException("confirm", "invitation.mismatch");
            }
            passwords.reset(token, password, request.getRemoteAddr());
            redirect.addFlashAttribute("reset", true);
            return "redirect:/login";
        } catch (DomainException refused) {
            model.addAttribute("resetAccount", account);
            model.addAttribute("token", token);
            refuse(model, refused, locale, response);
            return "account/reset";
        }
    }

    // --- Second step of a login --------------------------------------------------------------------------------------

    @GetMapping("/login/code")
    String codePage() {
        return "account/login-code";
    }

    /** A wrong code counts as a failed login of the account (so codes cannot be tried in bulk). */
    @PostMapping("/login/code")
    String code(@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
                HttpServletResponse response, Model model, Locale locale) {
        Account account = SecondFactorLogin.pending().orElseThrow();
        String address = request.getRemoteAddr();
        Decision decision = attempts.check(account.username(), address);
        if (!decision.allowed()) {
            model.addAttribute("error", messages.getMessage("login.locked", new Object[] {time(decision.retryAt(), locale)}, locale));
            response.setStatus(429);
            return "account/login-code";
        }
        if (!twoFactor.verify(account.id(), code, address)) {
            attempts.failed(account.username(), address);
            model.addAttribute("error", messages.getMessage("login.code.wrong", null, locale));
            response.setStatus(422);
            return "account/login-code";
        }
        Account now = accounts.findById(account.id()).orElseThrow();
        attempts.succeeded(now, now.username(), address, "web, two-factor");
        return "redirect:" + SecondFactorLogin.complete(request, response, now);
    }

    // --- My account --------------------------------------------------------------------------------------------------

    @GetMapping("/account")
    String account(Model model) {
        Account account = me();
        model.addAttribute("me", account);
        model.addAttribute("recoveryCodesLeft", account.totpEnabled() ? twoFactor.recoveryCodesLeft(account.id()) : 0);
        model.addAttribute("twoFactorRequired", account.role() == AccountRole.COORDINATOR
                && twoFactor.requiredForCoordinators(account.groupementId()));
        model.addAttribute("recent", history.of(account.id(), 20));
        model.addAttribute("tokens", apiTokens.of(account.id()));
        return "account/account";
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam(name = "name", defaultValue = "") String name, HttpServletRequest request,
                       HttpServletResponse response, Model model, RedirectAttributes redirect, Locale locale) {
        try {
            redirect.addFlashAttribute("createdToken", apiTokens.create(me().id(), name, request.getRemoteAddr()));
        } catch (DomainException refused) {
            refuse(model, refused, locale, response);
            return account(model);
        }
        return "redirect:/account#tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable("id") String id, HttpServletRequest request) {
        apiTokens.revoke(me().id(), id, request.getRemoteAddr());
        return "redirect:/account#tokens";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(name = "currentPassword", defaultValue = "") String current,
                          @RequestParam(name = "newPassword", defaultValue = "") String newPassword,
                          @RequestParam(name = "confirm", defaultValue = "") String confirm, HttpServletRequest request,
                          HttpServletResponse response, Model model, RedirectAttributes redirect, Locale locale) {
        Account account = me();
        try {
            if (!newPassword.equals(confirm)) {
                throw new InvalidFieldException("confirm", "invitation.mismatch");
            }
            passwords.change(account.id(), current, newPassword, request.getRemoteAddr());
        } catch (DomainException refused) {
            refuse(model, refused, locale, response);
            return account(model);
        }
        SecondFactorLogin.refresh(request, response, accounts.findById(account.id()).orElseThrow());
        redirect.addFlashAttribute("passwordChanged", true);
        return "redirect:/account";
    }

    /** Set-up: a QR code to scan and a first code to confirm. Also where a coordinator owing two-factor is sent. */
    @GetMapping("/account/two-factor")
    String twoFactorSetup(Model model) {
        Account account = SecondFactorLogin.pending().orElseGet(this::me);
        if (account.totpEnabled()) {
            return "redirect:/account";
        }
        TwoFactor.Enrolment enrolment = twoFactor.pendingEnrolment(account.id(), issuer(account));
        if (enrolment == null) {
            enrolment = twoFactor.start(account.id(), issuer(account));
        }
        model.addAttribute("enrolment", enrolment);
        model.addAttribute("qr", QrCodes.svg(enrolment.uri()));
        model.addAttribute("required", SecondFactorLogin.pending().isPresent());
        return "account/two-factor";
    }

    @PostMapping("/account/two-factor")
    String confirmTwoFactor(@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
                            HttpServletResponse response, Model model, Locale locale) {
        boolean pending = SecondFactorLogin.pending().isPresent();
        Account account = SecondFactorLogin.pending().orElseGet(this::me);
        List<String> codes;
        try {
            codes = twoFactor.confirm(account.id(), code, request.getRemoteAddr());
        } catch (DomainException refused) {
            refuse(model, refused, locale, response);
            return twoFactorSetup(model);
        }
        Account now = accounts.findById(account.id()).orElseThrow();
        if (pending) {
            attempts.succeeded(now, now.username(), request.getRemoteAddr(), "web, two-factor set up");
            model.addAttribute("next", SecondFactorLogin.complete(request, response, now));
        } else {
            SecondFactorLogin.refresh(request, response, now);
            model.addAttribute("next", "/account");
        }
        model.addAttribute("codes", codes);
        return "account/recovery-codes";
    }

    @PostMapping("/account/two-factor/recovery-codes")
    String newRecoveryCodes(Model model) {
        Account account = me();
        if (!account.totpEnabled()) {
            return "redirect:/account";
        }
        model.addAttribute("codes", twoFactor.newRecoveryCodes(account.id()));
        model.addAttribute("next", "/account");
        return "account/recovery-codes";
    }

    @PostMapping("/account/two-factor/disable")
    String disableTwoFactor(@RequestParam(name = "currentPassword", defaultValue = "") String password,
                            HttpServletRequest request, HttpServletResponse response, Model model,
                            RedirectAttributes redirect, Locale locale) {
        Account account = me();
        try {
            twoFactor.disable(account.id(), password, request.getRemoteAddr());
        } catch (DomainException refused) {
            refuse(model, refused, locale, response);
            return account(model);
        }
        SecondFactorLogin.refresh(request, response, accounts.findById(account.id()).orElseThrow());
        redirect.addFlashAttribute("twoFactorDisabled", true);
        return "redirect:/account";
    }

    private Account me() {
        return CurrentActor.account().orElseThrow(() -> new AccessDeniedException("login required"));
    }

    private String issuer(Account account) {
        String groupement = account.groupementId() == null ? null : directory.handle(new FindGroupementQuery(account.groupementId()))
                .map(g -> g.name()).orElse(null);
        return groupement == null ? "Mutua" : "Mutua – " + groupement;
    }

    private void refuse(Model model, DomainException refused, Locale locale, HttpServletResponse response) {
        model.addAttribute("error", messages.getMessage(refused.code(), refused.arguments(), refused.getMessage(), locale));
        refused.field().ifPresent(field -> model.addAttribute("errorField", field));
        response.setStatus(refused instanceof ConflictException ? 409 : 422);
    }

    static String time(Instant at, Locale locale) {
        return DateTimeFormatter.ofPattern("HH:mm:ss", locale).format(at.atZone(PARIS));
    }
}
