package coop.mutua.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.LabelClaim;
import coop.mutua.catalog.api.Sector;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.domain.NetworkSearch.Entry;
import coop.mutua.catalog.domain.NetworkSearch.Origin;
import coop.mutua.catalog.domain.NetworkSearch.Query;
import coop.mutua.catalog.domain.NetworkSearch.Reason;
import coop.mutua.catalog.domain.NetworkSearch.Result;
import coop.mutua.kernel.GeoPoint;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NetworkSearchProperties {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final List<String> WORDS = List.of("épicerie", "Légumes", "bio", "pain", "ménage", "Bordeaux", "café", "savon",
            "insertion", "traiteur");

    /** Every result passes every filter, and every listing that passes them is a result: nothing added, nothing lost. */
    @Property
    void theResultsAreExactlyTheListingsThatPassEveryFilter(@ForAll("entries") List<Entry> entries, @ForAll("queries") Query query) {
        List<Result> results = NetworkSearch.search(query, entries, TODAY);

        List<String> expected = entries.stream().filter(entry -> passes(query, entry)).map(Entry::id).sorted().toList();
        assertThat(results.stream().map(result -> result.entry().id()).sorted().toList()).isEqualTo(expected);
    }

    @Property
    void theScoreIsTheSumOfItsReasons(@ForAll("entries") List<Entry> entries, @ForAll("queries") Query query) {
        for (Result result : NetworkSearch.search(query, entries, TODAY)) {
            assertThat(result.score()).isEqualTo(result.reasons().stream().mapToInt(Reason::points).sum());
            assertThat(result.reasons()).allMatch(reason -> reason.points() > 0);
            if (!NetworkSearch.words(query.text()).isEmpty()) {
                assertThat(result.reasons()).anyMatch(reason -> reason.key().startsWith("network.reason.name")
                        || reason.key().startsWith("network.reason.category") || reason.key().startsWith("network.reason.description"));
            }
        }
    }

    /** A filter more never adds a result, and the results it keeps keep their score. */
    @Property
    void aFilterMoreNeverAddsAResult(@ForAll("entries") List<Entry> entries, @ForAll("queries") Query query, @ForAll Sector sector,
                                     @ForAll SupplierLabel label) {
        List<Result> before = NetworkSearch.search(query, entries, TODAY);
        // Only where the query had no such filter: another sector instead of the one asked is not narrower.
        for (Query narrower : List.of(new Query(query.text(), query.sector() == null ? sector : query.sector(), query.label(), query.family(),
                        query.origin(), query.maxKm()),
                new Query(query.text(), query.sector(), query.label() == null ? label : query.label(), query.family(), query.origin(),
                        query.maxKm()))) {
            List<Result> after = NetworkSearch.search(narrower, entries, TODAY);
            assertThat(before).containsAll(after);
        }
    }

    /** A word more keeps only listings where it is found, each with a higher score than without it. */
    @Property
    void aWordFoundRaisesTheScoreAWordMissingRemovesTheListing(@ForAll("entries") List<Entry> entries, @ForAll("queries") Query query,
                                                                @ForAll("words") String word) {
        String text = query.text() == null ? word : query.text() + " " + word;
        if (NetworkSearch.words(query.text()).contains(NetworkSearch.words(word).get(0))) {
            return;
        }
        Map<String, Integer> before = new HashMap<>();
        NetworkSearch.search(query, entries, TODAY).forEach(result -> before.put(result.entry().id(), result.score()));
        List<Result> after = NetworkSearch.search(new Query(text, query.sector(), query.label(), query.family(), query.origin(), query.maxKm()),
                entries, TODAY);

        for (Result result : after) {
            assertThat(before).containsKey(result.entry().id());
            assertThat(result.score()).isGreaterThan(before.get(result.entry().id()));
        }
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.of(WORDS);
    }

    @Property
    void theOrderDoesNotDependOnTheListingsOrder(@ForAll("entries") List<Entry> entries, @ForAll("queries") Query query, @ForAll long seed) {
        List<Entry> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(NetworkSearch.search(query, shuffled, TODAY)).isEqualTo(NetworkSearch.search(query, entries, TODAY));
    }

    /** Two listings alike but for their place: the nearer one never ranks below the farther one. */
    @Property
    void nearerNeverRanksLowerAllElseEqual(@ForAll("entries") List<Entry> others, @ForAll("points") GeoPoint near, @ForAll("points") GeoPoint far,
                                            @ForAll("points") GeoPoint from) {
        if (near.distanceKmTo(from) > far.distanceKmTo(from)) {
            GeoPoint swap = near;
            near = far;
            far = swap;
        }
        Entry base = new Entry("z-near", "Même nom", "même description", Sector.ALIMENTATION, List.of("légumes"), EssFamily.SCOP,
                List.of(), "Bègles", near, "33", Set.of("33"), 40);
        Entry farther = new Entry("a-far", base.name(), base.description(), base.sector(), base.categories(), base.family(), base.labels(),
                base.municipality(), far, base.department(), base.deliveryDepartments(), base.deliveryRadiusKm());
        List<Entry> entries = new ArrayList<>(others);
        entries.add(farther);
        entries.add(base);

        List<String> order = NetworkSearch.search(new Query("légumes", null, null, null, new Origin(from, "40"), null), entries, TODAY)
                .stream().map(result -> result.entry().id()).toList();
        assertThat(order.indexOf("z-near")).isLessThanOrEqualTo(order.indexOf("a-far") + (
                Math.round(near.distanceKmTo(from)) == Math.round(far.distanceKmTo(from)) ? 1 : 0));
    }

    /** A word found in the name weighs more than in the categories, which weigh more than the description. */
    @Example
    void whereTheWordIsFoundDecidesItsWeightAndIsSaid() {
        Entry inName = entry("1", "Épicerie du Bourg", "", List.of());
        Entry inCategory = entry("2", "Les Jardins", "", List.of("épicerie fine"));
        Entry inDescription = entry("3", "Ferme Dupont", "vend à l'épicerie solidaire", List.of());
        Entry nowhere = entry("4", "Savonnerie", "savons", List.of("hygiène"));

        List<Result> results = NetworkSearch.search(new Query("EPICERIE", null, null, null, null, null),
                List.of(nowhere, inDescription, inCategory, inName), TODAY);

        assertThat(results).extracting(result -> result.entry().id()).containsExactly("1", "2", "3");
        assertThat(results.get(0).reasons()).contains(new Reason("network.reason.name", NetworkSearch.NAME, List.of("epicerie")));
        assertThat(results.get(1).reasons()).contains(new Reason("network.reason.category", NetworkSearch.CATEGORY, List.of("epicerie")));
        assertThat(results.get(2).reasons()).contains(new Reason("network.reason.description", NetworkSearch.DESCRIPTION, List.of("epicerie")));
    }

    @Example
    void anExpiredLabelNeitherFiltersInNorScores() {
        Entry expired = new Entry("1", "Ferme", "", Sector.ALIMENTATION, List.of(), null,
                List.of(new LabelClaim(SupplierLabel.ORGANIC_AB, "FR-BIO-7", TODAY.minusDays(1))), "Pau", null, "64", Set.of(), null);

        assertThat(NetworkSearch.search(new Query(null, null, SupplierLabel.ORGANIC_AB, null, null, null), List.of(expired), TODAY)).isEmpty();
        assertThat(NetworkSearch.search(new Query(null, null, null, null, null, null), List.of(expired), TODAY).get(0).score()).isZero();
    }

    private static Entry entry(String id, String name, String description, List<String> categories) {
        return new Entry(id, name, description, Sector.AUTRE, categories, null, List.of(), null, null, null, Set.of(), null);
    }

    /** The filters, written again from the class's description. */
    private static boolean passes(Query query, Entry entry) {
        if (query.sector() != null && entry.sector() != query.sector() || query.family() != null && entry.family() != query.family()) {
            return false;
        }
        if (query.label() != null && entry.labels().stream().noneMatch(claim -> claim.label() == query.label()
                && !claim.expiresOn().isBefore(TODAY))) {
            return false;
        }
        if (query.maxKm() != null && (query.origin() == null || query.origin().point() == null || entry.place() == null
                || Math.round(entry.place().distanceKmTo(query.origin().point())) > query.maxKm())) {
            return false;
        }
        String haystack = " " + plain(entry.name() + " " + (entry.sector() == null ? "" : entry.sector().name().replace('_', ' ')) + " "
                + String.join(" ", entry.categories()) + " " + entry.description() + " " + entry.municipality()) + " ";
        return NetworkSearch.words(query.text()).stream().allMatch(word -> haystack.contains(" " + word));
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ");
    }

    @Provide
    Arbitrary<List<Entry>> entries() {
        Arbitrary<LabelClaim> claims = Combinators.combine(Arbitraries.of(SupplierLabel.class), Arbitraries.integers().between(-100, 300))
                .as((label, days) -> new LabelClaim(label, "C-" + label.ordinal(), TODAY.plusDays(days)));
        Arbitrary<String> text = Arbitraries.of(WORDS).list().ofMaxSize(3).map(words -> String.join(" ", words));
        Arbitrary<Entry> entry = Combinators.combine(
                Combinators.combine(text, text, Arbitraries.of(Sector.class).injectNull(0.1), text.list().ofMaxSize(2)).as(Words::new),
                Arbitraries.of(EssFamily.class).injectNull(0.2), claims.list().ofMaxSize(3), Arbitraries.of("Bordeaux", "Pau", "Agen", "Dax"),
                points().injectNull(0.2), Arbitraries.of("33", "64", "47", "40").injectNull(0.1),
                Arbitraries.of("33", "64", "47", "40").set().ofMaxSize(2), Arbitraries.integers().between(0, 200).injectNull(0.5))
                .as((words, family, labels, town, place, department, delivery, radius) -> new Entry("", words.name(), words.description(),
                        words.sector(), words.categories(), family, labels, town, place, department, delivery, radius));
        return entry.list().ofMaxSize(12).map(list -> IntStream.range(0, list.size())
                .mapToObj(i -> { Entry e = list.get(i); return new Entry("L" + i, e.name(), e.description(), e.sector(), e.categories(),
                        e.family(), e.labels(), e.municipality(), e.place(), e.department(), e.deliveryDepartments(), e.deliveryRadiusKm()); })
                .toList());
    }

    private record Words(String name, String description, Sector sector, List<String> categories) {
    }

    @Provide
    Arbitrary<Query> queries() {
        Arbitrary<Origin> origins = Combinators.combine(points(), Arbitraries.of("33", "64", "47", "40").injectNull(0.2)).as(Origin::new);
        return Combinators.combine(Arbitraries.of(WORDS).list().ofMaxSize(2).map(words -> String.join(" ", words)).injectNull(0.2)
                                .map(text -> text == null ? null : text.substring(0, Math.max(0, text.length() - (text.length() > 4 ? 1 : 0)))),
                        Arbitraries.of(Sector.class).injectNull(0.7), Arbitraries.of(SupplierLabel.class).injectNull(0.7),
                        Arbitraries.of(EssFamily.class).injectNull(0.8), origins.injectNull(0.3), Arbitraries.integers().between(0, 400).injectNull(0.7))
                .as(Query::new);
    }

    @Provide
    Arbitrary<GeoPoint> points() {
        return Combinators.combine(Arbitraries.doubles().between(42.5, 45.5), Arbitraries.doubles().between(-1.8, 1.5)).as(GeoPoint::new);
    }
}
