package coop.mutua.app.web.operator;

import coop.mutua.app.axon.DeadLetters;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Incidents": the events a projection could not handle, with retry and evict (ADR 17). */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class DeadLetterPagesController {

    private final DeadLetters deadLetters;

    DeadLetterPagesController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/operator/incidents")
    String list(Model model) {
        model.addAttribute("sequences", deadLetters.list());
        return "operator/incidents";
    }

    @PostMapping("/operator/incidents/retry")
    String retry(@RequestParam("projection") String projection, @RequestParam("sequence") String sequence, RedirectAttributes redirect) {
        redirect.addFlashAttribute(deadLetters.retry(projection, sequence) ? "retried" : "stillFailing", sequence);
        return "redirect:/operator/incidents";
    }

    @PostMapping("/operator/incidents/evict")
    String evict(@RequestParam("projection") String projection, @RequestParam("sequence") String sequence, RedirectAttributes redirect) {
        deadLetters.evict(projection, sequence);
        redirect.addFlashAttribute("evicted", sequence);
        return "redirect:/operator/incidents";
    }
}
