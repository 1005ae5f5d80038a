package coop.mutua.catalog.api;

import coop.mutua.kernel.GeoPoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The three dimensions of responsible purchasing the study behind Mutua names, for one supplier (and one of its
 * products, when a product is shown), each met or not with the evidence that makes it so (ADR 22):
 * <ul>
 *   <li>social: an ESS family (association, cooperative, SIAE...), or a valid IAE, ESUS or EA/ESAT label;</li>
 *   <li>environmental: a valid organic or fair trade label of the supplier, or an organic, fair trade or HVE product;</li>
 *   <li>local: at most {@value #LOCAL_KM} km from the buyer's hub, or in the hub's department.</li>
 * </ul>
 * A dimension is met exactly when it has evidence. An expired certificate is no evidence. The distance and the
 * product's stated origin are given beside the local dimension, whether or not it is met. Pure: no clock, no database.
 */
public record ResponsibleProfile(Dimension social, Dimension environmental, Dimension local, Long distanceKm, String origin) {

    /** How far "local" reaches: a day's return trip for a delivery van, the study's regional scale. */
    public static final int LOCAL_KM = 150;

    private static final Set<EssFamily> ESS_FAMILIES = EnumSet.complementOf(EnumSet.of(EssFamily.OTHER));
    private static final Set<SupplierLabel> SOCIAL_LABELS = EnumSet.of(SupplierLabel.IAE, SupplierLabel.ESUS, SupplierLabel.EA_ESAT);
    private static final Set<SupplierLabel> ENVIRONMENTAL_LABELS = EnumSet.of(SupplierLabel.ORGANIC_AB, SupplierLabel.FAIR_TRADE);
    private static final Set<ProductLabel> ENVIRONMENTAL_PRODUCT_LABELS = EnumSet.of(ProductLabel.ORGANIC_AB, ProductLabel.FAIR_TRADE,
            ProductLabel.HVE);

    /** A fact that makes a dimension met: a message key and its arguments, as the pages print it. */
    public record Evidence(String key, List<String> args) {

        public Evidence {
            args = List.copyOf(args);
        }

        static Evidence of(String key, String... args) {
            return new Evidence(key, List.of(args));
        }
    }

    public record Dimension(boolean met, List<Evidence> evidence) {

        public Dimension {
            evidence = List.copyOf(evidence);
        }

        static Dimension of(List<Evidence> evidence) {
            return new Dimension(!evidence.isEmpty(), evidence);
        }
    }

    /** What is known of the supplier (and of the product when one is shown: its labels and origin, else empty). */
    public record Facts(EssFamily family, List<LabelClaim> labels, Set<ProductLabel> productLabels, String origin,
                        GeoPoint place, String department) {

        public Facts {
            labels = labels == null ? List.of() : List.copyOf(labels);
            productLabels = productLabels == null ? Set.of() : Set.copyOf(productLabels);
        }
    }

    /** Where the buyer is: its groupement's hub (either may be unknown). */
    public record Buyer(GeoPoint hub, String department) {
    }

    public static ResponsibleProfile of(Facts facts, Buyer buyer, LocalDate today) {
        List<Evidence> social = new ArrayList<>();
        if (facts.family() != null && ESS_FAMILIES.contains(facts.family())) {
            social.add(Evidence.of("profile.social.family", facts.family().name()));
        }
        List<Evidence> environmental = new ArrayList<>();
        for (LabelClaim claim : facts.labels()) {
            if (!claim.validOn(today)) {
                continue;
            }
            if (SOCIAL_LABELS.contains(claim.label())) {
                social.add(labelEvidence(claim));
            } else if (ENVIRONMENTAL_LABELS.contains(claim.label())) {
                environmental.add(labelEvidence(claim));
            }
        }
        facts.productLabels().stream().filter(ENVIRONMENTAL_PRODUCT_LABELS::contains).sorted()
                .forEach(label -> environmental.add(Evidence.of("profile.environmental.product-label", label.name())));
        List<Evidence> local = new ArrayList<>();
        Long distance = null;
        if (buyer != null && buyer.hub() != null && facts.place() != null) {
            distance = Math.round(facts.place().distanceKmTo(buyer.hub()));
            if (distance <= LOCAL_KM) {
                local.add(Evidence.of("profile.local.distance", Long.toString(distance)));
            }
        }
        if (buyer != null && buyer.department() != null && buyer.department().equals(facts.department())) {
            local.add(Evidence.of("profile.local.department", facts.department()));
        }
        String origin = facts.origin() == null || facts.origin().isBlank() ? null : facts.origin().strip();
        return new ResponsibleProfile(Dimension.of(social), Dimension.of(environmental), Dimension.of(local), distance, origin);
    }

    private static Evidence labelEvidence(LabelClaim claim) {
        if (claim.certificate() == null) {
            return Evidence.of("profile.label.declared", claim.label().name());
        }
        return Evidence.of("profile.label.certified", claim.label().name(), claim.certificate(),
                claim.expiresOn() == null ? "" : claim.expiresOn().toString());
    }

    /** Whether the social dimension of a supplier is met, without its evidence: what a ranking of thousands asks. */
    public static boolean socialMet(EssFamily family, List<LabelClaim> labels, LocalDate today) {
        return family != null && ESS_FAMILIES.contains(family)
                || labels.stream().anyMatch(claim -> SOCIAL_LABELS.contains(claim.label()) && claim.validOn(today));
    }

    /** Whether the environmental dimension of a supplier (no product shown) is met, without its evidence. */
    public static boolean environmentalMet(List<LabelClaim> labels, LocalDate today) {
        return labels.stream().anyMatch(claim -> ENVIRONMENTAL_LABELS.contains(claim.label()) && claim.validOn(today));
    }

    /** How many of the three dimensions are met (0 to 3): what the directory's ranking counts. */
    public int dimensionsMet() {
        return (social.met() ? 1 : 0) + (environmental.met() ? 1 : 0) + (local.met() ? 1 : 0);
    }
}
