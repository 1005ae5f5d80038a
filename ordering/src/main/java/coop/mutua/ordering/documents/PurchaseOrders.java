package coop.mutua.ordering.documents;

import coop.mutua.catalog.api.FindGroupementQuery;
import coop.mutua.catalog.api.FindMembersQuery;
import coop.mutua.catalog.api.FindSupplierQuery;
import coop.mutua.catalog.api.GroupementSummary;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.ordering.api.FindPurchaseRoundQuery;
import coop.mutua.ordering.api.FindSupplierOrdersQuery;
import coop.mutua.ordering.api.MemberShare;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.SupplierOrderView;
import coop.mutua.ordering.query.RoundQueries;
import coop.mutua.ordering.query.SupplierOrderQueries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Assembles a supplier order's purchase-order document from the pooling's result and the catalog's identities. */
@Component
public class PurchaseOrders {

    private final SupplierOrderQueries supplierOrders;
    private final RoundQueries rounds;
    private final QueryGateway queries;

    PurchaseOrders(SupplierOrderQueries supplierOrders, RoundQueries rounds, QueryGateway queries) {
        this.supplierOrders = supplierOrders;
        this.rounds = rounds;
        this.queries = queries;
    }

    /** The document of one supplier order of the groupement (with {@code supplierOnly}: only if it is that supplier's). */
    public PurchaseOrder of(GroupementId groupementId, SupplierOrderId supplierOrderId, SupplierId supplierOnly) {
        SupplierOrderView order = supplierOrders.handle(new FindSupplierOrdersQuery(groupementId, null, supplierOnly, supplierOrderId, true))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("supplier-order", supplierOrderId));
        PurchaseRoundSummary round = rounds.handle(new FindPurchaseRoundQuery(groupementId, order.roundId()))
                .orElseThrow(() -> new NotFoundException("round", order.roundId()));
        GroupementSummary buyer = queries.query(new FindGroupementQuery(groupementId),
                ResponseTypes.optionalInstanceOf(GroupementSummary.class)).join().orElseThrow();
        SupplierSummary supplier = queries.query(new FindSupplierQuery(groupementId, order.supplierId()),
                ResponseTypes.optionalInstanceOf(SupplierSummary.class)).join().orElseThrow();
        Map<MemberId, String> memberNames = queries.query(new FindMembersQuery(groupementId),
                        ResponseTypes.multipleInstancesOf(MemberSummary.class)).join().stream()
                .collect(Collectors.toMap(MemberSummary::id, MemberSummary::name));
        Map<ProductId, SupplierOrderView.Line> lines = order.lines().stream()
                .collect(Collectors.toMap(line -> line.product().id(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<MemberId, List<PurchaseOrder.PackedLine>> packing = new LinkedHashMap<>();
        for (SupplierOrderView.Line line : order.lines()) {
            for (MemberShare share : line.demand().shares()) {
                if (!share.allocated().isZero()) {
                    packing.computeIfAbsent(share.memberId(), member -> new ArrayList<>())
                            .add(new PurchaseOrder.PackedLine(line.product().reference(), line.product().name(), share.allocated()));
                }
            }
        }
        List<PurchaseOrder.Packing> packingList = packing.entrySet().stream()
                .map(entry -> new PurchaseOrder.Packing(memberNames.getOrDefault(entry.getKey(), entry.getKey().value()), entry.getValue()))
                .sorted(Comparator.comparing(PurchaseOrder.Packing::member))
                .toList();
        return new PurchaseOrder(number(order), party(buyer.name(), buyer.siret(), buyer.vatNumber(), buyer.address().oneLine(),
                buyer.contactEmail()), party(supplier.name(), supplier.siret(), supplier.vatNumber(), supplier.address().oneLine(),
                supplier.orderEmail()), round.title(), round.deliveryDate(), round.deliveryPlace(),
                lines.values().stream().filter(line -> line.cases() > 0)
                        .map(line -> new PurchaseOrder.Line(line.product().reference(), line.product().name(), line.product().saleUnit(), line.cases(), line.product().caseSize(),
                                line.quantity(), line.unitPrice(), line.amountExclVat(), line.product().vatRate()))
                        .toList(),
                order.deliveryFee(), packingList);
    }

    /** A short, readable number: the round's deadline day and the first characters of the order's id. */
    static String number(SupplierOrderView order) {
        return order.pooledAt().toString().substring(0, 10).replace("-", "") + "-" + order.id().value().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static PurchaseOrder.Party party(String name, String siret, String vatNumber, String address, String email) {
        return new PurchaseOrder.Party(name, siret, vatNumber, address, email);
    }
}
