package coop.mutua.billing.application;

import coop.mutua.billing.api.FindSupplierInvoicesQuery;
import coop.mutua.billing.api.SupplierInvoiceView;
import coop.mutua.billing.query.SupplierInvoiceQueries;
import coop.mutua.catalog.api.FindGroupementQuery;
import coop.mutua.catalog.api.FindMembersQuery;
import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.GroupementSummary;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.FindPurchaseRoundQuery;
import coop.mutua.ordering.api.FindRoundTermsQuery;
import coop.mutua.ordering.api.FindSupplierOrdersQuery;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RoundTerms;
import coop.mutua.ordering.api.SupplierOrderView;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Reads what a round's invoicing needs from the other contexts (through their queries) and builds its plan. */
@Component
public class InvoicingPlans {

    private final QueryGateway queries;
    private final SupplierInvoiceQueries supplierInvoices;

    InvoicingPlans(QueryGateway queries, SupplierInvoiceQueries supplierInvoices) {
        this.queries = queries;
        this.supplierInvoices = supplierInvoices;
    }

    public InvoicingPlan load(GroupementId groupementId, RoundId roundId) {
        PurchaseRoundSummary round = queries.query(new FindPurchaseRoundQuery(groupementId, roundId),
                ResponseTypes.optionalInstanceOf(PurchaseRoundSummary.class)).join().orElseThrow(() -> new NotFoundException("round", roundId));
        RoundTerms terms = queries.query(new FindRoundTermsQuery(groupementId, roundId),
                ResponseTypes.optionalInstanceOf(RoundTerms.class)).join().orElseThrow(() -> new NotFoundException("round", roundId));
        GroupementSummary groupement = queries.query(new FindGroupementQuery(groupementId),
                ResponseTypes.optionalInstanceOf(GroupementSummary.class)).join().orElseThrow(() -> new NotFoundException("groupement", groupementId));
        List<MemberSummary> members = queries.query(new FindMembersQuery(groupementId),
                ResponseTypes.multipleInstancesOf(MemberSummary.class)).join();
        Map<SupplierId, String> supplierNames = new HashMap<>();
        queries.query(new FindSuppliersQuery(groupementId), ResponseTypes.multipleInstancesOf(SupplierSummary.class)).join()
                .forEach(supplier -> supplierNames.put(supplier.id(), supplier.name()));
        List<SupplierOrderView> orders = queries.query(new FindSupplierOrdersQuery(groupementId, roundId, null, null, true),
                ResponseTypes.multipleInstancesOf(SupplierOrderView.class)).join();
        List<SupplierInvoiceView> invoices = supplierInvoices.handle(new FindSupplierInvoicesQuery(groupementId, roundId, null, null, null));
        BigDecimal fee = terms.groupementFeePercent() == null ? BigDecimal.ZERO : terms.groupementFeePercent();
        return InvoicingPlan.of(groupement, round, terms.feeSplitPolicy(), fee, members, orders, supplierNames, invoices);
    }
}
