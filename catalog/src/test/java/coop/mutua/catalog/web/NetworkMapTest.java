package coop.mutua.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.catalog.query.Gazetteer;
import coop.mutua.kernel.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkMapTest {

    private final Gazetteer gazetteer = new Gazetteer();

    @Test
    void marksLieOnTheDrawingInTheirOrderAndNorthIsUp() {
        GeoPoint bordeaux = new GeoPoint(44.84, -0.58);
        GeoPoint pau = new GeoPoint(43.30, -0.37);
        GeoPoint libourne = new GeoPoint(44.92, -0.24);
        NetworkMap.View view = NetworkMap.draw(List.of(new NetworkMap.Place(pau, "Pau", "/network/a"),
                new NetworkMap.Place(libourne, "Libourne", "/network/b")), bordeaux, gazetteer.departmentOutlines());
        assertThat(view.marks()).extracting(NetworkMap.Mark::number).containsExactly(1, 2);
        for (NetworkMap.Mark mark : view.marks()) {
            assertThat(mark.x()).isBetween(0.0, (double) view.width());
            assertThat(mark.y()).isBetween(0.0, (double) view.height());
        }
        NetworkMap.Mark toPau = view.marks().get(0);
        NetworkMap.Mark toLibourne = view.marks().get(1);
        assertThat(toPau.y()).as("Pau is south of Libourne").isGreaterThan(toLibourne.y());
        assertThat(toLibourne.x()).as("Libourne is east of Bordeaux").isGreaterThan(view.origin().x());
        assertThat(view.outlines()).as("Gironde, Landes, Pyrénées-Atlantiques at least").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void overseasWithMainlandFallsBackToTheMainlandAndLeavesTheFarMarkToTheList() {
        NetworkMap.View view = NetworkMap.draw(List.of(new NetworkMap.Place(new GeoPoint(44.84, -0.58), "Bordeaux", null),
                new NetworkMap.Place(new GeoPoint(-20.88, 55.45), "Saint-Denis", null)), null, gazetteer.departmentOutlines());
        assertThat(view.marks()).extracting(NetworkMap.Mark::title).containsExactly("Bordeaux");
        assertThat(NetworkMap.draw(List.of(), null, gazetteer.departmentOutlines()).outlines()).hasSizeGreaterThan(90);
    }
}
