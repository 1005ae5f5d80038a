package coop.mutua.billing.documents;

import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mustangproject.Invoice;
import org.mustangproject.ZUGFeRD.IZUGFeRDAllowanceCharge;
import org.mustangproject.ZUGFeRD.IZUGFeRDExportableItem;
import org.mustangproject.ZUGFeRD.LineCalculator;
import org.mustangproject.ZUGFeRD.TransactionCalculator;
import org.mustangproject.ZUGFeRD.VATAmount;
import org.mustangproject.ZUGFeRD.ZUGFeRDInvoiceImporter;

/**
 * Reads a supplier's invoice from a file: a Factur-X / ZUGFeRD PDF (its embedded XML, read with Mustang) or a CSV in
 * Mutua's simple format. Lines name products by the supplier's reference (or name); the caller matches them with the
 * grouped order. Pure: no Spring, no database.
 *
 * <p>CSV: semicolon-separated, decimal comma or point, UTF-8; one row per item, its kind first:
 * <pre>
 * facture;F-1029;2026-11-26;2026-12-26        (or "avoir": number, date, due date)
 * ligne;CAR-6;9;1,80;5,5;16,20                 (reference, quantity, unit price excl. VAT, VAT rate, amount excl. VAT)
 * frais;Livraison;20;12,00                     (reason, VAT rate, amount excl. VAT; negative: a discount)
 * tva;5,5;0,89                                  (VAT rate, VAT amount as printed)
 * </pre>
 */
public final class SupplierInvoiceFiles {

    private SupplierInvoiceFiles() {
    }

    /** An invoice as read, lines by reference. */
    public record Read(String number, LocalDate issueDate, LocalDate dueDate, boolean creditNote, List<Line> lines, List<Charge> charges,
                       Map<VatRate, Money> vat) {
    }

    public record Line(String reference, String name, Quantity quantity, UnitPrice unitPrice, VatRate vatRate, Money amount) {
    }

    public record Charge(String reason, VatRate vatRate, Money amount) {
    }

    /** A Factur-X or ZUGFeRD invoice; VAT per rate as the XML's lines and charges give it. */
    public static Read facturX(byte[] pdf) {
        Invoice invoice;
        try {
            ZUGFeRDInvoiceImporter importer = new ZUGFeRDInvoiceImporter(new ByteArrayInputStream(pdf));
            invoice = importer.extractInvoice();
        } catch (Exception | Error unreadable) {
            throw new DomainException("supplier-invoice.file-unreadable", "Factur-X");
        }
        if (invoice == null || invoice.getNumber() == null || invoice.getZFItems() == null) {
            throw new DomainException("supplier-invoice.file-unreadable", "Factur-X");
        }
        List<Line> lines = new ArrayList<>();
        for (IZUGFeRDExportableItem item : invoice.getZFItems()) {
            String reference = item.getProduct().getSellerAssignedID();
            BigDecimal quantity = item.getQuantity().abs();
            lines.add(new Line(reference == null || reference.isBlank() ? item.getProduct().getName() : reference, item.getProduct().getName(),
                    new Quantity(quantity.stripTrailingZeros().scale() > 3 ? quantity.setScale(3, RoundingMode.HALF_UP) : quantity),
                    new UnitPrice(item.getPrice().setScale(Math.max(2, Math.min(4, item.getPrice().stripTrailingZeros().scale())), RoundingMode.HALF_UP)),
                    VatRate.ofPercent(item.getProduct().getVATPercent().toPlainString()),
                    Money.rounded(new LineCalculator(item).getItemTotalNetAmount().abs())));
        }
        List<Charge> charges = new ArrayList<>();
        TransactionCalculator calculator = new TransactionCalculator(invoice);
        if (invoice.getZFCharges() != null) {
            for (IZUGFeRDAllowanceCharge charge : invoice.getZFCharges()) {
                charges.add(new Charge(reason(charge, "Frais"), VatRate.ofPercent(charge.getTaxPercent().toPlainString()),
                        Money.rounded(charge.getTotalAmount(calculator))));
            }
        }
        if (invoice.getZFAllowances() != null) {
            for (IZUGFeRDAllowanceCharge allowance : invoice.getZFAllowances()) {
                charges.add(new Charge(reason(allowance, "Remise"), VatRate.ofPercent(allowance.getTaxPercent().toPlainString()),
                        Money.rounded(allowance.getTotalAmount(calculator)).negate()));
            }
        }
        Map<VatRate, Money> vat = new EnumMap<>(VatRate.class);
        for (VATAmount amount : calculator.getTaxDetails()) {
            if (amount.getApplicablePercent() != null && amount.getApplicablePercent().signum() > 0) {
                vat.put(VatRate.ofPercent(amount.getApplicablePercent().toPlainString()), Money.rounded(amount.getCalculated().abs()));
            }
        }
        boolean credit = "381".equals(invoice.getDocumentCode());
        return new Read(invoice.getNumber(), day(invoice.getIssueDate()), day(invoice.getDueDate()), credit, lines, charges, vat);
    }

