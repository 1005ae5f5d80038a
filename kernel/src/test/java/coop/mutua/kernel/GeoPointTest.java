package coop.mutua.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    @Test
    void distanceBetweenBordeauxAndBayonneIsAbout165Km() {
        GeoPoint bordeaux = new GeoPoint(44.8378, -0.5792);
        GeoPoint bayonne = new GeoPoint(43.4929, -1.4748);

        assertThat(bordeaux.distanceKmTo(bayonne)).isCloseTo(164.6, within(2.0));
        assertThat(bordeaux.distanceKmTo(bordeaux)).isZero();
    }
}
