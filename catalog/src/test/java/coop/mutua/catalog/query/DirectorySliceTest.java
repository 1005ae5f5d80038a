package coop.mutua.catalog.query;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.DirectoryHit;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.FindSupplierQuery;
import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.GroupementRegisteredEvent;
import coop.mutua.catalog.api.OrderingTerms;
import coop.mutua.catalog.api.SearchDirectoryQuery;
import coop.mutua.catalog.api.SupplierDeactivatedEvent;
import coop.mutua.catalog.api.SupplierDetails;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.SupplierRegisteredEvent;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.api.SupplierUpdatedEvent;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.SupplierId;
import coop.mutua.testsupport.TestDatabase;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The directory's projection and queries on PostgreSQL with the catalog's own migrations, without the application:
 * what the events write is what the queries answer, within one groupement, and a redelivered event changes nothing.
 */
class DirectorySliceTest {

    private static final Address BORDEAUX = new Address("12 quai de Brazza", "33100", "Bordeaux", "FR");

    static JdbcClient jdbc;
    static DirectoryProjection projection;
    static DirectoryQueries queries;

    @BeforeAll
    static void database() {
        jdbc = JdbcClient.create(TestDatabase.migrated());
        projection = new DirectoryProjection(jdbc);
        queries = new DirectoryQueries(jdbc, Clock.systemUTC());
    }

    @Test
    void aSupplierShowsItsLastDetailsInItsGroupementOnlyAndARedeliveredEventChangesNothing() {
        GroupementId gironde = groupement("Achats Solidaires Gironde", new GeoPoint(44.8487, -0.5546));
        GroupementId landes = groupement("Achats Landes", new GeoPoint(43.89, -0.5));
        SupplierId dairy = SupplierId.random();
        projection.on(new SupplierRegisteredEvent(dairy, gironde, details("Fromagerie d'Aquitaine", "150.00", "12.00")));
        SupplierUpdatedEvent update = new SupplierUpdatedEvent(dairy, gironde, details("Fromagerie d'Aquitaine (SCOP)", "120.00", "9.50"));
        projection.on(update);
        projection.on(update);

        SupplierSummary shown = queries.handle(new FindSupplierQuery(gironde, dairy)).orElseThrow();
        assertThat(shown.name()).isEqualTo("Fromagerie d'Aquitaine (SCOP)");
        assertThat(shown.minimumOrder()).isEqualTo(Money.parse("120.00"));
        assertThat(shown.deliveryFee()).isEqualTo(Money.parse("9.50"));
        assertThat(shown.labels()).containsExactly(SupplierLabel.ORGANIC_AB);
        assertThat(shown.distanceKm()).as("from the groupement's hub").isBetween(5.0, 12.0);
        assertThat(queries.handle(new FindSuppliersQuery(gironde))).extracting(SupplierSummary::id).containsExactly(dairy);
        assertThat(queries.handle(new FindSupplierQuery(landes, dairy))).as("another groupement's supplier").isEmpty();
        assertThat(queries.handle(new FindSuppliersQuery(landes))).isEmpty();
        assertThat(queries.supplierWithSiret(gironde, "73282932000074", SupplierId.random())).contains("Fromagerie d'Aquitaine (SCOP)");
        assertThat(queries.supplierWithSiret(gironde, "73282932000074", dairy)).as("itself is not another holder").isEmpty();
        assertThat(queries.supplierWithSiret(landes, "73282932000074", SupplierId.random())).isEmpty();

        projection.on(new SupplierDeactivatedEvent(dairy, gironde));
        assertThat(queries.handle(new FindSupplierQuery(gironde, dairy)).orElseThrow().active()).isFalse();
    }

    @Test
    void searchIgnoresAccentsAndCaseAndKeepsToTheGroupement() {
        GroupementId gironde = groupement("Réseau de recherche", new GeoPoint(44.8487, -0.5546));
        GroupementId other = groupement("Autre réseau", new GeoPoint(44.8487, -0.5546));
        SupplierId savonnerie = SupplierId.random();
        projection.on(new SupplierRegisteredEvent(savonnerie, gironde, details("Savonnerie Bègles Insertion", "0.00", "0.00")));
        projection.on(new SupplierRegisteredEvent(SupplierId.random(), other, details("Savonnerie Bègles Insertion", "0.00", "0.00")));

        List<DirectoryHit> hits = queries.handle(new SearchDirectoryQuery(gironde, "BEGLES", Set.of(), null, null, null, false));
        assertThat(hits).extracting(hit -> hit.supplier().id()).containsExactly(savonnerie);
        assertThat(queries.handle(new SearchDirectoryQuery(gironde, "fromage", Set.of(), null, null, null, false))).isEmpty();
    }

    private static GroupementId groupement(String name, GeoPoint hub) {
        GroupementId id = GroupementId.random();
        projection.on(new GroupementRegisteredEvent(id, name, "81415207700012", null, VatRegime.REGISTERED, BORDEAUX, hub,
                "coordination@example.org"));
        return id;
    }

    private static SupplierDetails details(String name, String minimum, String fee) {
        return new SupplierDetails(name, "73282932000074", "FR44732829320", EssFamily.SCOP, Set.of(SupplierLabel.ORGANIC_AB),
                new Address("4 chemin des Vignes", "33130", "Bègles", "FR"), new GeoPoint(44.80, -0.55), "commandes@example.org",
                new OrderingTerms(Money.parse(minimum), Money.parse("300.00"), Money.parse(fee)), null);
    }
}
