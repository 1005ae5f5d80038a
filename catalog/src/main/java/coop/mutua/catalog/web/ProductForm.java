package coop.mutua.catalog.web;

import coop.mutua.catalog.api.AddProductCommand;
import coop.mutua.catalog.api.ChangeProductAvailabilityCommand;
import coop.mutua.catalog.api.PriceTier;
import coop.mutua.catalog.api.ProductDetails;
import coop.mutua.catalog.api.ProductIds;
import coop.mutua.catalog.api.ProductLabel;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.catalog.api.ProductSummary;
import coop.mutua.catalog.api.ReviseProductCommand;
import coop.mutua.catalog.api.SaleUnit;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InputNumbers;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A product as typed in the form or sent to the API: numbers as text ("1,90"), so that errors can name the input. */
public class ProductForm {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final int TIER_ROWS = 4;

    public String reference;
    public String name;
    public String category;
    public SaleUnit saleUnit = SaleUnit.PIECE;
    public String step = "1";
    public String caseSize = "1";
    public String minimumOrderQuantity = "0";
    public String vatRate = "5.5";
    public Set<ProductLabel> labels = EnumSet.noneOf(ProductLabel.class);
    public String origin;
    public String unitPrice;
    public List<TierForm> tiers = new ArrayList<>();
    /** When a new price takes effect: empty for now; a Paris local date-time in forms, ISO-8601 with offset in the API. */
    public String priceEffectiveAt;
    public boolean available = true;

    static ProductForm blank() {
        ProductForm form = new ProductForm();
        form.padTiers();
        return form;
    }

    static ProductForm of(ProductSummary product, Locale locale) {
        ProductForm form = new ProductForm();
        ProductDetails details = product.details();
        form.reference = product.reference();
        form.name = details.name();
        form.category = details.category();
        form.saleUnit = details.saleUnit();
        form.step = InputNumbers.quantity(details.step().value(), locale);
        form.caseSize = InputNumbers.quantity(details.caseSize().value(), locale);
        form.minimumOrderQuantity = InputNumbers.quantity(details.minimumOrderQuantity().value(), locale);
        form.vatRate = details.vatRate().toString();
        form.labels = details.labels().isEmpty() ? EnumSet.noneOf(ProductLabel.class) : EnumSet.copyOf(details.labels());
        form.origin = details.origin();
        ProductPrice price = product.nextPrice() != null ? product.nextPrice() : product.price();
        if (price != null) {
            form.unitPrice = InputNumbers.of(price.unitPrice().value(), locale);
            price.tiers().forEach(tier -> form.tiers.add(new TierForm(InputNumbers.quantity(tier.fromQuantity().value(), locale),
                    InputNumbers.of(tier.unitPrice().value(), locale))));
        }
        form.available = product.available();
        form.padTiers();
        return form;
    }

    /** Gives the page a few empty tier rows to fill in. */
    void padTiers() {
        while (tiers.size() < TIER_ROWS) {
            tiers.add(new TierForm());
        }
    }

    AddProductCommand toAdd(GroupementId groupementId, SupplierId supplierId) {
        String key = reference == null ? "" : reference.strip();
        if (key.isEmpty()) {
            throw new DomainException("field.required", "reference");
        }
        if (priceEffectiveAt != null && !priceEffectiveAt.isBlank()) {
            // A new product has its price from the start; a date applies to a later change of price (PUT).
            throw new InvalidFieldException("priceEffectiveAt", "price.effective-at-new-product");
        }
        return new AddProductCommand(ProductIds.of(supplierId, key), groupementId, supplierId, key, details(), price());
    }

    /** A new product is available unless the form says otherwise; then this withdraws it right after creation. */
    Optional<ChangeProductAvailabilityCommand> availabilityAfterAdd(AddProductCommand added) {
        return available ? Optional.empty()
                : Optional.of(new ChangeProductAvailabilityCommand(added.productId(),
                        added.groupementId(), added.supplierId(), false));
    }

    ReviseProductCommand toRevise(ProductId productId, GroupementId groupementId, SupplierId supplierId) {
        return new ReviseProductCommand(productId, groupementId, supplierId, details(), price(), effectiveAt(), available);
    }

    ProductDetails details() {
        return new ProductDetails(name, category, saleUnit, quantity(step, "step"), quantity(caseSize, "caseSize"),
                minimumOrderQuantity == null || minimumOrderQuantity.isBlank() ? Quantity.ZERO
                        : Require.named("minimumOrderQuantity", () -> Quantity.of(minimumOrderQuantity)),
                vatRate == null || vatRate.isBlank() ? null : Require.named("vatRate", () -> VatRate.ofPercent(vatRate)), labels, origin);
    }

    ProductPrice price() {
        if (unitPrice == null || unitPrice.isBlank()) {
            throw new DomainException("field.required", "unitPrice");
        }
        List<PriceTier> parsed = new ArrayList<>();
        List<TierForm> typed = tiers == null ? List.of() : tiers;
        for (int i = 0; i < typed.size(); i++) {
            TierForm tier = typed.get(i);
            if (tier == null) {
                // A null in the API's list (a page's empty rows are blank, not null): named, as labels[i] is.
                throw new DomainException("field.required", "tiers[" + i + "]");
            }
            if (!tier.isBlank()) {
                String at = "tiers[" + i + "].";
                parsed.add(new PriceTier(tier.from == null || tier.from.isBlank() ? null : Require.named(at + "from", () -> Quantity.of(tier.from)),
                        tier.price == null || tier.price.isBlank() ? null : Require.named(at + "price", () -> UnitPrice.of(tier.price))));
            }
        }
        return new ProductPrice(Require.named("unitPrice", () -> UnitPrice.of(unitPrice)), parsed);
    }

    private Instant effectiveAt() {
        if (priceEffectiveAt == null || priceEffectiveAt.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(priceEffectiveAt.strip()).toInstant();
        } catch (DateTimeParseException notAnOffset) {
            try {
                return LocalDateTime.parse(priceEffectiveAt.strip()).atZone(PARIS).toInstant();
            } catch (DateTimeParseException notALocalTime) {
                throw new InvalidFieldException("priceEffectiveAt", "price.effective-at-format", priceEffectiveAt);
            }
        }
    }

    private static Quantity quantity(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new DomainException("field.required", field);
        }
        return Require.named(field, () -> Quantity.of(text));
    }
}
