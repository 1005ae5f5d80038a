package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The responsible profile of products a groupement's members order (ADR 22), in words: the supplier's ESS family, its
 * labels (with their certificates when the groupement lists it in the network directory, else as the groupement
 * declared them), the product's labels and origin, and the distance to the groupement's hub.
 */
public interface ResponsibleProfiles {

    /** A product as the profile sees it: whose it is, its labels, its stated origin. */
    record OfferedItem(ProductId productId, SupplierId supplierId, Set<ProductLabel> labels, String origin) {
    }

    Map<ProductId, ProfileInWords> of(GroupementId groupement, Collection<OfferedItem> items, Locale locale);

    /**
     * Each of the groupement's suppliers' labels as the profile counts them: the listing's, with their certificates and
     * expiry dates, when the groupement lists it in the network directory; else those its coordinators declared.
     */
    Map<SupplierId, List<LabelClaim>> labelClaims(GroupementId groupement);
}
