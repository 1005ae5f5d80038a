package coop.mutua.billing.web;

import coop.mutua.billing.api.ImpactView;
import coop.mutua.billing.api.MemberInvoiceView;
import coop.mutua.billing.api.SupplierInvoiceCharge;
import coop.mutua.billing.api.SupplierInvoiceLine;
import coop.mutua.billing.api.SupplierInvoiceView;
import coop.mutua.billing.application.InvoicingMembers;
import coop.mutua.billing.application.MatchingSupplierInvoices;
import coop.mutua.billing.application.ReportingPurchases;
import coop.mutua.billing.application.SettlingMemberInvoices;
import coop.mutua.catalog.api.FindMemberQuery;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import coop.mutua.ordering.api.FindPurchaseRoundQuery;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Billing", description = "Supplier invoices (three-way match), member invoices (exact split, Factur-X), credit notes, payments")
class BillingApiController {

    private final MatchingSupplierInvoices supplierInvoices;
    private final SettlingMemberInvoices memberInvoices;
    private final InvoicingMembers invoicing;
    private final ReportingPurchases reports;
    private final QueryGateway queries;

    BillingApiController(MatchingSupplierInvoices supplierInvoices, SettlingMemberInvoices memberInvoices, InvoicingMembers invoicing, ReportingPurchases reports,
                         QueryGateway queries) {
        this.supplierInvoices = supplierInvoices;
        this.memberInvoices = memberInvoices;
        this.invoicing = invoicing;
        this.reports = reports;
        this.queries = queries;
    }

