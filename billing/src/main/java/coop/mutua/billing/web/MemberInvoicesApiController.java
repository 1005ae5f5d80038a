package coop.mutua.billing.web;

import coop.mutua.billing.api.MemberInvoiceView;
import coop.mutua.billing.application.SettlingMemberInvoices;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.Paging;
import coop.mutua.kernel.RoundId;
import coop.mutua.platform.web.Downloads;
import coop.mutua.platform.web.PagedLists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Member invoices and credit notes (a member: its own), their PDF and Factur-X, credit notes and payments. */
@RestController
@Tag(name = "Member invoices", description = "Member invoices (exact split, Factur-X), credit notes, payments")
class MemberInvoicesApiController {

    private final SettlingMemberInvoices memberInvoices;
    private final VisibleToCaller visible;

    MemberInvoicesApiController(SettlingMemberInvoices memberInvoices, VisibleToCaller visible) {
        this.memberInvoices = memberInvoices;
        this.visible = visible;
    }

    record PaymentJson(String paidOn) {
    }

    @GetMapping("/api/member-invoices")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "Member invoices and credit notes by number (members: their own), of a round and/or a member; one page at a time "
            + "(X-Total-Count: how many in all; Link: the first, previous, next and last pages)")
    ResponseEntity<List<MemberInvoiceView>> list(@Parameter(hidden = true) Actor actor,
                                                 @RequestParam(name = "round", required = false) RoundId roundId,
                                                 @RequestParam(name = "member", required = false) MemberId memberId,
                                                 @Parameter(description = "Page number, from 1",
                                                         schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1000000", defaultValue = "1"))
                                                 @RequestParam(name = "page", required = false) Long page,
                                                 @Parameter(description = "Invoices per page, 1 to 1000 (default 100)",
                                                         schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1000", defaultValue = "100"))
                                                 @RequestParam(name = "size", required = false) Long size) {
        Paging paging = Paging.of(page, size);
        // A filter naming a round or a member the caller cannot see is unknown (404), not an empty list that reads as "none".
        return PagedLists.of(memberInvoices.list(actor, roundId == null ? null : visible.roundId(actor, roundId),
                memberId == null ? null : visible.member(actor, memberId), paging));
    }

    @GetMapping("/api/member-invoices/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "One member invoice or credit note, with its lines, parties and totals")
    MemberInvoiceView one(@Parameter(hidden = true) Actor actor, @PathVariable("id") MemberInvoiceId id) {
        return memberInvoices.one(actor, id);
    }

    @GetMapping("/api/member-invoices/{id}/pdf")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "The invoice as issued: a PDF/A-3 that carries its Factur-X XML")
    ResponseEntity<byte[]> pdf(@Parameter(hidden = true) Actor actor, @PathVariable("id") MemberInvoiceId id) {
        MemberInvoiceView invoice = memberInvoices.one(actor, id);
        return Downloads.file(memberInvoices.pdf(actor, id), MediaType.APPLICATION_PDF,
                (invoice.creditNote() ? "avoir-" : "facture-") + invoice.number() + ".pdf");
    }

    @GetMapping("/api/member-invoices/{id}/facturx")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "The Factur-X XML (EN 16931, CII) of the invoice, for accounting software")
    ResponseEntity<byte[]> facturx(@Parameter(hidden = true) Actor actor, @PathVariable("id") MemberInvoiceId id) {
        MemberInvoiceView invoice = memberInvoices.one(actor, id);
        return Downloads.file(memberInvoices.facturXml(actor, id), MediaType.APPLICATION_XML, "factur-x-" + invoice.number() + ".xml");
    }

    @PostMapping("/api/member-invoices/{id}/credit-note")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Cancel an invoice by a numbered credit note that cites it (issued invoices never change)")
    ResponseEntity<MemberInvoiceView> creditNote(@Parameter(hidden = true) Actor actor, @PathVariable("id") MemberInvoiceId id,
                                                 @RequestBody(required = false) NoteJson body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(memberInvoices.creditNote(actor, id, body == null ? null : body.note()));
    }

    @PostMapping("/api/member-invoices/{id}/paid")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Record that the member paid the invoice (paidOn: yyyy-mm-dd, default today)")
    MemberInvoiceView paid(@Parameter(hidden = true) Actor actor, @PathVariable("id") MemberInvoiceId id,
                           @RequestBody(required = false) PaymentJson body) {
        return memberInvoices.paid(actor, id, body == null || body.paidOn() == null ? null : SupplierInvoiceEntries.date(body.paidOn(), "paidOn"));
    }
}
