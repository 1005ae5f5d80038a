package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Billing recorded the supplier's invoice (or credit note) for a received order, in the same transaction: the order is
 * INVOICED and its reception can no longer change. Refused before the reception.
 */
public record RecordSupplierOrderInvoicedCommand(@TargetAggregateIdentifier SupplierOrderId supplierOrderId, GroupementId groupementId,
                                                 RoundId roundId, SupplierId supplierId, String supplierInvoiceId)
        implements GroupementScoped {
}
