package coop.mutua.catalog.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import coop.mutua.catalog.query.Gazetteer.Commune;
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
}
