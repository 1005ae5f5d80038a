package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.mutua.app.support.Eventually;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.NodeRound;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.LabelClaim;
import coop.mutua.catalog.api.ListSupplierCommand;
import coop.mutua.catalog.api.ListingDetails;
import coop.mutua.catalog.api.Sector;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.UnlistSupplierCommand;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.Siret;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Listings through the command bus into the network directory's tables, on PostgreSQL (ADR 22). */
@IntegrationTest
class NetworkListingIntegrationTest {

    @Autowired
    TestGroupements groupements;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcClient jdbc;

    @Test
    void oneEntityListedByTwoGroupementsIsOneEntryUntilTheLastWithdraws() {
        TestGroupement gironde = groupements.create("Réseau Gironde annuaire");
        TestGroupement basque = groupements.create("Réseau Basque annuaire");
        String siret = NodeRound.siret();
        ListingId listing = ListingId.ofSiret(new Siret(siret));

        commands.sendAndWait(new ListSupplierCommand(listing, gironde.id(), gironde.supplierId(), details(siret, "Conserverie Solidaire")));
        Eventually.equal(1L, () -> count("SELECT count(*) FROM network_listing WHERE id = :id", listing));
        commands.sendAndWait(new ListSupplierCommand(listing, basque.id(), basque.supplierId(), details(siret, "Conserverie Solidaire SCIC")));
        Eventually.equal(2L, () -> count("SELECT listed_by FROM network_listing WHERE id = :id", listing));

        Map<String, Object> row = jdbc.sql("SELECT name, sector, department, labels::text AS labels, categories::text AS categories, "
                + "delivery_departments::text AS delivery FROM network_listing WHERE id = :id").param("id", listing.value()).query().singleRow();
        assertThat(row).containsEntry("name", "Conserverie Solidaire SCIC").containsEntry("sector", "ALIMENTATION")
                .containsEntry("department", "64").containsEntry("categories", "{Conserves,Soupes}").containsEntry("delivery", "{33,40,64}");
        assertThat((String) row.get("labels")).contains("\"label\": \"ORGANIC_AB\"", "\"certificate\": \"FR-BIO-10 n°3321\"",
                "\"expiresOn\": \"2027-09-30\"");
        assertThat(jdbc.sql("SELECT groupement_id FROM network_listing_groupement WHERE listing_id = :id ORDER BY groupement_id")
                .param("id", listing.value()).query(String.class).list())
                .containsExactlyInAnyOrder(gironde.id().value(), basque.id().value());

        commands.sendAndWait(new UnlistSupplierCommand(listing, gironde.id()));
        Eventually.equal(1L, () -> count("SELECT listed_by FROM network_listing WHERE id = :id", listing));
        assertThatThrownBy(() -> commands.sendAndWait(new UnlistSupplierCommand(listing, gironde.id()))).isInstanceOf(RuntimeException.class);
        commands.sendAndWait(new UnlistSupplierCommand(listing, basque.id()));
        Eventually.equal(0L, () -> count("SELECT count(*) FROM network_listing WHERE id = :id", listing));
        assertThat(count("SELECT count(*) FROM network_listing_groupement WHERE listing_id = :id", listing)).isZero();
    }

    @Test
    void aRefusedListingStoresNothing() {
        TestGroupement gironde = groupements.create("Réseau refusé annuaire");
        String siret = NodeRound.siret();
        ListingId listing = ListingId.ofSiret(new Siret(siret));
        ListingDetails expired = new ListingDetails("Ferme", siret, null,
                List.of(new LabelClaim(SupplierLabel.ORGANIC_AB, "FR-BIO-1", LocalDate.of(2020, 1, 1))), Sector.ALIMENTATION, List.of(),
                "33063", new GeoPoint(44.84, -0.58), Set.of(), null, Money.ZERO, "ferme@example.org", null, null, null);

        assertThatThrownBy(() -> commands.sendAndWait(new ListSupplierCommand(listing, gironde.id(), gironde.supplierId(), expired)))
                .isInstanceOf(DomainException.class).hasMessageContaining("listing.certificate-expired");
        assertThat(count("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id", listing)).isZero();
    }

    private long count(String sql, ListingId listing) {
        return jdbc.sql(sql).param("id", listing.value()).query(Long.class).optional().orElse(0L);
    }

    static ListingDetails details(String siret, String name) {
        return new ListingDetails(name, siret, EssFamily.SCIC, List.of(new LabelClaim(SupplierLabel.ORGANIC_AB, "FR-BIO-10 n°3321",
                LocalDate.of(2027, 9, 30))), Sector.ALIMENTATION, List.of("Conserves", "Soupes"), "64445", new GeoPoint(43.3, -0.37),
                Set.of("64", "40", "33"), null, Money.ofCents(20_000), "contact@conserverie.example", null, null, "Conserves de légumes bio.");
    }
}
