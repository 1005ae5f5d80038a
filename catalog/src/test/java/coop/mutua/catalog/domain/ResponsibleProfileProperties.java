package coop.mutua.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.catalog.api.ResponsibleProfile;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.LabelClaim;
import coop.mutua.catalog.api.ProductLabel;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.ResponsibleProfile.Buyer;
import coop.mutua.catalog.api.ResponsibleProfile.Evidence;
import coop.mutua.catalog.api.ResponsibleProfile.Facts;
import coop.mutua.kernel.GeoPoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ResponsibleProfileProperties {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    /** The rule each dimension follows, written again from the words rather than from the class. */
    @Property
    void eachDimensionIsMetExactlyWhenTheRuleSays(@ForAll("facts") Facts facts, @ForAll("buyers") Buyer buyer) {
        ResponsibleProfile profile = ResponsibleProfile.of(facts, buyer, TODAY);

        List<LabelClaim> valid = facts.labels().stream().filter(claim -> !claim.expiresOn().isBefore(TODAY)).toList();
        boolean essFamily = facts.family() != null && facts.family() != EssFamily.OTHER;
        boolean socialLabel = valid.stream().anyMatch(claim -> Set.of(SupplierLabel.IAE, SupplierLabel.ESUS, SupplierLabel.EA_ESAT).contains(claim.label()));
        assertThat(profile.social().met()).isEqualTo(essFamily || socialLabel);
        assertThat(ResponsibleProfile.socialMet(facts.family(), facts.labels(), TODAY)).as("the ranking's shortcut").isEqualTo(essFamily || socialLabel);
        assertThat(ResponsibleProfile.environmentalMet(facts.labels(), TODAY)).as("the ranking's shortcut, no product").isEqualTo(greenLabelOf(valid));

        boolean greenLabel = valid.stream().anyMatch(claim -> claim.label() == SupplierLabel.ORGANIC_AB || claim.label() == SupplierLabel.FAIR_TRADE);
        boolean greenProduct = facts.productLabels().stream()
                .anyMatch(label -> label == ProductLabel.ORGANIC_AB || label == ProductLabel.FAIR_TRADE || label == ProductLabel.HVE);
        assertThat(profile.environmental().met()).isEqualTo(greenLabel || greenProduct);

        Double km = buyer.hub() == null || facts.place() == null ? null : haversineKm(facts.place(), buyer.hub());
        boolean near = km != null && Math.round(km) <= ResponsibleProfile.LOCAL_KM;
        boolean sameDepartment = buyer.department() != null && buyer.department().equals(facts.department());
        assertThat(profile.local().met()).isEqualTo(near || sameDepartment);
        assertThat(profile.distanceKm()).isEqualTo(km == null ? null : Math.round(km));

        for (ResponsibleProfile.Dimension dimension : List.of(profile.social(), profile.environmental(), profile.local())) {
            assertThat(dimension.met()).isEqualTo(!dimension.evidence().isEmpty());
        }
        assertThat(profile.dimensionsMet()).isBetween(0, 3);
    }

    @Property
    void anExpiredCertificateIsNoEvidence(@ForAll("facts") Facts facts, @ForAll("buyers") Buyer buyer) {
        List<LabelClaim> valid = facts.labels().stream().filter(claim -> claim.validOn(TODAY)).toList();
        Facts withoutExpired = new Facts(facts.family(), valid, facts.productLabels(), facts.origin(), facts.place(), facts.department());

        assertThat(ResponsibleProfile.of(facts, buyer, TODAY)).isEqualTo(ResponsibleProfile.of(withoutExpired, buyer, TODAY));
        List<List<String>> expired = facts.labels().stream().filter(claim -> !claim.validOn(TODAY))
                .map(claim -> List.of(claim.label().name(), claim.certificate(), claim.expiresOn().toString())).toList();
        ResponsibleProfile profile = ResponsibleProfile.of(facts, buyer, TODAY);
        List<Evidence> all = new ArrayList<>(profile.social().evidence());
        all.addAll(profile.environmental().evidence());
        assertThat(all).noneMatch(evidence -> expired.contains(evidence.args()));
    }

    @Property
    void aValidLabelMoreNeverTakesADimensionAway(@ForAll("facts") Facts facts, @ForAll("buyers") Buyer buyer,
                                                 @ForAll SupplierLabel label) {
        List<LabelClaim> more = new ArrayList<>(facts.labels());
        more.add(new LabelClaim(label, "CERT_NEW", TODAY));
        ResponsibleProfile before = ResponsibleProfile.of(facts, buyer, TODAY);
        ResponsibleProfile after = ResponsibleProfile.of(new Facts(facts.family(), more, facts.productLabels(), facts.origin(),
                facts.place(), facts.department()), buyer, TODAY);

        assertThat(after.dimensionsMet()).isGreaterThanOrEqualTo(before.dimensionsMet());
        assertThat(!before.social().met() || after.social().met()).isTrue();
        assertThat(!before.environmental().met() || after.environmental().met()).isTrue();
        assertThat(after.local()).isEqualTo(before.local());
        List<Evidence> evidence = new ArrayList<>(after.social().evidence());
        evidence.addAll(after.environmental().evidence());
        // Every label is social or environmental: the new one is evidence exactly once.
        assertThat(evidence.stream().filter(e -> e.args().contains("CERT_NEW")).count()).isEqualTo(1);
    }

    @Example
    void aCertifiedLabelShowsItsCertificateAndADeclaredOneSaysSo() {
        Facts facts = new Facts(EssFamily.SCIC, List.of(new LabelClaim(SupplierLabel.ORGANIC_AB, "FR-BIO-01 n°4521", LocalDate.of(2027, 6, 30)),
                LabelClaim.declared(SupplierLabel.IAE)), Set.of(), " Gironde ", new GeoPoint(44.84, -0.58), "33");

        ResponsibleProfile profile = ResponsibleProfile.of(facts, new Buyer(new GeoPoint(44.84, -0.58), "33"), TODAY);

        assertThat(profile.social().evidence()).containsExactly(new Evidence("profile.social.family", List.of("SCIC")),
                new Evidence("profile.label.declared", List.of("IAE")));
        assertThat(profile.environmental().evidence()).containsExactly(
                new Evidence("profile.label.certified", List.of("ORGANIC_AB", "FR-BIO-01 n°4521", "2027-06-30")));
        assertThat(profile.local().evidence()).containsExactly(new Evidence("profile.local.distance", List.of("0")),
                new Evidence("profile.local.department", List.of("33")));
        assertThat(profile.origin()).isEqualTo("Gironde");
        assertThat(profile.dimensionsMet()).isEqualTo(3);
    }

    @Example
    void theDayOfExpiryStillCountsTheNextDoesNot() {
        Facts facts = new Facts(null, List.of(new LabelClaim(SupplierLabel.FAIR_TRADE, "FT-1", TODAY)), Set.of(), null, null, null);

        assertThat(ResponsibleProfile.of(facts, new Buyer(null, null), TODAY).environmental().met()).isTrue();
        assertThat(ResponsibleProfile.of(facts, new Buyer(null, null), TODAY.plusDays(1)).environmental().met()).isFalse();
    }

    private static double haversineKm(GeoPoint a, GeoPoint b) {
        double p1 = Math.toRadians(a.latitude());
        double p2 = Math.toRadians(b.latitude());
        double dp = p2 - p1;
        double dl = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371.0088 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
    }

    private static boolean greenLabelOf(List<LabelClaim> valid) {
        return valid.stream().anyMatch(claim -> claim.label() == SupplierLabel.ORGANIC_AB || claim.label() == SupplierLabel.FAIR_TRADE);
    }

    @Provide
    Arbitrary<Facts> facts() {
        Arbitrary<LabelClaim> claims = Combinators.combine(Arbitraries.of(SupplierLabel.class),
                        Arbitraries.strings().alpha().numeric().ofMinLength(3).ofMaxLength(12).map(s -> "CERT-" + s),
                        Arbitraries.integers().between(-400, 800))
                .as((label, certificate, days) -> new LabelClaim(label, certificate, TODAY.plusDays(days)));
        return Combinators.combine(Arbitraries.of(EssFamily.class).injectNull(0.2), claims.list().ofMaxSize(5),
                        Arbitraries.of(ProductLabel.class).set().ofMaxSize(3), Arbitraries.of("Gironde", "France", "Espagne", " ", "").injectNull(0.3),
                        points().injectNull(0.15), Arbitraries.of("33", "40", "47", "64", "24").injectNull(0.2))
                .as(Facts::new);
    }

    @Provide
    Arbitrary<Buyer> buyers() {
        return Combinators.combine(points().injectNull(0.15), Arbitraries.of("33", "40", "47", "64", "24").injectNull(0.2)).as(Buyer::new);
    }

    /** Anywhere in mainland France: distances from 0 to about 1,000 km, either side of the local limit. */
    private static Arbitrary<GeoPoint> points() {
        return Combinators.combine(Arbitraries.doubles().between(42.3, 51.1), Arbitraries.doubles().between(-4.8, 8.2)).as(GeoPoint::new);
    }
}
