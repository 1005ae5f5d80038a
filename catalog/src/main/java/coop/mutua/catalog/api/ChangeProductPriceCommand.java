package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets a new list price and tiers, in force from {@code effectiveAt} (now or later; null means now). */
public record ChangeProductPriceCommand(@TargetAggregateIdentifier ProductId productId, GroupementId groupementId,
                                        SupplierId supplierId, ProductPrice price, Instant effectiveAt)
        implements GroupementScoped {
}
