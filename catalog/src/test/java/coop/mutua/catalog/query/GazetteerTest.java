package coop.mutua.catalog.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import coop.mutua.catalog.query.Gazetteer.Commune;
import coop.mutua.kernel.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private final Gazetteer gazetteer = new Gazetteer();

    @Test
    void holdsEveryCommuneOfFranceWithAPointInItsDepartment() {
        assertThat(gazetteer.size()).isGreaterThan(34_000);
        Commune bordeaux = gazetteer.byCode("33063").orElseThrow();
        assertThat(bordeaux.name()).isEqualTo("Bordeaux");
        assertThat(bordeaux.postalCodes()).contains("33000", "33800");
        assertThat(bordeaux.approximate()).isFalse();
        // Bordeaux to Pau as the crow flies: about 171 km.
        assertThat(bordeaux.point().distanceKmTo(gazetteer.byCode("64445").orElseThrow().point())).isCloseTo(171, within(5.0));
        assertThat(gazetteer.byCode("2a004")).map(Commune::name).contains("Ajaccio");
        assertThat(gazetteer.byCode("00000")).isEmpty();
        assertThat(gazetteer.byCode(null)).isEmpty();
    }

    /** Every mainland department has a centre; communes from every corner lie within 120 km of theirs. */
    @Test
    void everyPointIsNearItsDepartment() {
        for (int d = 1; d <= 95; d++) {
            String department = d == 20 ? "2A" : String.format("%02d", d);
            assertThat(gazetteer.departmentCentre(department)).as(department).isPresent();
        }
        for (String code : List.of("01001", "13055", "29019", "33039", "40192", "59350", "67482", "75056", "2B033", "97411")) {
            Commune commune = gazetteer.byCode(code).orElseThrow();
            assertThat(commune.point().distanceKmTo(gazetteer.departmentCentre(commune.department()).orElseThrow()))
                    .as(commune.label()).isLessThan(120);
        }
    }

    @Test
    void findsByTheStartOfANameOrOfAPostalCodeTheLargestFirst() {
        assertThat(gazetteer.search("begl", 5)).extracting(Commune::code).startsWith("33039");
        assertThat(gazetteer.search("BÈGLES", 5)).extracting(Commune::name).first().isEqualTo("Bègles");
        assertThat(gazetteer.search("33130", 5)).extracting(Commune::code).contains("33039");
        assertThat(gazetteer.search("saint", 3)).hasSize(3).allMatch(commune -> commune.name().startsWith("Saint"));
        assertThat(gazetteer.search("martin de re", 5)).extracting(Commune::name).contains("Saint-Martin-de-Ré");
        List<Commune> paris = gazetteer.search("paris", 10);
        assertThat(paris.get(0).code()).isEqualTo("75056");
        assertThat(gazetteer.search("zzzzqx", 5)).isEmpty();
        assertThat(gazetteer.search(null, 5)).isEmpty();
        assertThat(gazetteer.search("", 5)).isEmpty();
    }

    /** What people type: the code, the label the lists show, or the name alone (the most populated commune of that name). */
    @Test
    void resolvesACommuneAsTyped() {
        assertThat(gazetteer.resolve("33039")).map(Commune::name).contains("Bègles");
        // A postal code is what people type: it wins over an INSEE code that reads the same (33500 is also Samonac's).
        assertThat(gazetteer.resolve("33500")).map(Commune::name).contains("Libourne");
        assertThat(gazetteer.resolve("33000")).map(Commune::name).contains("Bordeaux");
        assertThat(gazetteer.resolve("75001")).map(Commune::name).contains("Paris");
        assertThat(gazetteer.search("33063", 5)).extracting(Commune::name).containsExactly("Bordeaux");
        assertThat(gazetteer.resolve(" begles ")).map(Commune::code).contains("33039");
        assertThat(gazetteer.resolve("Saint-Denis (93)")).map(Commune::code).contains("93066");
        assertThat(gazetteer.resolve("Saint-Denis (974)")).map(Commune::code).contains("97411");
        assertThat(gazetteer.resolve("Bordeaux (40)")).isEmpty();
        assertThat(gazetteer.resolve("Atlantide")).isEmpty();
        assertThat(gazetteer.resolve("")).isEmpty();
        assertThat(gazetteer.resolve(null)).isEmpty();
    }

    /** Each department's outline holds every exact point of its communes (a convex hull, counter-clockwise). */
    @Test
    void everyDepartmentOutlineHoldsItsCommunes() {
        var outlines = gazetteer.departmentOutlines();
        assertThat(outlines).containsKeys("33", "2A", "2B", "974", "75");
        for (String code : List.of("33039", "33063", "40192", "64445", "2A004", "97411", "29019")) {
            Commune commune = gazetteer.byCode(code).orElseThrow();
            if (!commune.approximate()) {
                assertThat(inside(commune.point(), outlines.get(commune.department()))).as(commune.label()).isTrue();
            }
        }
        List<GeoPoint> square = List.of(new GeoPoint(0, 0), new GeoPoint(0, 1),
                new GeoPoint(1, 1), new GeoPoint(1, 0), new GeoPoint(0.5, 0.5));
        assertThat(Gazetteer.hull(square)).hasSize(4).doesNotContain(new GeoPoint(0.5, 0.5));
    }

    private static boolean inside(GeoPoint point, List<GeoPoint> hull) {
        for (int i = 0; i < hull.size(); i++) {
            var a = hull.get(i);
            var b = hull.get((i + 1) % hull.size());
            double cross = (b.longitude() - a.longitude()) * (point.latitude() - a.latitude())
                    - (b.latitude() - a.latitude()) * (point.longitude() - a.longitude());
            if (cross < -1e-9) {
                return false;
            }
        }
        return true;
    }
}
