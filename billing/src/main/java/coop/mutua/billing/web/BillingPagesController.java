package coop.mutua.billing.web;

import coop.mutua.billing.api.MemberInvoiceView;
import coop.mutua.billing.api.SupplierInvoiceCharge;
import coop.mutua.billing.api.SupplierInvoiceLine;
import coop.mutua.billing.api.SupplierInvoiceView;
import coop.mutua.billing.application.InvoicingMembers;
import coop.mutua.billing.application.IssuingMemberInvoices;
import coop.mutua.billing.application.MatchingSupplierInvoices;
import coop.mutua.billing.application.ReportingPurchases;
import coop.mutua.billing.application.SettlingMemberInvoices;
import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.CsvCells;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InputNumbers;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import coop.mutua.ordering.api.FindPurchaseRoundQuery;
import coop.mutua.ordering.api.FindPurchaseRoundsQuery;
import coop.mutua.ordering.api.FindSupplierOrdersQuery;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RoundStatus;
import coop.mutua.ordering.api.SupplierOrderView;
import coop.mutua.platform.web.PageOutcome;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Billing pages: a round's billing for the coordinator (supplier invoices typed from the paper one, prefilled with what
 * arrived; differences to accept or dispute; issuing the member invoices; credit notes and payments), and the invoices
 * list (a member sees and downloads its own).
 */
@Controller
class BillingPagesController {

    private final MatchingSupplierInvoices supplierInvoices;
    private final SettlingMemberInvoices memberInvoices;
    private final InvoicingMembers invoicing;
    private final QueryGateway queries;
    private final ReportingPurchases reports;

    BillingPagesController(MatchingSupplierInvoices supplierInvoices, SettlingMemberInvoices memberInvoices, InvoicingMembers invoicing,
                           QueryGateway queries, ReportingPurchases reports) {
        this.reports = reports;
        this.supplierInvoices = supplierInvoices;
        this.memberInvoices = memberInvoices;
        this.invoicing = invoicing;
        this.queries = queries;
    }

    /** A supplier order with what the form suggests for its invoice: what arrived, at the order's prices. */
    record OrderBilling(SupplierOrderView order, String supplierName, List<SupplierInvoiceView> invoices,
                        Map<VatRate, Money> suggestedVat) {
    }

    @GetMapping("/rounds/{id}/billing")
    @PreAuthorize("hasRole('COORDINATOR')")
    String roundBilling(Actor actor, @PathVariable("id") String id, Model model) {
        PurchaseRoundSummary round = round(actor, id);
        Map<SupplierId, String> names = supplierNames(actor);
        List<SupplierInvoiceView> invoices = supplierInvoices.ofRound(actor, round.roundId());
        List<OrderBilling> orders = new ArrayList<>();
        for (SupplierOrderView order : queries.query(new FindSupplierOrdersQuery(actor.groupementId(), round.roundId(), null, null, false),
                ResponseTypes.multipleInstancesOf(SupplierOrderView.class)).join()) {
            orders.add(new OrderBilling(order, names.getOrDefault(order.supplierId(), order.supplierId().value()),
                    invoices.stream().filter(invoice -> invoice.supplierOrderId().equals(order.id())).toList(), suggestedVat(order)));
        }
        model.addAttribute("round", round);
        model.addAttribute("orders", orders);
        model.addAttribute("today", LocalDate.now(IssuingMemberInvoices.ZONE));
        model.addAttribute("progress", invoicing.progress(actor.groupementId(), round.roundId()));
        model.addAttribute("memberInvoices", memberInvoices.list(actor, round.roundId(), null));
        return "billing/round-billing";
    }

    @PostMapping("/rounds/{id}/billing/orders/{orderId}/invoice")
    @PreAuthorize("hasRole('COORDINATOR')")
    String recordSupplierInvoice(Actor actor, @PathVariable("id") String id, @PathVariable("orderId") String orderId,
                                 @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        PageOutcome.attempt(redirect, "billing.supplier-invoice-recorded", () -> supplierInvoices.record(actor, orderId, entry(form)));
        return "redirect:/rounds/" + id + "/billing";
    }

