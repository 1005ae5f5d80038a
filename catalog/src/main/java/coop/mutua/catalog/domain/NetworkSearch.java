package coop.mutua.catalog.domain;

import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.LabelClaim;
import coop.mutua.catalog.api.ResponsibleProfile;
import coop.mutua.catalog.api.Sector;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.SearchText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The network directory's search (ADR 22): strict filters, then a transparent relevance, each part of the score given as
 * a reason the page prints beside the result.
 * <ul>
 *   <li>Filters: every word of the text found (accent-insensitive, as the start of a word) in the name, the sector,
 *   the product categories, the description or the municipality; the sector; a label with a valid certificate; the
 *   ESS family; at most {@code maxKm} from the origin (a listing without a place is then left out).</li>
 *   <li>Score: per word, where it was found best (name {@value #NAME}, sector or categories {@value #CATEGORY},
 *   description or municipality {@value #DESCRIPTION}); social and environmental dimensions of the responsible profile
 *   1 each; proximity to the origin 3 within 30 km, 2 within 80 km, 1 within 150 km; 1 more when the origin is in the
 *   listing's delivery area.</li>
 *   <li>Order: score, then nearer (unknown distance last), then name, then id: total, whatever the input's order.</li>
 * </ul>
 */
public final class NetworkSearch {

    static final int NAME = 5;
    static final int CATEGORY = 3;
    static final int DESCRIPTION = 1;

    private NetworkSearch() {
    }

    /** A listing as the search sees it. {@code deliveryRadiusKm} null: the delivery area is its departments only. */
    public record Entry(String id, String name, String description, Sector sector, List<String> categories, EssFamily family,
                        List<LabelClaim> labels, String municipality, GeoPoint place, String department,
                        Set<String> deliveryDepartments, Integer deliveryRadiusKm) {

        public Entry {
            categories = categories == null ? List.of() : List.copyOf(categories);
            labels = labels == null ? List.of() : List.copyOf(labels);
            deliveryDepartments = deliveryDepartments == null ? Set.of() : Set.copyOf(deliveryDepartments);
        }
    }

    /** Where the viewer searches from: a municipality's point or the groupement's hub, with its department. */
    public record Origin(GeoPoint point, String department) {
    }

    /** Null or blank criteria do not filter; {@code maxKm} needs an origin. */
    public record Query(String text, Sector sector, SupplierLabel label, EssFamily family, Origin origin, Integer maxKm) {
    }

    /** One part of a score: a message key, its points and its arguments (the word found, the distance). */
    public record Reason(String key, int points, List<String> args) {

        public Reason {
            args = List.copyOf(args);
        }
    }

    /** A listing found; its responsible profile is made when asked for (a page shows a few of the results it ranks). */
    public record Result(Entry entry, int score, Long distanceKm, List<Reason> reasons, Origin origin, LocalDate today) {

        public Result {
            reasons = List.copyOf(reasons);
        }

        public ResponsibleProfile profile() {
            return ResponsibleProfile.of(new ResponsibleProfile.Facts(entry.family(), entry.labels(), Set.of(), null, entry.place(),
                    entry.department()), origin == null ? null : new ResponsibleProfile.Buyer(origin.point(), origin.department()), today);
        }
    }

    /**
     * An entry with its words folded once (accents and case aside): what a directory keeps between searches, so that a
     * query folds only its own text.
     */
    public record Indexed(Entry entry, List<String> name, List<String> category, List<String> description) {

        public static Indexed of(Entry entry) {
            return new Indexed(entry, tokens(entry.name()),
                    tokens(entry.sector() == null ? "" : entry.sector().name().replace('_', ' '), String.join(" ", entry.categories())),
                    tokens(entry.description(), entry.municipality()));
        }
    }

    public static List<Result> search(Query query, Collection<Entry> entries, LocalDate today) {
        return searchIndexed(query, entries.stream().map(Indexed::of).toList(), today);
    }

    public static List<Result> searchIndexed(Query query, Collection<Indexed> entries, LocalDate today) {
        List<String> words = words(query.text());
        List<Ranked> ranked = new ArrayList<>();
        for (Indexed entry : entries) {
            result(query, words, entry, today).ifPresent(result -> ranked.add(new Ranked(result, String.join(" ", entry.name()))));
        }
        ranked.sort(RANKED);
        return ranked.stream().map(Ranked::result).toList();
    }

    /** A result with its folded name, so that sorting folds nothing. */
    private record Ranked(Result result, String name) {
    }

    private static final Comparator<Ranked> RANKED = Comparator.comparing((Ranked ranked) -> ranked.result().score()).reversed()
            .thenComparing(ranked -> ranked.result().distanceKm(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Ranked::name)
            .thenComparing(ranked -> ranked.result().entry().id());

    static List<String> words(String text) {
        String plain = text == null ? "" : SearchText.of(text);
        return plain.isEmpty() ? List.of() : Arrays.stream(plain.split(" ")).distinct().toList();
    }

    private static Optional<Result> result(Query query, List<String> words, Indexed indexed, LocalDate today) {
        Entry entry = indexed.entry();
        if (query.sector() != null && query.sector() != entry.sector()) {
            return Optional.empty();
        }
        if (query.family() != null && query.family() != entry.family()) {
            return Optional.empty();
        }
        if (query.label() != null && entry.labels().stream().noneMatch(claim -> claim.label() == query.label() && claim.validOn(today))) {
            return Optional.empty();
        }
        Origin origin = query.origin();
        Long distance = origin == null || origin.point() == null || entry.place() == null ? null
                : Math.round(entry.place().distanceKmTo(origin.point()));
        if (query.maxKm() != null && (distance == null || distance > query.maxKm())) {
            return Optional.empty();
        }
        List<Reason> reasons = new ArrayList<>();
        for (String word : words) {
            if (found(word, indexed.name())) {
                reasons.add(new Reason("network.reason.name", NAME, List.of(word)));
            } else if (found(word, indexed.category())) {
                reasons.add(new Reason("network.reason.category", CATEGORY, List.of(word)));
            } else if (found(word, indexed.description())) {
                reasons.add(new Reason("network.reason.description", DESCRIPTION, List.of(word)));
            } else {
                return Optional.empty();
            }
        }
        if (ResponsibleProfile.socialMet(entry.family(), entry.labels(), today)) {
            reasons.add(new Reason("network.reason.social", 1, List.of()));
        }
        if (ResponsibleProfile.environmentalMet(entry.labels(), today)) {
            reasons.add(new Reason("network.reason.environmental", 1, List.of()));
        }
        if (distance != null) {
            int points = distance <= 30 ? 3 : distance <= 80 ? 2 : distance <= 150 ? 1 : 0;
            if (points > 0) {
                reasons.add(new Reason("network.reason.near", points, List.of(Long.toString(distance))));
            }
        }
        if (origin != null && delivers(entry, origin, distance)) {
            reasons.add(new Reason("network.reason.delivers", 1, List.of()));
        }
        int score = reasons.stream().mapToInt(Reason::points).sum();
        return Optional.of(new Result(entry, score, distance, reasons, origin, today));
    }

    private static boolean delivers(Entry entry, Origin origin, Long distance) {
        return origin.department() != null && entry.deliveryDepartments().contains(origin.department())
                || entry.deliveryRadiusKm() != null && distance != null && distance <= entry.deliveryRadiusKm();
    }

    private static List<String> tokens(String... parts) {
        String plain = SearchText.of(parts);
        return plain.isEmpty() ? List.of() : List.of(plain.split(" "));
    }

    private static boolean found(String word, List<String> tokens) {
        return tokens.stream().anyMatch(token -> token.startsWith(word));
    }
}