    /** Mutua's CSV format (see the class comment); every bad row is refused with its line number. */
    public static Read csv(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String number = null;
        LocalDate issueDate = null;
        LocalDate dueDate = null;
        boolean credit = false;
        List<Line> lines = new ArrayList<>();
        List<Charge> charges = new ArrayList<>();
        Map<VatRate, Money> vat = new EnumMap<>(VatRate.class);
        String[] rows = text.split("\r?\n");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            String[] cells = row.split(";", -1);
            int at = i + 1;
            try {
                switch (cells[0].strip().toLowerCase(Locale.ROOT)) {
                    case "facture", "avoir" -> {
                        credit = cells[0].strip().equalsIgnoreCase("avoir");
                        number = cell(cells, 1, "numéro");
                        issueDate = LocalDate.parse(cell(cells, 2, "date"));
                        dueDate = cells.length > 3 && !cells[3].isBlank() ? LocalDate.parse(cells[3].strip()) : null;
                    }
                    case "ligne" -> lines.add(new Line(cell(cells, 1, "référence"), null, Quantity.of(cell(cells, 2, "quantité")),
                            UnitPrice.of(cell(cells, 3, "prix unitaire")), VatRate.ofPercent(cell(cells, 4, "taux de TVA")),
                            cells.length > 5 && !cells[5].isBlank() ? Money.parse(cells[5].strip()) : null));
                    case "frais" -> charges.add(new Charge(cell(cells, 1, "motif"), VatRate.ofPercent(cell(cells, 2, "taux de TVA")),
                            Money.parse(cell(cells, 3, "montant"))));
                    case "tva" -> vat.merge(VatRate.ofPercent(cell(cells, 1, "taux de TVA")), Money.parse(cell(cells, 2, "montant")), Money::plus);
                    default -> throw new DomainException("supplier-invoice.csv-kind", cells[0]);
                }
            } catch (DomainException | DateTimeParseException bad) {
                throw new DomainException("supplier-invoice.csv-row", at, row);
            }
        }
        if (number == null) {
            throw new DomainException("supplier-invoice.csv-no-header");
        }
        return new Read(number, issueDate, dueDate, credit, lines, charges, vat);
    }

    private static String cell(String[] cells, int index, String name) {
        if (cells.length <= index || cells[index].isBlank()) {
            throw new DomainException("field.required", name);
        }
        return cells[index].strip();
    }

    private static String reason(IZUGFeRDAllowanceCharge charge, String otherwise) {
        return charge.getReason() == null || charge.getReason().isBlank() ? otherwise : charge.getReason();
    }

    private static LocalDate day(Date date) {
        // Mustang parses the XML's yyyyMMdd dates in the JVM's time zone.
        return date == null ? null : LocalDate.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }
}
