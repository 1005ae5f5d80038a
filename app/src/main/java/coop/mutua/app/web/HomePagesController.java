package coop.mutua.app.web;

import coop.mutua.app.security.CurrentActor;
import coop.mutua.app.security.LoginMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** Home, login and the language switch. */
@Controller
class HomePagesController {

    private final LocaleResolver localeResolver;
    private final NextSteps nextSteps;

    HomePagesController(LocaleResolver localeResolver, NextSteps nextSteps) {
        this.localeResolver = localeResolver;
        this.nextSteps = nextSteps;
    }

    /** The home page: what this person has to do next, then the way to everything else. */
    @GetMapping("/")
    String home(Model model, Locale locale) {
        boolean operator = CurrentActor.account().map(account -> account.isOperator()).orElse(false);
        if (operator) {
            return "redirect:/operator";
        }
        CurrentActor.get().ifPresent(actor -> model.addAttribute("steps", nextSteps.of(actor, locale)));
        return "home";
    }

    /** The login form; after a throttled attempt it says until when (the time kept in the session by the failure). */
    @GetMapping("/login")
    String login(HttpServletRequest request, Model model, Locale locale) {
        HttpSession session = request.getSession(false);
        Object retryAt = session == null ? null : session.getAttribute(LoginMessages.RETRY_AT);
        if (retryAt instanceof Instant at) {
            model.addAttribute("retryAt", DateTimeFormatter.ofPattern("HH:mm:ss", locale)
                    .format(at.atZone(ZoneId.of("Europe/Paris"))));
        }
        return "login";
    }

    /** A POST (it sets a cookie), answered by going back where the user was, on this site only. */
    @PostMapping("/locale")
    String changeLocale(@RequestParam("lang") String lang, @RequestParam(name = "back", defaultValue = "/") String back,
                        HttpServletRequest request, HttpServletResponse response) {
        Locale locale = LocaleConfiguration.SUPPORTED.stream()
                .filter(supported -> supported.getLanguage().equals(lang))
                .findFirst()
                .orElse(Locale.FRENCH);
        localeResolver.setLocale(request, response, locale);
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && back.length() <= 2000
                && back.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        return "redirect:" + (local ? back : "/");
    }
}
