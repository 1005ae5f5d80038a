package coop.mutua.catalog.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import coop.mutua.catalog.api.AddProductCommand;
import coop.mutua.catalog.api.ChangeProductAvailabilityCommand;
import coop.mutua.catalog.api.ChangeProductPriceCommand;
import coop.mutua.catalog.api.ImportNewProductCommand;
import coop.mutua.catalog.api.ImportProductCommand;
import coop.mutua.catalog.api.ProductAddedEvent;
import coop.mutua.catalog.api.ProductAvailabilityChangedEvent;
import coop.mutua.catalog.api.ProductDetails;
import coop.mutua.catalog.api.ProductDetailsChangedEvent;
import coop.mutua.catalog.api.ProductIds;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.catalog.api.ProductPriceChangedEvent;
import coop.mutua.catalog.api.ReviseProductCommand;
import coop.mutua.catalog.api.UpdateProductCommand;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.SupplierId;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A product of a supplier's catalog. Its price has a history: every change is an event with the instant it takes
 * effect, so "the price in force at T" can always be answered and a round can freeze the prices of its opening.
 */
@Aggregate
public class Product {

    @AggregateIdentifier
    private ProductId productId;
    private GroupementId groupementId;
    private SupplierId supplierId;
    private ProductDetails details;
    private ProductPrice latestPrice;
    private boolean available;

    protected Product() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(AddProductCommand command, Clock clock) {
        String reference = ProductRules.reference(command.reference());
        requireKeyedId(command.productId(), command.supplierId(), reference);
        apply(new ProductAddedEvent(command.productId(), Require.present(command.groupementId(), "groupementId"),
                command.supplierId(), reference, ProductRules.details(command.details()), ProductRules.price(command.price()),
                clock.instant()));
    }

    @CommandHandler
    public void handle(UpdateProductCommand command) {
        requireOwner(command.groupementId(), command.supplierId());
        ProductDetails changed = ProductRules.details(command.details());
        if (!changed.equals(details)) {
            apply(new ProductDetailsChangedEvent(productId, groupementId, supplierId, changed));
        }
    }

    @CommandHandler
    public void handle(ChangeProductPriceCommand command, Clock clock) {
        requireOwner(command.groupementId(), command.supplierId());
        Instant now = clock.instant();
        Instant effectiveAt = command.effectiveAt() == null ? now : command.effectiveAt();
        if (effectiveAt.isBefore(now.minusSeconds(60))) {
            throw new DomainException("price.effective-in-past");
        }
        apply(new ProductPriceChangedEvent(productId, groupementId, supplierId, ProductRules.price(command.price()), effectiveAt));
    }

    @CommandHandler
    public void handle(ChangeProductAvailabilityCommand command) {
        requireOwner(command.groupementId(), command.supplierId());
        if (command.available() != available) {
            apply(new ProductAvailabilityChangedEvent(productId, groupementId, supplierId, command.available()));
        }
    }

    /** Creates the product, or records what the row changes; an identical row changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ImportProductCommand command, Clock clock) {
        String reference = ProductRules.reference(command.reference());
        ProductDetails newDetails = ProductRules.details(command.details());
        ProductPrice newPrice = ProductRules.price(command.price());
        if (productId == null) {
            requireKeyedId(command.productId(), command.supplierId(), reference);
            apply(new ProductAddedEvent(command.productId(), Require.present(command.groupementId(), "groupementId"),
                    command.supplierId(), reference, newDetails, newPrice, clock.instant()));
            if (!command.available()) {
                apply(new ProductAvailabilityChangedEvent(command.productId(), command.groupementId(), command.supplierId(), false));
            }
            return;
        }
        requireOwner(command.groupementId(), command.supplierId());
        recordChanges(newDetails, newPrice, clock.instant(), command.available());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(ImportNewProductCommand command, Clock clock) {
        String reference = ProductRules.reference(command.reference());
        requireKeyedId(command.productId(), command.supplierId(), reference);
        apply(new ProductAddedEvent(command.productId(), Require.present(command.groupementId(), "groupementId"),
                command.supplierId(), reference, ProductRules.details(command.details()), ProductRules.price(command.price()),
                clock.instant()));
        if (!command.available()) {
            apply(new ProductAvailabilityChangedEvent(command.productId(), command.groupementId(), command.supplierId(), false));
        }
    }

    @CommandHandler
    public void handle(ReviseProductCommand command, Clock clock) {
        requireOwner(command.groupementId(), command.supplierId());
        Instant now = clock.instant();
        Instant effectiveAt = command.priceEffectiveAt() == null ? now : command.priceEffectiveAt();
        if (effectiveAt.isBefore(now.minusSeconds(60))) {
            throw new DomainException("price.effective-in-past");
        }
        recordChanges(ProductRules.details(command.details()), ProductRules.price(command.price()), effectiveAt,
                command.available());
    }

    private void recordChanges(ProductDetails newDetails, ProductPrice newPrice, Instant priceEffectiveAt, boolean newAvailability) {
        if (!newDetails.equals(details)) {
            apply(new ProductDetailsChangedEvent(productId, groupementId, supplierId, newDetails));
        }
        if (!newPrice.equals(latestPrice)) {
            apply(new ProductPriceChangedEvent(productId, groupementId, supplierId, newPrice, priceEffectiveAt));
        }
        if (newAvailability != available) {
            apply(new ProductAvailabilityChangedEvent(productId, groupementId, supplierId, newAvailability));
        }
    }

    @EventSourcingHandler
    void on(ProductAddedEvent event) {
        this.productId = event.productId();
        this.groupementId = event.groupementId();
        this.supplierId = event.supplierId();
        this.details = event.details();
        this.latestPrice = event.price();
        this.available = true;
    }

    @EventSourcingHandler
    void on(ProductDetailsChangedEvent event) {
        this.details = event.details();
    }

    @EventSourcingHandler
    void on(ProductPriceChangedEvent event) {
        this.latestPrice = event.price();
    }

    @EventSourcingHandler
    void on(ProductAvailabilityChangedEvent event) {
        this.available = event.available();
    }

    private static void requireKeyedId(ProductId productId, SupplierId supplierId, String reference) {
        Require.present(supplierId, "supplierId");
        if (!ProductIds.of(supplierId, reference).equals(productId)) {
            throw new IllegalArgumentException("product id " + productId + " is not derived from " + supplierId + "/" + reference);
        }
    }

    /** Only the groupement's coordinators, or the product's own supplier, address it; to anyone else it does not exist. */
    private void requireOwner(GroupementId callerGroupement, SupplierId callerSupplier) {
        if (!groupementId.equals(callerGroupement) || !supplierId.equals(callerSupplier)) {
            throw new NotFoundException("product", productId);
        }
    }
}
