package coop.mutua.catalog.domain;

import coop.mutua.catalog.api.PriceTier;
import coop.mutua.catalog.api.ProductDetails;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Require;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a product must follow to be orderable and poolable. Pure functions: the aggregate, the CSV import and
 * the property tests share them.
 */
public final class ProductRules {

    private static final Pattern REFERENCE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/+-]{0,63}");

    private ProductRules() {
    }

    /** Supplier references: 1 to 64 letters, digits, spaces and . _ / + -, starting with a letter or digit. */
    public static String reference(String reference) {
        String text = Require.text(reference, "reference", 64);
        if (!REFERENCE.matcher(text).matches()) {
            throw new DomainException("product.reference", text);
        }
        return text;
    }

    /**
     * The step and the case size are positive; the case and the minimum order are whole numbers of steps, so that a
     * full case can always be reached by ordering in steps.
     */
    public static ProductDetails details(ProductDetails details) {
        Require.present(details, "details");
        Quantity step = positive(details.step(), "step");
        Quantity caseSize = positive(details.caseSize(), "caseSize");
        if (!caseSize.isMultipleOf(step)) {
            throw new InvalidFieldException("caseSize", "product.case-not-multiple-of-step", caseSize.value(), step.value());
        }
        Quantity minimum = details.minimumOrderQuantity() == null ? Quantity.ZERO : details.minimumOrderQuantity();
        if (!minimum.isZero() && !minimum.isMultipleOf(step)) {
            throw new DomainException("product.minimum-not-multiple-of-step", minimum, step);
        }
        return new ProductDetails(Require.text(details.name(), "name", 200), Require.text(details.category(), "category", 100),
                Require.present(details.saleUnit(), "saleUnit"), step, caseSize, minimum,
                Require.present(details.vatRate(), "vatRate"), details.labels(),
                IdentityRules.optionalText(details.origin(), "origin", 100));
    }

    /**
     * Tiers start at a positive quantity, each at a larger quantity and a strictly lower price than the one before,
     * all below the list price: a tier is a volume discount, never a surcharge.
     */
    public static ProductPrice price(ProductPrice price) {
        Require.present(price, "price");
        Require.present(price.unitPrice(), "unitPrice");
        List<PriceTier> tiers = price.tiers();
        for (int i = 0; i < tiers.size(); i++) {
            PriceTier tier = tiers.get(i);
            if (tier.fromQuantity() == null || tier.unitPrice() == null) {
                throw new InvalidFieldException("tiers[" + i + "]." + (tier.fromQuantity() == null ? "from" : "price"), "tiers.incomplete", i + 1);
            }
            if (tier.fromQuantity().isZero()) {
                throw new InvalidFieldException("tiers[" + i + "].from", "tiers.zero-quantity", i + 1);
            }
            if (tier.unitPrice().compareTo(price.unitPrice()) >= 0) {
                throw new InvalidFieldException("tiers[" + i + "].price", "tiers.not-below-list-price", i + 1);
            }
            if (i > 0) {
                PriceTier previous = tiers.get(i - 1);
                if (tier.fromQuantity().compareTo(previous.fromQuantity()) <= 0) {
                    throw new InvalidFieldException("tiers[" + i + "].from", "tiers.not-increasing", i + 1);
                }
                if (tier.unitPrice().compareTo(previous.unitPrice()) >= 0) {
                    throw new InvalidFieldException("tiers[" + i + "].price", "tiers.price-not-decreasing", i + 1);
                }
            }
        }
        return price;
    }

    private static Quantity positive(Quantity quantity, String field) {
        if (quantity == null || quantity.isZero()) {
            throw new DomainException("field.positive", field);
        }
        return quantity;
    }
}
