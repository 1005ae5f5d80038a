package coop.mutua.billing.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;

/** Supplier invoices of a groupement: of a round, an order, an invoice and/or a supplier when given (null: any). */
public record FindSupplierInvoicesQuery(GroupementId groupementId, RoundId roundId, SupplierOrderId supplierOrderId, String supplierInvoiceId,
                                        SupplierId supplierId) {
}
