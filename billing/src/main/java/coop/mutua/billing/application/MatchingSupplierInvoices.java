package coop.mutua.billing.application;

import coop.mutua.billing.api.FindSupplierInvoicesQuery;
import coop.mutua.billing.api.InvoiceDifference;
import coop.mutua.billing.api.RecordSupplierInvoiceCommand;
import coop.mutua.billing.api.ResolveSupplierInvoiceCommand;
import coop.mutua.billing.api.SupplierInvoiceCharge;
import coop.mutua.billing.api.SupplierInvoiceIds;
import coop.mutua.billing.api.SupplierInvoiceLine;
import coop.mutua.billing.api.SupplierInvoiceView;
import coop.mutua.billing.documents.SupplierInvoiceFiles;
import coop.mutua.billing.domain.ThreeWayMatch;
import coop.mutua.billing.query.MemberInvoiceQueries;
import coop.mutua.billing.query.SupplierInvoiceQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.kernel.VatRate;
import coop.mutua.ordering.api.FindSupplierOrdersQuery;
import coop.mutua.ordering.api.OrderingReadModels;
import coop.mutua.ordering.api.RecordSupplierOrderInvoicedCommand;
import coop.mutua.ordering.api.SupplierOrderView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recording supplier invoices against grouped orders (by the coordinator, or the supplier for its own orders), with the
 * three-way match against what was ordered and received, and the coordinator's decision on the differences.
 */
@Component
public class MatchingSupplierInvoices {

    /** What a supplier invoice says, before it is checked. Lines without an amount are quantity x price. */
    public record Entry(String number, LocalDate issueDate, LocalDate dueDate, boolean creditNote, List<SupplierInvoiceLine> lines,
                        List<SupplierInvoiceCharge> charges, Map<VatRate, Money> vat) {

        /** The same invoice with other lines, and the VAT per rate that follows from them and the charges. */
        public Entry withLines(List<SupplierInvoiceLine> otherLines) {
            return new Entry(number, issueDate, dueDate, creditNote, otherLines, charges, ThreeWayMatch.vatPerRate(otherLines, charges));
        }
    }

