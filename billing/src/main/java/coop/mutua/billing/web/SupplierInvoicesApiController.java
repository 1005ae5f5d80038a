package coop.mutua.billing.web;

import coop.mutua.billing.api.SupplierInvoiceView;
import coop.mutua.billing.application.MatchingSupplierInvoices;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierOrderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Supplier invoices recorded against grouped orders (typed, or imported from a file), matched, accepted or disputed. */
@RestController
@Tag(name = "Supplier invoices", description = "Supplier invoices and credit notes with the three-way match against what was ordered and received")
class SupplierInvoicesApiController {

    private final MatchingSupplierInvoices supplierInvoices;
    private final VisibleToCaller visible;

    SupplierInvoicesApiController(MatchingSupplierInvoices supplierInvoices, VisibleToCaller visible) {
        this.supplierInvoices = supplierInvoices;
        this.visible = visible;
    }

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

    @PostMapping(path = "/api/supplier-orders/{id}/invoice", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
    @Operation(summary = "Record the supplier's invoice (or credit note) of a grouped order; answers with the three-way match",
            description = "Lines: productId, quantity, unitPrice, vatRate (default: the order's), amount (default: quantity x price). "
                    + "Charges: delivery fee (positive) or discount (negative). vat: the VAT per rate as printed. "
                    + "Recording the same number again replaces it until the round's member invoices are issued.")
    ResponseEntity<SupplierInvoiceView> record(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierOrderId id,
                                               @RequestBody SupplierInvoiceJson body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(supplierInvoices.record(actor, id, SupplierInvoiceEntries.entry(body)));
    }

    @PostMapping(path = "/api/supplier-orders/{id}/invoice", consumes = {"text/csv", "application/pdf"})
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
    @Operation(summary = "Import the supplier's invoice from a file: a Factur-X / ZUGFeRD PDF, or a CSV in Mutua's format (README)",
            description = "Lines are matched with the grouped order by the supplier's product reference (or name); then as for JSON.")
    ResponseEntity<SupplierInvoiceView> importFile(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierOrderId id,
                                                   @RequestBody byte[] file,
                                                   @RequestHeader(HttpHeaders.CONTENT_TYPE) String type) {
        return ResponseEntity.status(HttpStatus.CREATED).body(supplierInvoices.recordFile(actor, id, file,
                type.startsWith("text/csv") ? "facture.csv" : "facture.pdf"));
    }

    @GetMapping("/api/supplier-orders/{id}/invoices")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
    @Operation(summary = "The supplier invoices and credit notes recorded for a grouped order")
    List<SupplierInvoiceView> ofOrder(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierOrderId id) {
        return supplierInvoices.ofOrder(actor, id);
    }

    @GetMapping("/api/rounds/{id}/supplier-invoices")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "The supplier invoices of a round, with their differences and status")
    List<SupplierInvoiceView> ofRound(@Parameter(hidden = true) Actor actor, @PathVariable("id") RoundId id) {
        return supplierInvoices.ofRound(actor, visible.roundId(actor, id));
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
}
