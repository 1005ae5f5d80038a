package coop.mutua.billing.application;

import coop.mutua.billing.api.SupplierInvoiceCharge;
import coop.mutua.billing.api.SupplierInvoiceLine;
import coop.mutua.billing.api.SupplierInvoiceView;
import coop.mutua.billing.domain.InvoiceSplit.MemberPart;
import coop.mutua.billing.domain.InvoiceSplit;
import coop.mutua.catalog.api.GroupementSummary;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.kernel.VatRate;
import coop.mutua.ordering.api.FeeSplitPolicy;
import coop.mutua.ordering.api.MemberShare;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.SupplierOrderStatus;
import coop.mutua.ordering.api.SupplierOrderView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What issuing a round's member invoices needs, read once: the round, its groupement, the members, and every member's
 * parts of every supplier invoice (the split). Pure once built; {@link #of} refuses a round that cannot be invoiced yet,
 * with the reason.
 */
public record InvoicingPlan(GroupementSummary groupement, PurchaseRoundSummary round, BigDecimal feePercent,
                            Map<MemberId, MemberSummary> members, Map<MemberId, List<MemberPart>> parts) {

    /** Members to invoice, by name then id: the order of their numbers. */
    public List<MemberId> membersInOrder() {
        return parts.keySet().stream()
                .sorted(Comparator.comparing((MemberId id) -> members.containsKey(id) ? members.get(id).name() : "")
                        .thenComparing(MemberId::value))
                .toList();
    }

    public static InvoicingPlan of(GroupementSummary groupement, PurchaseRoundSummary round, FeeSplitPolicy policy,
                                   BigDecimal feePercent, List<MemberSummary> members, List<SupplierOrderView> orders,
                                   Map<SupplierId, String> supplierNames, List<SupplierInvoiceView> invoices) {
        if (round.pooledAt() == null) {
            throw new ConflictException("billing.round-not-pooled", round.title());
        }
        Map<SupplierOrderId, List<SupplierInvoiceView>> invoicesByOrder = new HashMap<>();
        for (SupplierInvoiceView invoice : invoices) {
            if (!invoice.status().billable()) {
                throw new ConflictException("billing.invoice-not-settled", invoice.number(), supplierNames.get(invoice.supplierId()));
            }
            invoicesByOrder.computeIfAbsent(invoice.supplierOrderId(), id -> new ArrayList<>()).add(invoice);
        }
        Map<MemberId, List<MemberPart>> parts = new HashMap<>();
        for (SupplierOrderView order : orders) {
            if (order.status() == SupplierOrderStatus.CANCELLED) {
                continue;
            }
            String supplier = supplierNames.getOrDefault(order.supplierId(), order.supplierId().value());
            if (order.receivedAt() == null) {
                throw new ConflictException("billing.not-received", supplier);
            }
            List<SupplierInvoiceView> ofOrder = invoicesByOrder.getOrDefault(order.id(), List.of());
            if (ofOrder.stream().noneMatch(invoice -> !invoice.creditNote())) {
                throw new ConflictException("billing.no-supplier-invoice", supplier);
            }
            List<InvoiceSplit.Receipt> receipts = receipts(order);
            for (SupplierInvoiceView invoice : ofOrder) {
                for (MemberPart part : InvoiceSplit.split(bill(order, invoice, supplier), receipts, policy)) {
                    parts.computeIfAbsent(part.memberId(), id -> new ArrayList<>()).add(part);
                }
            }
        }
        Map<MemberId, MemberSummary> byId = new LinkedHashMap<>();
        members.forEach(member -> byId.put(member.id(), member));
        return new InvoicingPlan(groupement, round, feePercent, byId, parts);
    }

    /** What each member received of the order (its share where nothing was recorded for it); grams for BY_WEIGHT. */
    static List<InvoiceSplit.Receipt> receipts(SupplierOrderView order) {
        List<InvoiceSplit.Receipt> receipts = new ArrayList<>();
        for (SupplierOrderView.Line line : order.lines()) {
            for (MemberShare share : line.demand().shares()) {
                Quantity received = share.received() != null ? share.received() : share.allocated();
                // The catalog has no unit weight yet: a kilogram or a litre weighs 1 kg, so does one piece or pack.
                long grams = received.value().movePointRight(3).longValue();
                receipts.add(new InvoiceSplit.Receipt(share.memberId(), line.product().id().value(), received, grams,
                        line.unitPrice().times(received).cents()));
            }
        }
        return receipts;
    }

    /** A supplier invoice as the split sees it: signed (a credit note negative), units and names from the order. */
    static InvoiceSplit.Bill bill(SupplierOrderView order, SupplierInvoiceView invoice, String supplier) {
        int sign = invoice.creditNote() ? -1 : 1;
        Map<ProductId, SupplierOrderView.Line> ordered = new HashMap<>();
        order.lines().forEach(line -> ordered.put(line.product().id(), line));
        List<InvoiceSplit.BillLine> lines = new ArrayList<>();
        for (SupplierInvoiceLine line : invoice.lines()) {
            SupplierOrderView.Line orderLine = ordered.get(line.productId());
            lines.add(new InvoiceSplit.BillLine(line.productId().value(), line.label(), line.quantity(), line.unitPrice().value(),
                    line.vatRate(), sign * line.amountExclVat().cents(), unitCode(orderLine == null ? null : orderLine.product().saleUnit())));
        }
        List<InvoiceSplit.Adjustment> adjustments = new ArrayList<>();
        for (SupplierInvoiceCharge charge : invoice.charges()) {
            adjustments.add(new InvoiceSplit.Adjustment(charge.reason() + " (" + supplier + ")", charge.vatRate(),
                    sign * charge.amountExclVat().cents()));
        }
        Map<VatRate, Long> vat = new EnumMap<>(VatRate.class);
        invoice.vat().forEach((rate, money) -> vat.put(rate, sign * money.cents()));
        return new InvoiceSplit.Bill(lines, adjustments, vat);
    }

    /** UN/ECE recommendation 20 codes of the catalog's sale units. */
    static String unitCode(String saleUnit) {
        if (saleUnit == null) {
            return null;
        }
        return switch (saleUnit) {
            case "KG" -> "KGM";
            case "LITRE" -> "LTR";
            case "PACK" -> "XPK";
            default -> "H87";
        };
    }
}
