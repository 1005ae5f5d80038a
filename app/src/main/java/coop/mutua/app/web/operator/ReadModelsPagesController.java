package coop.mutua.app.web.operator;

import coop.mutua.app.axon.ReadModelCatalog;
import coop.mutua.app.axon.ReadModelRebuilds;
import coop.mutua.kernel.DomainException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Vues": rebuild one read model or all from the event store, with the progress of the running rebuild (ADR 19). */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class ReadModelsPagesController {

    private final ReadModelCatalog catalog;
    private final ReadModelRebuilds rebuilds;
    private final MessageSource messages;

    ReadModelsPagesController(ReadModelCatalog catalog, ReadModelRebuilds rebuilds, MessageSource messages) {
        this.catalog = catalog;
        this.rebuilds = rebuilds;
        this.messages = messages;
    }

    @GetMapping("/operator/read-models")
    String list(Model model) {
        model.addAttribute("readModels", catalog.all());
        model.addAttribute("rebuild", rebuilds.current().orElse(null));
        return "operator/read-models";
    }

    @PostMapping("/operator/read-models/rebuild")
    String rebuild(@RequestParam(name = "readModels", required = false) List<String> names, RedirectAttributes redirect, Locale locale) {
        try {
            rebuilds.start(names == null ? List.of() : names);
            redirect.addFlashAttribute("started", true);
        } catch (DomainException refused) {
            redirect.addFlashAttribute("refused", messages.getMessage(refused.code(), refused.arguments(), refused.code(), locale));
        }
        return "redirect:/operator/read-models";
    }
}
