package coop.mutua.billing.web;

import coop.mutua.billing.api.SupplierInvoiceView;
import coop.mutua.billing.application.InvoicingMembers;
import coop.mutua.billing.application.IssuingMemberInvoices;
import coop.mutua.billing.application.MatchingSupplierInvoices;
import coop.mutua.billing.application.SettlingMemberInvoices;
import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.CsvCells;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InputNumbers;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.kernel.VatRate;
import coop.mutua.ordering.api.FindSupplierOrdersQuery;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.SupplierOrderView;
import coop.mutua.platform.web.PageOutcome;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * A round's billing page for the coordinator: supplier invoices typed from the paper one (prefilled with what arrived)
 * or imported from a file, differences to accept or dispute, and issuing the member invoices.
 */
@Controller
@PreAuthorize("hasRole('COORDINATOR')")
class RoundBillingPagesController {

    private final MatchingSupplierInvoices supplierInvoices;
    private final SettlingMemberInvoices memberInvoices;
    private final InvoicingMembers invoicing;
    private final QueryGateway queries;
    private final VisibleToCaller visible;

    RoundBillingPagesController(MatchingSupplierInvoices supplierInvoices, SettlingMemberInvoices memberInvoices, InvoicingMembers invoicing, QueryGateway queries, VisibleToCaller visible) {
        this.supplierInvoices = supplierInvoices;
        this.memberInvoices = memberInvoices;
        this.invoicing = invoicing;
        this.queries = queries;
        this.visible = visible;
    }

    /** A supplier order with what the form suggests for its invoice: what arrived, at the order's prices. */
    record OrderBilling(SupplierOrderView order, String supplierName, List<SupplierInvoiceView> invoices,
                        Map<VatRate, Money> suggestedVat) {
    }

    @GetMapping("/rounds/{id}/billing")
    @PreAuthorize("hasRole('COORDINATOR')")
    String roundBilling(Actor actor, @PathVariable("id") RoundId id, Model model) {
        PurchaseRoundSummary round = visible.round(actor, id);
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
    String recordSupplierInvoice(Actor actor, @PathVariable("id") RoundId id, @PathVariable("orderId") SupplierOrderId orderId,
                                 @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        ofRound(actor, id, orderId);
        PageOutcome.attempt(redirect, "billing.supplier-invoice-recorded", () -> supplierInvoices.record(actor, orderId, SupplierInvoiceEntries.entry(form)));
        return "redirect:/rounds/" + id + "/billing";
    }

    @PostMapping("/rounds/{id}/billing/orders/{orderId}/invoice-file")
    @PreAuthorize("hasRole('COORDINATOR')")
    String importSupplierInvoice(Actor actor, @PathVariable("id") RoundId id, @PathVariable("orderId") SupplierOrderId orderId,
                                 @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        ofRound(actor, id, orderId);
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
    String resolve(Actor actor, @PathVariable("id") RoundId id, @PathVariable("invoiceId") String invoiceId,
                   @PathVariable("decision") String decision, @RequestParam(name = "note", required = false) String note,
                   RedirectAttributes redirect) {
        boolean accept = switch (decision) {
            case "accept" -> true;
            case "dispute" -> false;
            default -> throw new NotFoundException("decision", decision);
        };
        if (!supplierInvoices.one(actor, invoiceId).roundId().equals(id)) {
            throw new NotFoundException("supplier-invoice", invoiceId);
        }
        PageOutcome.attempt(redirect, accept ? "billing.supplier-invoice-accepted" : "billing.supplier-invoice-disputed",
                () -> supplierInvoices.resolve(actor, invoiceId, accept, note));
        return "redirect:/rounds/" + id + "/billing";
    }

    @PostMapping("/rounds/{id}/billing/issue")
    @PreAuthorize("hasRole('COORDINATOR')")
    String issue(Actor actor, @PathVariable("id") RoundId id, RedirectAttributes redirect) {
        PageOutcome.attempt(redirect, "billing.issuing", () -> invoicing.start(actor.groupementId(), visible.round(actor, id).roundId()));
        return "redirect:/rounds/" + id + "/billing";
    }

    /** A round's billing page records invoices for that round's supplier orders only: another round's is not found there. */
    private void ofRound(Actor actor, RoundId roundId, SupplierOrderId orderId) {
        if (!supplierInvoices.order(actor, orderId).roundId().equals(roundId)) {
            throw new NotFoundException("supplier-order", orderId);
        }
    }

    /**
     * A sample supplier invoice CSV for one order, in the format the upload reads (README, "Supplier invoice files"):
     * what arrived at the order's prices, the delivery fee and VAT per rate; to send to a supplier who invoices by
     * spreadsheet, or to fill in by hand.
     */
    @GetMapping(value = "/rounds/{id}/billing/orders/{orderId}/invoice-sample.csv", produces = "text/csv;charset=UTF-8")
    @PreAuthorize("hasRole('COORDINATOR')")
    ResponseEntity<String> invoiceSample(Actor actor, @PathVariable("id") RoundId id, @PathVariable("orderId") SupplierOrderId orderId) {
        PurchaseRoundSummary round = visible.round(actor, id);
        SupplierOrderView order = queries.query(new FindSupplierOrdersQuery(actor.groupementId(), round.roundId(), null, orderId, false),
                        ResponseTypes.multipleInstancesOf(SupplierOrderView.class)).join().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("supplier-order", orderId));
        StringBuilder csv = new StringBuilder("facture;NUMERO-A-REMPLACER;" + LocalDate.now(IssuingMemberInvoices.ZONE) + ";\n");
        for (SupplierOrderView.Line line : order.lines()) {
            Quantity arrived = line.arrived();
            csv.append("ligne;").append(CsvCells.text(line.product().reference())).append(';').append(InputNumbers.quantity(arrived.value(), Locale.FRENCH))
                    .append(';').append(InputNumbers.of(line.unitPrice().value(), Locale.FRENCH)).append(';')
                    .append(InputNumbers.quantity(line.product().vatRate().percent(), Locale.FRENCH)).append(';')
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

    private Map<SupplierId, String> supplierNames(Actor actor) {
        return queries.query(new FindSuppliersQuery(actor.groupementId()), ResponseTypes.multipleInstancesOf(SupplierSummary.class)).join()
                .stream().collect(Collectors.toMap(SupplierSummary::id, SupplierSummary::name));
    }
}
