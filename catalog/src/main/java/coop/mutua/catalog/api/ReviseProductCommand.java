package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Saves an edited product in one go: records the details, the price (in force from {@code priceEffectiveAt}, null
 * meaning now) and the availability, each only if it changed.
 */
public record ReviseProductCommand(@TargetAggregateIdentifier ProductId productId, GroupementId groupementId,
                                   SupplierId supplierId, ProductDetails details, ProductPrice price,
                                   Instant priceEffectiveAt, boolean available) implements GroupementScoped {
}