    @PostMapping("/rounds/{id}/billing/orders/{orderId}/invoice-file")
    @PreAuthorize("hasRole('COORDINATOR')")
    String importSupplierInvoice(Actor actor, @PathVariable("id") String id, @PathVariable("orderId") String orderId,
                                 @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        PageOutcome.attempt(redirect, "billing.supplier-invoice-recorded", () -> {
            try {
                supplierInvoices.recordFile(actor, orderId, file.getBytes(), file.getOriginalFilename());
            } catch (IOException e) {
                throw new DomainException("supplier-invoice.file-unreadable", file.getOriginalFilename());
            }
        });
        return "redirect:/rounds/" + id + "/billing";
    }

    @PostMapping("/rounds/{id}/billing/supplier-invoices/{invoiceId}/{decision}")
    @PreAuthorize("hasRole('COORDINATOR')")
    String resolve(Actor actor, @PathVariable("id") String id, @PathVariable("invoiceId") String invoiceId,
                   @PathVariable("decision") String decision, @RequestParam(name = "note", required = false) String note,
                   RedirectAttributes redirect) {
        boolean accept = switch (decision) {
            case "accept" -> true;
            case "dispute" -> false;
            default -> throw new NotFoundException("decision", decision);
        };
        PageOutcome.attempt(redirect, accept ? "billing.supplier-invoice-accepted" : "billing.supplier-invoice-disputed",
                () -> supplierInvoices.resolve(actor, invoiceId, accept, note));
        return "redirect:/rounds/" + id + "/billing";
    }

    @PostMapping("/rounds/{id}/billing/issue")
    @PreAuthorize("hasRole('COORDINATOR')")
    String issue(Actor actor, @PathVariable("id") String id, RedirectAttributes redirect) {
        PageOutcome.attempt(redirect, "billing.issuing", () -> invoicing.start(actor.groupementId(), round(actor, id).roundId()));
        return "redirect:/rounds/" + id + "/billing";
    }

    @PostMapping("/rounds/{id}/billing/invoices/{invoiceId}/credit-note")
    @PreAuthorize("hasRole('COORDINATOR')")
    String creditNote(Actor actor, @PathVariable("id") String id, @PathVariable("invoiceId") String invoiceId,
                      @RequestParam(name = "reason", required = false) String reason, RedirectAttributes redirect) {
        PageOutcome.attempt(redirect, "billing.credit-note-issued", () -> memberInvoices.creditNote(actor, invoiceId, reason));
        return "redirect:/rounds/" + id + "/billing";
    }

    @PostMapping("/rounds/{id}/billing/invoices/{invoiceId}/paid")
    @PreAuthorize("hasRole('COORDINATOR')")
    String paid(Actor actor, @PathVariable("id") String id, @PathVariable("invoiceId") String invoiceId, RedirectAttributes redirect) {
        PageOutcome.attempt(redirect, "billing.paid", () -> memberInvoices.paid(actor, invoiceId, null));
        return "redirect:/rounds/" + id + "/billing";
    }

    @GetMapping("/invoices")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    String invoices(Actor actor, Model model) {
        List<MemberInvoiceView> invoices = memberInvoices.list(actor, null, null);
        model.addAttribute("invoices", invoices);
        model.addAttribute("roundTitles", queries.query(new FindPurchaseRoundsQuery(actor.groupementId(), EnumSet.allOf(RoundStatus.class)),
                        ResponseTypes.multipleInstancesOf(PurchaseRoundSummary.class)).join().stream()
                .collect(Collectors.toMap(PurchaseRoundSummary::roundId, PurchaseRoundSummary::title)));
        return "billing/invoices";
    }

