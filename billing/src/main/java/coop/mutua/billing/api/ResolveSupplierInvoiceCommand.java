package coop.mutua.billing.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The coordinator accepts a supplier invoice's differences (it will be split as invoiced) or disputes it (with why). */
public record ResolveSupplierInvoiceCommand(@TargetAggregateIdentifier String supplierInvoiceId, GroupementId groupementId,
                                            boolean accept, String note) implements GroupementScoped {
}