    /**
     * The invoice the supplier should send for an order: what arrived (what was ordered, before reception) at the
     * order's prices, the order's delivery fee at 20 %, and the VAT that follows. The billing page suggests it; the
     * demo and the benchmark record it.
     */
    public static Entry asDelivered(SupplierOrderView order, String number, LocalDate issueDate, LocalDate dueDate) {
        List<SupplierInvoiceLine> lines = order.lines().stream().map(line -> {
            Quantity arrived = line.arrived();
            return new SupplierInvoiceLine(line.product().id(), line.product().name(), arrived, line.unitPrice(), line.product().vatRate(),
                    line.unitPrice().times(arrived));
        }).toList();
        List<SupplierInvoiceCharge> charges = order.deliveryFee() != null && order.deliveryFee().cents() > 0
                ? List.of(SupplierInvoiceCharge.delivery(order.deliveryFee())) : List.of();
        return new Entry(number, issueDate, dueDate, false, lines, charges, ThreeWayMatch.vatPerRate(lines, charges));
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final SupplierInvoiceQueries invoices;
    private final MemberInvoiceQueries memberInvoices;
    private final ProjectionCatchUp catchUp;
    private final TransactionTemplate transactions;

    MatchingSupplierInvoices(CommandGateway commands, QueryGateway queries, SupplierInvoiceQueries invoices,
                     MemberInvoiceQueries memberInvoices, ProjectionCatchUp catchUp, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.commands = commands;
        this.queries = queries;
        this.invoices = invoices;
        this.memberInvoices = memberInvoices;
        this.catchUp = catchUp;
    }

    public SupplierInvoiceView record(Actor actor, SupplierOrderId supplierOrderId, Entry entry) {
        SupplierOrderView order = order(actor, supplierOrderId);
        if (entry.number() == null || entry.number().isBlank()) {
            throw new DomainException("field.required", "number");
        }
        if (entry.issueDate() == null) {
            throw new DomainException("field.required", "issueDate");
        }
        if (entry.issueDate().isAfter(LocalDate.now(IssuingMemberInvoices.ZONE))) {
            throw new InvalidFieldException("issueDate", "date.after-today", "issueDate", entry.issueDate());
        }
        if (memberInvoices.roundInvoiced(actor.groupementId(), order.roundId())) {
            throw new ConflictException("supplier-invoice.round-invoiced");
        }
        List<SupplierInvoiceLine> lines = (entry.lines() == null ? List.<SupplierInvoiceLine>of() : entry.lines()).stream()
                .map(line -> complete(order, line)).toList();
        List<SupplierInvoiceCharge> charges = entry.charges() == null ? List.of() : entry.charges();
        charges.forEach(charge -> {
            if (charge.vatRate() == null || charge.amountExclVat() == null) {
                throw new DomainException("field.required", charge.vatRate() == null ? "vatRate" : "amount");
            }
        });
        String id = SupplierInvoiceIds.of(order.id(), entry.number());
        Map<ProductId, Quantity> invoicedBefore = invoicedBefore(actor, order.id(), id);
        List<ThreeWayMatch.OrderedLine> ordered = order.lines().stream()
                .map(line -> new ThreeWayMatch.OrderedLine(line.product().id(), line.product().name(), line.quantity(), line.unitPrice(),
                        order.receivedAt() == null ? null : line.arrived(), invoicedBefore.getOrDefault(line.product().id(), Quantity.ZERO)))
                .toList();
        Map<VatRate, Money> vat = entry.vat() == null ? Map.of() : entry.vat();
        List<InvoiceDifference> differences = ThreeWayMatch.differences(ordered, lines, charges, vat, entry.creditNote());
        // One transaction: the order becomes INVOICED (refused before its reception: 409) with the invoice, or neither.
        transactions.executeWithoutResult(status -> {
            commands.sendAndWait(new RecordSupplierOrderInvoicedCommand(order.id(), actor.groupementId(), order.roundId(),
                    order.supplierId(), id));
            commands.sendAndWait(new RecordSupplierInvoiceCommand(id, actor.groupementId(), order.roundId(), order.id(),
                    order.supplierId(), entry.number(), entry.issueDate(), entry.dueDate(), entry.creditNote(), lines, charges, vat,
                    differences));
        });
        catchUp.await(SupplierInvoiceQueries.PROJECTION, id);
        // The same request made the order INVOICED: a client reading the order next sees it so (ADR 5).
        catchUp.await(OrderingReadModels.SUPPLIER_ORDERS, order.id());
        return one(actor, id);
    }

    /**
     * What the order's other invoices (not {@code except}, which a new recording replaces) bill of each product, net of
     * its credit notes: a second invoice of the same delivery is then more than received, not members billed twice.
     */
    private Map<ProductId, Quantity> invoicedBefore(Actor actor, SupplierOrderId orderId, String except) {
        Map<ProductId, BigDecimal> net = new HashMap<>();
        for (SupplierInvoiceView other : invoices.handle(new FindSupplierInvoicesQuery(actor.groupementId(), null, orderId, null, null))) {
            if (other.id().equals(except)) {
                continue;
            }
            for (SupplierInvoiceLine line : other.lines()) {
                BigDecimal quantity = line.quantity().value();
                net.merge(line.productId(), other.creditNote() ? quantity.negate() : quantity, BigDecimal::add);
            }
        }
        Map<ProductId, Quantity> before = new HashMap<>();
        net.forEach((product, quantity) -> before.put(product, new Quantity(quantity.signum() < 0 ? BigDecimal.ZERO : quantity)));
        return before;
    }

    /** An invoice file: a Factur-X / ZUGFeRD PDF or Mutua's CSV; its lines found in the order by reference (or name). */
    public SupplierInvoiceView recordFile(Actor actor, SupplierOrderId supplierOrderId, byte[] file, String fileName) {
        SupplierOrderView order = order(actor, supplierOrderId);
        boolean pdf = file.length > 4 && file[0] == '%' && file[1] == 'P' && file[2] == 'D' && file[3] == 'F';
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (!pdf && !name.endsWith(".csv") && !name.endsWith(".txt") && !name.isEmpty()) {
            throw new DomainException("supplier-invoice.file-type", fileName);
        }
        SupplierInvoiceFiles.Read read = pdf ? SupplierInvoiceFiles.facturX(file) : SupplierInvoiceFiles.csv(file);
        List<SupplierInvoiceLine> lines = read.lines().stream().map(line -> {
            SupplierOrderView.Line ordered = order.lines().stream()
                    .filter(l -> l.product().reference().equalsIgnoreCase(line.reference()) || l.product().id().value().equals(line.reference())
                            || l.product().name().equalsIgnoreCase(line.reference()))
                    .findFirst().orElseThrow(() -> new DomainException("supplier-invoice.unknown-reference", line.reference()));
            return new SupplierInvoiceLine(ordered.product().id(), ordered.product().name(), line.quantity(), line.unitPrice(), line.vatRate(), line.amount());
        }).toList();
        List<SupplierInvoiceCharge> charges = read.charges().stream()
                .map(charge -> new SupplierInvoiceCharge(charge.reason(), charge.vatRate(), charge.amount())).toList();
        return record(actor, supplierOrderId, new Entry(read.number(), read.issueDate(), read.dueDate(), read.creditNote(), lines,
                charges, read.vat()));
    }

    public SupplierInvoiceView resolve(Actor actor, String id, boolean accept, String note) {
        SupplierInvoiceView invoice = one(actor, id);
        if (memberInvoices.roundInvoiced(actor.groupementId(), invoice.roundId())) {
            throw new ConflictException("supplier-invoice.round-invoiced");
        }
        commands.sendAndWait(new ResolveSupplierInvoiceCommand(id, actor.groupementId(), accept, note));
        catchUp.await(SupplierInvoiceQueries.PROJECTION, id);
        return one(actor, id);
    }

    public SupplierInvoiceView one(Actor actor, String id) {
        return invoices.handle(new FindSupplierInvoicesQuery(actor.groupementId(), null, null, id, supplierOnly(actor))).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("supplier-invoice", id));
    }