    @GetMapping("/api/rounds/{id}/report")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "A round's impact report: spend, savings from pooling, ESS / organic / local shares, by member and supplier "
            + "(members: their own purchases)")
    ImpactView roundReport(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id) {
        return reports.round(actor, round(id));
    }

    @GetMapping("/api/rounds/{id}/report.csv")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "The same report as CSV (semicolon, decimal comma)")
    ResponseEntity<byte[]> roundReportCsv(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id) {
        return file(ReportingPurchases.csv(reports.round(actor, round(id))), CSV, "rapport-campagne.csv");
    }

    @GetMapping("/api/reports/impact")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "The impact over every pooled round (members: their own purchases)")
    ImpactView impact(@Parameter(hidden = true) Actor actor) {
        return reports.impact(actor);
    }

    @GetMapping("/api/reports/impact.csv")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "The impact over every pooled round, as CSV")
    ResponseEntity<byte[]> impactCsv(@Parameter(hidden = true) Actor actor) {
        return file(ReportingPurchases.csv(reports.impact(actor)), CSV, "impact.csv");
    }

    @GetMapping("/api/reports/sales.csv")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Accounting export: sales per VAT rate per member invoice and credit note")
    ResponseEntity<byte[]> sales(@Parameter(hidden = true) Actor actor) {
        return file(reports.salesCsv(actor), CSV, "ventes.csv");
    }

    @GetMapping("/api/reports/purchases.csv")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Accounting export: purchases per VAT rate per supplier invoice and credit note")
    ResponseEntity<byte[]> purchases(@Parameter(hidden = true) Actor actor) {
        return file(reports.purchasesCsv(actor), CSV, "achats.csv");
    }

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** A supplier invoice as typed or sent: numbers as text ("12,50" or "12.50"), rates in percent ("5.5"). */
    record SupplierInvoiceJson(String number, String issueDate, String dueDate, Boolean creditNote, List<SupplierInvoiceLineJson> lines,
                               List<ChargeJson> charges, List<VatJson> vat) {
    }

    record SupplierInvoiceLineJson(String productId, String label, String quantity, String unitPrice, String vatRate, String amount) {
    }

    record ChargeJson(String reason, String vatRate, String amount) {
    }

    record VatJson(String rate, String amount) {
    }

    record NoteJson(String note) {
    }

    record PaymentJson(String paidOn) {
    }

    @PostMapping(path = "/api/supplier-orders/{id}/invoice", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
    @Operation(summary = "Record the supplier's invoice (or credit note) of a grouped order; answers with the three-way match",
            description = "Lines: productId, quantity, unitPrice, vatRate (default: the order's), amount (default: quantity x price). "
                    + "Charges: delivery fee (positive) or discount (negative). vat: the VAT per rate as printed. "
                    + "Recording the same number again replaces it until the round's member invoices are issued.")
    ResponseEntity<SupplierInvoiceView> record(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id,
                                               @RequestBody SupplierInvoiceJson body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(supplierInvoices.record(actor, id, entry(body)));
    }

    @PostMapping(path = "/api/supplier-orders/{id}/invoice", consumes = {"text/csv", "application/pdf"})
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
    @Operation(summary = "Import the supplier's invoice from a file: a Factur-X / ZUGFeRD PDF, or a CSV in Mutua's format (README)",
            description = "Lines are matched with the grouped order by the supplier's product reference (or name); then as for JSON.")
    ResponseEntity<SupplierInvoiceView> importFile(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id,
                                                   @RequestBody byte[] file,
                                                   @RequestHeader(HttpHeaders.CONTENT_TYPE) String type) {
        return ResponseEntity.status(HttpStatus.CREATED).body(supplierInvoices.recordFile(actor, id, file,
                type.startsWith("text/csv") ? "facture.csv" : "facture.pdf"));
    }

    @GetMapping("/api/supplier-orders/{id}/invoices")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
    @Operation(summary = "The supplier invoices and credit notes recorded for a grouped order")
    List<SupplierInvoiceView> ofOrder(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id) {
        return supplierInvoices.ofOrder(actor, id);
    }

    @GetMapping("/api/rounds/{id}/supplier-invoices")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "The supplier invoices of a round, with their differences and status")
    List<SupplierInvoiceView> ofRound(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id) {
        return supplierInvoices.ofRound(actor, ownRound(actor, id));
    }

    @PostMapping("/api/supplier-invoices/{id}/accept")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Accept a supplier invoice's differences: it is split as invoiced")
    SupplierInvoiceView accept(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id,
                               @RequestBody(required = false) NoteJson body) {
        return supplierInvoices.resolve(actor, id, true, body == null ? null : body.note());
    }

    @PostMapping("/api/supplier-invoices/{id}/dispute")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Dispute a supplier invoice (note required): the round cannot be invoiced until it is replaced or accepted")
    SupplierInvoiceView dispute(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id, @RequestBody NoteJson body) {
        return supplierInvoices.resolve(actor, id, false, body == null ? null : body.note());
    }

    @PostMapping("/api/rounds/{id}/invoices")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Split the round's supplier invoices and issue every member's invoice (in the background)",
            description = "Refused with the reason when a supplier order is not received, not invoiced, or has an invoice "
                    + "awaiting a decision. Follow the progress with GET on the same path; starting again after a failure resumes.")
    ResponseEntity<InvoicingMembers.Progress> issue(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(invoicing.start(actor.groupementId(), ownRound(actor, id)));
    }

    @GetMapping("/api/rounds/{id}/invoices")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "How far the round's member invoicing is: status, invoices issued, members to invoice")
    InvoicingMembers.Progress progress(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id) {
        return invoicing.progress(actor.groupementId(), ownRound(actor, id));
    }

    @GetMapping("/api/member-invoices")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "Member invoices and credit notes (members: their own), of a round and/or a member")
    List<MemberInvoiceView> list(@Parameter(hidden = true) Actor actor, @RequestParam(name = "round", required = false) String roundId,
                                 @RequestParam(name = "member", required = false) String memberId) {
        // A filter naming a round or a member the caller cannot see is unknown (404), not an empty list that reads as "none".
        return memberInvoices.list(actor, roundId == null ? null : ownRound(actor, roundId), memberId == null ? null : ownMember(actor, memberId));
    }

    @GetMapping("/api/member-invoices/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "One member invoice or credit note, with its lines, parties and totals")
    MemberInvoiceView one(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id) {
        return memberInvoices.one(actor, id);
    }

    @GetMapping("/api/member-invoices/{id}/pdf")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "The invoice as issued: a PDF/A-3 that carries its Factur-X XML")
    ResponseEntity<byte[]> pdf(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id) {
        MemberInvoiceView invoice = memberInvoices.one(actor, id);
        return file(memberInvoices.pdf(actor, id), MediaType.APPLICATION_PDF,
                (invoice.creditNote() ? "avoir-" : "facture-") + invoice.number() + ".pdf");
    }

    @GetMapping("/api/member-invoices/{id}/facturx")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "The Factur-X XML (EN 16931, CII) of the invoice, for accounting software")
    ResponseEntity<byte[]> facturx(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id) {
        MemberInvoiceView invoice = memberInvoices.one(actor, id);
        return file(memberInvoices.facturXml(actor, id), MediaType.APPLICATION_XML, "factur-x-" + invoice.number() + ".xml");
    }

    @PostMapping("/api/member-invoices/{id}/credit-note")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Cancel an invoice by a numbered credit note that cites it (issued invoices never change)")
    ResponseEntity<MemberInvoiceView> creditNote(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id,
                                                 @RequestBody(required = false) NoteJson body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(memberInvoices.creditNote(actor, id, body == null ? null : body.note()));
    }

    @PostMapping("/api/member-invoices/{id}/paid")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Record that the member paid the invoice (paidOn: yyyy-mm-dd, default today)")
    MemberInvoiceView paid(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id,
                           @RequestBody(required = false) PaymentJson body) {
        return memberInvoices.paid(actor, id, body == null || body.paidOn() == null ? null : date(body.paidOn(), "paidOn"));
    }

    static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }

    static MatchingSupplierInvoices.Entry entry(SupplierInvoiceJson body) {
        List<SupplierInvoiceLine> lines = new ArrayList<>();
        for (int i = 0; body.lines() != null && i < body.lines().size(); i++) {
            SupplierInvoiceLineJson line = item(body.lines().get(i), "lines", i);
            String at = "lines[" + i + "].";
            lines.add(new SupplierInvoiceLine(product(line.productId(), at + "productId"), line.label(),
                    required(line.quantity(), at + "quantity", Quantity::of), required(line.unitPrice(), at + "unitPrice", UnitPrice::of),
                    optional(line.vatRate(), at + "vatRate", VatRate::ofPercent), optional(line.amount(), at + "amount", Money::parse)));
        }
        List<SupplierInvoiceCharge> charges = new ArrayList<>();
        for (int i = 0; body.charges() != null && i < body.charges().size(); i++) {
            ChargeJson charge = item(body.charges().get(i), "charges", i);
            String at = "charges[" + i + "].";
            charges.add(new SupplierInvoiceCharge(charge.reason() == null || charge.reason().isBlank() ? "Frais" : charge.reason().strip(),
                    required(charge.vatRate(), at + "vatRate", VatRate::ofPercent), required(charge.amount(), at + "amount", Money::parse)));
        }
        Map<VatRate, Money> vat = new EnumMap<>(VatRate.class);
        for (int i = 0; body.vat() != null && i < body.vat().size(); i++) {
            VatJson v = item(body.vat().get(i), "vat", i);
            String at = "vat[" + i + "].";
            vat.merge(required(v.rate(), at + "rate", VatRate::ofPercent), required(v.amount(), at + "amount", Money::parse),
                    Money::plus);
        }
        return new MatchingSupplierInvoices.Entry(body.number(), body.issueDate() == null ? null : date(body.issueDate(), "issueDate"),
                body.dueDate() == null || body.dueDate().isBlank() ? null : date(body.dueDate(), "dueDate"),
                Boolean.TRUE.equals(body.creditNote()), lines, charges, vat);
    }

    /** An element of a list in the body: {@code null} is named, not a 500. */
    private static <T> T item(T element, String list, int index) {
        if (element == null) {
            throw new DomainException("field.required", list + "[" + index + "]");
        }
        return element;
    }

    private static <T> T required(String text, String field, Function<String, T> parse) {
        if (text == null || text.isBlank()) {
            throw new DomainException("field.required", field);
        }
        return Require.named(field, () -> parse.apply(text.strip()));
    }

    private static <T> T optional(String text, String field, Function<String, T> parse) {
        return text == null || text.isBlank() ? null : Require.named(field, () -> parse.apply(text.strip()));
    }

    private static ProductId product(String id, String field) {
        if (id == null || id.isBlank()) {
            throw new DomainException("field.required", field);
        }
        try {
            return ProductId.of(id.strip());
        } catch (IllegalArgumentException malformed) {
            throw new DomainException("supplier-invoice.unknown-product", id);
        }
    }

    static LocalDate date(String text, String field) {
        try {
            return Require.date(LocalDate.parse(text.strip()), field);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "date.invalid", field, text);
        }
    }

    /**
     * A round of the caller's groupement that the caller may see (members: not a draft); another groupement's round is
     * unknown, as a random id is (issue 15).
     */
    private RoundId ownRound(Actor actor, String id) {
        RoundId roundId = round(id);
        queries.query(new FindPurchaseRoundQuery(actor.groupementId(), roundId),
                        ResponseTypes.optionalInstanceOf(
                                PurchaseRoundSummary.class)).join()
                .filter(found -> found.status().visibleTo(actor.role()))
                .orElseThrow(() -> new NotFoundException("round", id));
        return roundId;
    }

    /** A member structure of the caller's groupement; for a member's people, their own structure only. */
    private MemberId ownMember(Actor actor, String id) {
        MemberId memberId = member(id);
        boolean visible = actor.is(Role.MEMBER) ? memberId.equals(actor.memberId())
                : queries.query(new FindMemberQuery(actor.groupementId(), memberId),
                        ResponseTypes.optionalInstanceOf(
                                MemberSummary.class)).join().isPresent();
        if (!visible) {
            throw new NotFoundException("member", id);
        }
        return memberId;
    }

    private static RoundId round(String id) {
        try {
            return RoundId.of(id);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("round", id);
        }
    }

    private static MemberId member(String id) {
        try {
            return MemberId.of(id);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("member", id);
        }
    }
}
