package coop.mutua.billing.web;

import coop.mutua.billing.api.SupplierInvoiceCharge;
import coop.mutua.billing.api.SupplierInvoiceLine;
import coop.mutua.billing.application.MatchingSupplierInvoices;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;

/**
 * A supplier invoice as the API's JSON or the billing page's form gives it, read into what the use case checks: every
 * refusal names its field ("lines[2].quantity", "unitPrice.0").
 */
final class SupplierInvoiceEntries {

    private SupplierInvoiceEntries() {
    }

    static MatchingSupplierInvoices.Entry entry(SupplierInvoicesApiController.SupplierInvoiceJson body) {
        List<SupplierInvoiceLine> lines = new ArrayList<>();
        for (int i = 0; body.lines() != null && i < body.lines().size(); i++) {
            SupplierInvoicesApiController.SupplierInvoiceLineJson line = item(body.lines().get(i), "lines", i);
            String at = "lines[" + i + "].";
            lines.add(new SupplierInvoiceLine(product(line.productId(), at + "productId"), line.label(),
                    required(line.quantity(), at + "quantity", Quantity::of), required(line.unitPrice(), at + "unitPrice", UnitPrice::of),
                    optional(line.vatRate(), at + "vatRate", VatRate::ofPercent), optional(line.amount(), at + "amount", Money::parse)));
        }
        List<SupplierInvoiceCharge> charges = new ArrayList<>();
        for (int i = 0; body.charges() != null && i < body.charges().size(); i++) {
            SupplierInvoicesApiController.ChargeJson charge = item(body.charges().get(i), "charges", i);
            String at = "charges[" + i + "].";
            charges.add(new SupplierInvoiceCharge(charge.reason() == null || charge.reason().isBlank() ? "Frais" : charge.reason().strip(),
                    required(charge.vatRate(), at + "vatRate", VatRate::ofPercent), required(charge.amount(), at + "amount", Money::parse)));
        }
        Map<VatRate, Money> vat = new EnumMap<>(VatRate.class);
        for (int i = 0; body.vat() != null && i < body.vat().size(); i++) {
            SupplierInvoicesApiController.VatJson v = item(body.vat().get(i), "vat", i);
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
            charges.add(SupplierInvoiceCharge.delivery(Money.parse(fee.strip())));
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
        return new MatchingSupplierInvoices.Entry(number, issueDate == null || issueDate.isBlank() ? null : SupplierInvoiceEntries.date(issueDate, "issueDate"),
                dueDate == null || dueDate.isBlank() ? null : SupplierInvoiceEntries.date(dueDate, "dueDate"),
                "on".equals(form.getFirst("creditNote")), lines, charges, vat);
    }

    private static String required(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        if (value == null || value.isBlank()) {
            throw new DomainException("field.required", field);
        }
        return value.strip();
    }
}