    @GetMapping("/reports")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    String reports(Actor actor, @RequestParam(name = "round", required = false) String roundId, Model model) {
        List<PurchaseRoundSummary> pooled = queries.query(new FindPurchaseRoundsQuery(actor.groupementId(), EnumSet.allOf(RoundStatus.class)),
                        ResponseTypes.multipleInstancesOf(PurchaseRoundSummary.class)).join().stream()
                .filter(round -> round.pooledAt() != null).toList();
        PurchaseRoundSummary chosen = roundId == null || roundId.isBlank() ? null : round(actor, roundId);
        model.addAttribute("rounds", pooled);
        model.addAttribute("chosen", chosen);
        model.addAttribute("report", chosen == null ? reports.impact(actor) : reports.round(actor, chosen.roundId()));
        return "billing/reports";
    }

    @GetMapping("/reports/{file}.csv")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    ResponseEntity<byte[]> reportCsv(Actor actor, @PathVariable("file") String file,
                                     @RequestParam(name = "round", required = false) String roundId) {
        return switch (file) {
            case "impact" -> BillingApiController.file(ReportingPurchases.csv(roundId == null || roundId.isBlank() ? reports.impact(actor)
                    : reports.round(actor, round(actor, roundId).roundId())), BillingApiController.CSV, "impact.csv");
            case "ventes" -> coordinatorOnly(actor, () -> BillingApiController.file(reports.salesCsv(actor), BillingApiController.CSV, "ventes.csv"));
            case "achats" -> coordinatorOnly(actor, () -> BillingApiController.file(reports.purchasesCsv(actor), BillingApiController.CSV, "achats.csv"));
            default -> throw new NotFoundException("report", file);
        };
    }

    private static ResponseEntity<byte[]> coordinatorOnly(Actor actor, Supplier<ResponseEntity<byte[]>> file) {
        if (!actor.is(Role.COORDINATOR)) {
            throw new NotFoundException("report", actor.username());
        }
        return file.get();
    }

