package coop.mutua.app.web;

import coop.mutua.app.security.CurrentActor;
import coop.mutua.catalog.api.Directory;
import coop.mutua.catalog.api.FindGroupementQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page's layout needs: who is logged in, for which groupement, the path for the language switch, the
 * time zone. Added only when a view is rendered (never for the JSON API, which would pay a query for nothing).
 */
@Component
class LayoutAdvice implements HandlerInterceptor {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Directory directory;

    LayoutAdvice(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
            return;
        }
        addTo(view.getModelMap(), request);
    }

    /** The error page (404, 403, 422...) with the layout's attributes, the reason shown when there is one. */
    ModelAndView errorPage(int status, String reason, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(status);
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", status);
        view.addObject("reason", reason);
        addTo(view.getModelMap(), request);
        return view;
    }

    /** Also used by the error pages, which Spring renders without calling postHandle. */
    void addTo(ModelMap model, HttpServletRequest request) {
        // Every page has a form in its footer (the language): its CSRF token, and for a visitor the session that keeps
        // it, must exist before the response starts, not when a long public page (the network directory) reaches it.
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
        model.addAttribute("zone", PARIS);
        model.addAttribute("currentPath", request.getRequestURI());
        CurrentActor.account().ifPresent(account -> model.addAttribute("currentAccount", account));
        CurrentActor.get().ifPresent(actor -> {
            model.addAttribute("actor", actor);
            directory.handle(new FindGroupementQuery(actor.groupementId()))
                    .ifPresent(groupement -> model.addAttribute("groupement", groupement));
        });
    }
}
