package coop.mutua.billing.web;

import coop.mutua.billing.api.MemberInvoiceView;
import coop.mutua.billing.application.SettlingMemberInvoices;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Page;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.FindPurchaseRoundsQuery;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RoundStatus;
import coop.mutua.platform.web.Downloads;
import coop.mutua.platform.web.PageOutcome;
import coop.mutua.platform.web.PagedLists;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The invoices list (a member sees and downloads its own) and the coordinator's credit notes and payments. */
@Controller
class MemberInvoicesPagesController {

    private final SettlingMemberInvoices memberInvoices;
    private final QueryGateway queries;

    MemberInvoicesPagesController(SettlingMemberInvoices memberInvoices, QueryGateway queries) {
        this.memberInvoices = memberInvoices;
        this.queries = queries;
    }

    @PostMapping("/rounds/{id}/billing/invoices/{invoiceId}/credit-note")
    @PreAuthorize("hasRole('COORDINATOR')")
    String creditNote(Actor actor, @PathVariable("id") RoundId id, @PathVariable("invoiceId") MemberInvoiceId invoiceId,
                      @RequestParam(name = "reason", required = false) String reason, RedirectAttributes redirect) {
        ofRound(actor, id, invoiceId);
        PageOutcome.attempt(redirect, "billing.credit-note-issued", () -> memberInvoices.creditNote(actor, invoiceId, reason));
        return "redirect:/rounds/" + id + "/billing";
    }

    @PostMapping("/rounds/{id}/billing/invoices/{invoiceId}/paid")
    @PreAuthorize("hasRole('COORDINATOR')")
    String paid(Actor actor, @PathVariable("id") RoundId id, @PathVariable("invoiceId") MemberInvoiceId invoiceId, RedirectAttributes redirect) {
        ofRound(actor, id, invoiceId);
        PageOutcome.attempt(redirect, "billing.paid", () -> memberInvoices.paid(actor, invoiceId, null));
        return "redirect:/rounds/" + id + "/billing";
    }

    /** A round's billing page acts on that round's invoices only: another round's is not found there. */
    private void ofRound(Actor actor, RoundId roundId, MemberInvoiceId invoiceId) {
        if (!memberInvoices.one(actor, invoiceId).roundId().equals(roundId)) {
            throw new NotFoundException("member-invoice", invoiceId);
        }
    }

    @GetMapping("/invoices")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    String invoices(Actor actor, @RequestParam(name = "page", required = false) String page, Model model) {
        Page<MemberInvoiceView> invoices = PagedLists.orLast(PagedLists.lenient(page, PAGE_SIZE), paging -> memberInvoices.latest(actor, paging));
        model.addAttribute("invoices", invoices.items());
        model.addAttribute("pager", PagedLists.pager(invoices));
        model.addAttribute("roundTitles", queries.query(new FindPurchaseRoundsQuery(actor.groupementId(), EnumSet.allOf(RoundStatus.class)),
                        ResponseTypes.multipleInstancesOf(PurchaseRoundSummary.class)).join().stream()
                .collect(Collectors.toMap(PurchaseRoundSummary::roundId, PurchaseRoundSummary::title)));
        return "billing/invoices";
    }

    /** Invoices per page of the list (the latest first). */
    static final int PAGE_SIZE = 50;

    @GetMapping("/invoices/{id}/pdf")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable("id") MemberInvoiceId id) {
        MemberInvoiceView invoice = memberInvoices.one(actor, id);
        return Downloads.file(memberInvoices.pdf(actor, id), MediaType.APPLICATION_PDF,
                (invoice.creditNote() ? "avoir-" : "facture-") + invoice.number() + ".pdf");
    }
}
