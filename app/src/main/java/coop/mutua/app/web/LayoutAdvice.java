package coop.mutua.app.web;

import coop.mutua.app.security.CurrentActor;
import coop.mutua.catalog.api.FindGroupementQuery;
import coop.mutua.catalog.api.GroupementSummary;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.kernel.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is logged in, for which groupement. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final DirectoryQueries directory;

    LayoutAdvice(DirectoryQueries directory) {
        this.directory = directory;
    }

    @ModelAttribute("actor")
    Actor actor() {
        return CurrentActor.get().orElse(null);
    }

    /** Dates and times are shown in French time, whatever the server's zone. */
    @ModelAttribute("zone")
    ZoneId zone() {
        return PARIS;
    }

    /** Where the language switch brings the user back to. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("groupement")
    GroupementSummary groupement() {
        return CurrentActor.get()
                .flatMap(actor -> directory.handle(new FindGroupementQuery(actor.groupementId())))
                .orElse(null);
    }
}
