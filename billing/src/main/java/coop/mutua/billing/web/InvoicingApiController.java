package coop.mutua.billing.web;

import coop.mutua.billing.application.InvoicingMembers;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.RoundId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Issuing a round's member invoices, in the background, and following its progress. */
@RestController
@Tag(name = "Invoicing", description = "The exact split of a round's supplier invoices into member invoices")
class InvoicingApiController {

    private final InvoicingMembers invoicing;
    private final VisibleToCaller visible;

    InvoicingApiController(InvoicingMembers invoicing, VisibleToCaller visible) {
        this.invoicing = invoicing;
        this.visible = visible;
    }

    @PostMapping("/api/rounds/{id}/invoices")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Split the round's supplier invoices and issue every member's invoice (in the background)",
            description = "Refused with the reason when a supplier order is not received, not invoiced, or has an invoice "
                    + "awaiting a decision. Follow the progress with GET on the same path; starting again after a failure resumes.")
    ResponseEntity<InvoicingMembers.Progress> issue(@Parameter(hidden = true) Actor actor, @PathVariable("id") RoundId id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(invoicing.start(actor.groupementId(), visible.roundId(actor, id)));
    }

    @GetMapping("/api/rounds/{id}/invoices")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "How far the round's member invoicing is: status, invoices issued, members to invoice")
    InvoicingMembers.Progress progress(@Parameter(hidden = true) Actor actor, @PathVariable("id") RoundId id) {
        return invoicing.progress(actor.groupementId(), visible.roundId(actor, id));
    }
}