    public List<SupplierInvoiceView> ofOrder(Actor actor, SupplierOrderId supplierOrderId) {
        SupplierOrderView order = order(actor, supplierOrderId);
        return invoices.handle(new FindSupplierInvoicesQuery(actor.groupementId(), null, order.id(), null, supplierOnly(actor)));
    }

    public List<SupplierInvoiceView> ofRound(Actor actor, RoundId roundId) {
        return invoices.handle(new FindSupplierInvoicesQuery(actor.groupementId(), roundId, null, null, supplierOnly(actor)));
    }

    /** The grouped order as the actor may see it: a supplier only its own orders, as sent. */
    public SupplierOrderView order(Actor actor, SupplierOrderId supplierOrderId) {
        return queries.query(new FindSupplierOrdersQuery(actor.groupementId(), null, supplierOnly(actor), supplierOrderId, false),
                        ResponseTypes.multipleInstancesOf(SupplierOrderView.class)).join().stream()
                .findFirst().orElseThrow(() -> new NotFoundException("supplier-order", supplierOrderId));
    }

    private static SupplierId supplierOnly(Actor actor) {
        if (actor.is(Role.MEMBER)) {
            throw new NotFoundException("supplier-invoice", actor.memberId());
        }
        return actor.is(Role.SUPPLIER) ? actor.supplierId() : null;
    }

    /** Name and VAT rate from the order when the line leaves them out; amount = quantity x unit price when absent. */
    private static SupplierInvoiceLine complete(SupplierOrderView order, SupplierInvoiceLine line) {
        if (line.productId() == null) {
            throw new DomainException("field.required", "productId");
        }
        if (line.quantity() == null || line.unitPrice() == null) {
            throw new DomainException("field.required", line.quantity() == null ? "quantity" : "unitPrice");
        }
        SupplierOrderView.Line ordered = order.lines().stream().filter(l -> l.product().id().equals(line.productId())).findFirst().orElse(null);
        String label = line.label() != null && !line.label().isBlank() ? line.label().strip()
                : ordered != null ? ordered.product().name() : line.productId().value();
        VatRate rate = line.vatRate() != null ? line.vatRate() : ordered != null ? ordered.product().vatRate() : null;
        if (rate == null) {
            throw new DomainException("field.required", "vatRate");
        }
        Money amount = line.amountExclVat() != null ? line.amountExclVat() : line.unitPrice().times(line.quantity());
        return new SupplierInvoiceLine(line.productId(), label, line.quantity(), line.unitPrice(), rate, amount);
    }
}
