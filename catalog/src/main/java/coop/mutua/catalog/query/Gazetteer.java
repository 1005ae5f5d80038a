package coop.mutua.catalog.query;

import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.SearchText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Component;

/**
 * Every French commune with a point, bundled with the application (ADR 22: {@code geo/communes.csv.gz}, made by
 * {@code scripts/make-communes.sh}): where the network directory measures distances from. Read once, on first use.
 */
@Component
public class Gazetteer {

    static final String RESOURCE = "/geo/communes.csv.gz";

    /** A commune: its INSEE code, name, department, postal codes, population and point (approximate: see the ADR). */
    public record Commune(String code, String name, String department, List<String> postalCodes, int population, GeoPoint point,
                          boolean approximate) {

        /** "Bègles (33)", as lists show it. */
        public String label() {
            return name + " (" + department + ")";
        }
    }

    private record Loaded(Map<String, Commune> byCode, List<Commune> byPopulation, List<String> searchNames,
                          Map<String, GeoPoint> departmentCentres, Map<String, List<GeoPoint>> departmentOutlines) {
    }

    private volatile Loaded loaded;

    public Optional<Commune> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(data().byCode().get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /**
     * Communes whose name starts with the text (accents and case aside; also after a hyphen or space: "martin" finds
     * Saint-Martin-de-Ré) or one of whose postal codes starts with it, the most populated first.
     */
    public List<Commune> search(String text, int limit) {
        String plain = text == null ? "" : SearchText.of(text);
        if (plain.isEmpty() || limit <= 0) {
            return List.of();
        }
        Loaded data = data();
        boolean digits = plain.chars().allMatch(Character::isDigit);
        List<Commune> found = new ArrayList<>();
        // An INSEE code typed whole ("33063") comes first, when no postal code starts with it.
        Commune byCode = digits && plain.length() == 5 ? data.byCode().get(plain) : null;
        if (byCode != null && data.byPopulation().stream().noneMatch(commune -> commune.postalCodes().contains(plain))) {
            found.add(byCode);
        }
        for (int i = 0; i < data.byPopulation().size() && found.size() < limit; i++) {
            Commune commune = data.byPopulation().get(i);
            String name = data.searchNames().get(i);
            boolean matches = digits ? commune.postalCodes().stream().anyMatch(code -> code.startsWith(plain))
                    : name.startsWith(plain) || name.contains(" " + plain);
            if (matches && !found.contains(commune)) {
                found.add(commune);
            }
        }
        return found;
    }

    /**
     * The commune a person typed: a postal code ("33500": its most populated commune, Libourne), else an INSEE code
     * ("33063"), its label as the lists show it ("Bordeaux (33)"), or its name alone (the most populated commune of
     * that name: "Saint-Denis" is La Réunion's). A postal code wins over an INSEE code that reads the same: people type
     * postal codes.
     */
    public Optional<Commune> resolve(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (text.matches("\\d{5}")) {
            String postalCode = text;
            Optional<Commune> byPostalCode = data().byPopulation().stream().filter(commune -> commune.postalCodes().contains(postalCode)).findFirst();
            if (byPostalCode.isPresent()) {
                return byPostalCode;
            }
        }
        Optional<Commune> byCode = byCode(text);
        if (byCode.isPresent()) {
            return byCode;
        }
        String department = null;
        Matcher labelled = LABELLED.matcher(text);
        if (labelled.matches()) {
            text = labelled.group(1).strip();
            department = labelled.group(2).toUpperCase(Locale.ROOT);
        }
        String plain = SearchText.of(text);
        String inDepartment = department;
        return search(text, 200).stream()
                .filter(commune -> SearchText.of(commune.name()).equals(plain))
                .filter(commune -> inDepartment == null || commune.department().equals(inDepartment))
                .findFirst();
    }

    private static final Pattern LABELLED = Pattern.compile("(.+)\\(\\s*([0-9AB]{2,3})\\s*\\)\\s*",
            Pattern.CASE_INSENSITIVE);

    /** The centre of a department's communes: where a listing with a department and no point is placed. */
    public Optional<GeoPoint> departmentCentre(String department) {
        return department == null ? Optional.empty() : Optional.ofNullable(data().departmentCentres().get(department));
    }

    /**
     * Each department's outline as the maps draw it: the convex hull of its communes' exact points, counter-clockwise.
     * A sketch (a coast's bays are filled), enough to see where a place lies without any tile service.
     */
    public Map<String, List<GeoPoint>> departmentOutlines() {
        return data().departmentOutlines();
    }

    public int size() {
        return data().byCode().size();
    }

    private Loaded data() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    current = load();
                    loaded = current;
                }
            }
        }
        return current;
    }

    private static Loaded load() {
        try (InputStream raw = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath (scripts/make-communes.sh makes it)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            Map<String, Commune> byCode = new HashMap<>();
            Map<String, double[]> sums = new HashMap<>();
            Map<String, List<GeoPoint>> points = new HashMap<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(";", -1);
                Commune commune = new Commune(f[0], f[1], f[2], f[3].isBlank() ? List.of() : List.of(f[3].split(" ")), Integer.parseInt(f[4]),
                        new GeoPoint(Double.parseDouble(f[5]), Double.parseDouble(f[6])), "1".equals(f[7]));
                byCode.put(commune.code(), commune);
                if (!commune.approximate()) {
                    double[] sum = sums.computeIfAbsent(commune.department(), d -> new double[3]);
                    sum[0] += commune.point().latitude();
                    sum[1] += commune.point().longitude();
                    sum[2]++;
                    points.computeIfAbsent(commune.department(), d -> new ArrayList<>()).add(commune.point());
                }
            }
            List<Commune> byPopulation = byCode.values().stream()
                    .sorted(Comparator.comparingInt(Commune::population).reversed().thenComparing(Commune::code)).toList();
            List<String> searchNames = byPopulation.stream().map(commune -> SearchText.of(commune.name())).toList();
            Map<String, GeoPoint> centres = new HashMap<>();
            sums.forEach((department, sum) -> centres.put(department, new GeoPoint(sum[0] / sum[2], sum[1] / sum[2])));
            Map<String, List<GeoPoint>> outlines = new HashMap<>();
            points.forEach((department, all) -> outlines.put(department, hull(all)));
            return new Loaded(Map.copyOf(byCode), byPopulation, searchNames, Map.copyOf(centres), Map.copyOf(outlines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Andrew's monotone chain, longitude as x and latitude as y. */
    static List<GeoPoint> hull(List<GeoPoint> points) {
        List<GeoPoint> sorted = points.stream().distinct()
                .sorted(Comparator.comparingDouble(GeoPoint::longitude).thenComparingDouble(GeoPoint::latitude)).toList();
        if (sorted.size() < 3) {
            return sorted;
        }
        List<GeoPoint> hull = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            int start = hull.size();
            for (int i = 0; i < sorted.size(); i++) {
                GeoPoint point = sorted.get(pass == 0 ? i : sorted.size() - 1 - i);
                while (hull.size() >= start + 2 && cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), point) <= 0) {
                    hull.remove(hull.size() - 1);
                }
                hull.add(point);
            }
            hull.remove(hull.size() - 1);
        }
        return List.copyOf(hull);
    }

    private static double cross(GeoPoint o, GeoPoint a, GeoPoint b) {
        return (a.longitude() - o.longitude()) * (b.latitude() - o.latitude()) - (a.latitude() - o.latitude()) * (b.longitude() - o.longitude());
    }
}