    @GetMapping("/invoices/{id}/pdf")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable("id") String id) {
        MemberInvoiceView invoice = memberInvoices.one(actor, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename((invoice.creditNote() ? "avoir-" : "facture-") + invoice.number() + ".pdf").build().toString())
                .body(memberInvoices.pdf(actor, id));
    }

    /**
     * The supplier invoice form: number, dates, one row per line (productId.i, quantity.i, unitPrice.i), the delivery
     * fee at 20 %, and the VAT per rate as printed (vat.RATE). Discounts and other charges go through the API.
     */
    static MatchingSupplierInvoices.Entry entry(MultiValueMap<String, String> form) {
        List<SupplierInvoiceLine> lines = new ArrayList<>();
        for (int i = 0; form.containsKey("productId." + i); i++) {
            String quantity = form.getFirst("quantity." + i);
            if (quantity == null || quantity.isBlank()) {
                continue;
            }
            lines.add(new SupplierInvoiceLine(ProductId.of(form.getFirst("productId." + i)), null, Quantity.of(quantity.strip()),
                    UnitPrice.of(required(form, "unitPrice." + i)), null, null));
        }
        List<SupplierInvoiceCharge> charges = new ArrayList<>();
        String fee = form.getFirst("deliveryFee");
        if (fee != null && !fee.isBlank() && Money.parse(fee.strip()).cents() != 0) {
            charges.add(new SupplierInvoiceCharge("Livraison", VatRate.STANDARD, Money.parse(fee.strip())));
        }
        Map<VatRate, Money> vat = new EnumMap<>(VatRate.class);
        for (VatRate rate : VatRate.values()) {
            String amount = form.getFirst("vat." + rate.name());
            if (amount != null && !amount.isBlank()) {
                vat.put(rate, Money.parse(amount.strip()));
            }
        }
        String number = form.getFirst("number");
        String issueDate = form.getFirst("issueDate");
        String dueDate = form.getFirst("dueDate");
        return new MatchingSupplierInvoices.Entry(number, issueDate == null || issueDate.isBlank() ? null : BillingApiController.date(issueDate, "issueDate"),
                dueDate == null || dueDate.isBlank() ? null : BillingApiController.date(dueDate, "dueDate"),
                "on".equals(form.getFirst("creditNote")), lines, charges, vat);
    }

    /**
     * A sample supplier invoice CSV for one order, in the format the upload reads (README, "Supplier invoice files"):
     * what arrived at the order's prices, the delivery fee and VAT per rate; to send to a supplier who invoices by
     * spreadsheet, or to fill in by hand.
     */
    @GetMapping(value = "/rounds/{id}/billing/orders/{orderId}/invoice-sample.csv", produces = "text/csv;charset=UTF-8")
    @PreAuthorize("hasRole('COORDINATOR')")
    ResponseEntity<String> invoiceSample(Actor actor, @PathVariable("id") String id, @PathVariable("orderId") String orderId) {
        PurchaseRoundSummary round = round(actor, id);
        SupplierOrderView order = queries.query(new FindSupplierOrdersQuery(actor.groupementId(), round.roundId(), null, orderId, false),
                        ResponseTypes.multipleInstancesOf(SupplierOrderView.class)).join().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("supplier-order", orderId));
        StringBuilder csv = new StringBuilder("facture;NUMERO-A-REMPLACER;" + LocalDate.now(IssuingMemberInvoices.ZONE) + ";\n");
        for (SupplierOrderView.Line line : order.lines()) {
            Quantity arrived = line.delivered() != null ? line.delivered() : line.quantity();
            csv.append("ligne;").append(CsvCells.text(line.reference())).append(';').append(InputNumbers.quantity(arrived.value(), Locale.FRENCH))
                    .append(';').append(InputNumbers.of(line.unitPrice().value(), Locale.FRENCH)).append(';')
                    .append(InputNumbers.quantity(line.vatRate().percent(), Locale.FRENCH)).append(';')
                    .append(InputNumbers.of(line.unitPrice().times(arrived).toBigDecimal(), Locale.FRENCH)).append('\n');
        }
        MatchingSupplierInvoices.Entry expected = MatchingSupplierInvoices.asDelivered(order, null, null, null);
        expected.charges().forEach(charge -> csv.append("frais;").append(CsvCells.text(charge.reason())).append(';')
                .append(InputNumbers.quantity(charge.vatRate().percent(), Locale.FRENCH)).append(';')
                .append(InputNumbers.of(charge.amountExclVat().toBigDecimal(), Locale.FRENCH)).append('\n'));
        expected.vat().forEach((rate, amount) -> csv.append("tva;").append(InputNumbers.quantity(rate.percent(), Locale.FRENCH))
                .append(';').append(InputNumbers.of(amount.toBigDecimal(), Locale.FRENCH)).append('\n'));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("facture-fournisseur-" + orderId + ".csv").build().toString()).body(csv.toString());
    }

    /** VAT per rate of what arrived at the order's prices, and of the delivery fee: what the invoice should print. */
    static Map<VatRate, Money> suggestedVat(SupplierOrderView order) {
        return MatchingSupplierInvoices.asDelivered(order, null, null, null).vat();
    }

    private static String required(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        if (value == null || value.isBlank()) {
            throw new DomainException("field.required", field);
        }
        return value.strip();
    }

    private PurchaseRoundSummary round(Actor actor, String id) {
        RoundId roundId;
        try {
            roundId = RoundId.of(id);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("round", id);
        }
        return queries.query(new FindPurchaseRoundQuery(actor.groupementId(), roundId),
                        ResponseTypes.optionalInstanceOf(PurchaseRoundSummary.class)).join()
                .filter(found -> found.status().visibleTo(actor.role()))
                .orElseThrow(() -> new NotFoundException("round", id));
    }

    private Map<SupplierId, String> supplierNames(Actor actor) {
        return queries.query(new FindSuppliersQuery(actor.groupementId()), ResponseTypes.multipleInstancesOf(SupplierSummary.class)).join()
                .stream().collect(Collectors.toMap(SupplierSummary::id, SupplierSummary::name));
    }
}
