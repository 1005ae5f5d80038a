package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Eventually;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.DeactivateSupplierCommand;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.OrderingTerms;
import coop.mutua.catalog.api.SupplierDetails;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.SupplierRegisteredEvent;
import coop.mutua.catalog.api.SupplierUpdatedEvent;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.SupplierId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Events are stored for ever: a supplier's events as the previous revision wrote them (fixtures captured from the
 * event table, revision 1 with fourteen fields) still load into the aggregate, the directory and the event store's
 * readers, as revision 2 with its details grouped.
 */
@IntegrationTest
class StoredEventsUpcastingTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    CommandGateway commands;

    @Test
    void suppliersWrittenByRevisionOneLoadAsRevisionTwo() throws IOException {
        TestGroupement groupement = groupements.create("Réseau des anciens événements");
        SupplierId supplier = SupplierId.random();
        store(supplier, groupement, 0, "SupplierRegisteredEvent");
        store(supplier, groupement, 1, "SupplierUpdatedEvent");

        Address address = new Address("4 chemin des Vignes", "33000", "Bordeaux", "FR");
        List<Object> read = eventStore.readEvents(supplier.value()).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
        assertThat(read).containsExactly(
                new SupplierRegisteredEvent(supplier, groupement.id(), new SupplierDetails("Fromagerie d'Aquitaine", "73282932000074",
                        "FR44732829320", EssFamily.SCOP, Set.of(SupplierLabel.ORGANIC_AB), address, new GeoPoint(44.9, -0.6),
                        "commandes@fromagerie.example", new OrderingTerms(Money.parse("150.00"), Money.parse("300.00"),
                        Money.parse("12.00")), "Tommes et yaourts")),
                new SupplierUpdatedEvent(supplier, groupement.id(), new SupplierDetails("Fromagerie d'Aquitaine (SCOP)",
                        "73282932000074", null, null, Set.of(), address, new GeoPoint(44.91, -0.61), "commandes@fromagerie.example",
                        new OrderingTerms(Money.parse("120.00"), Money.parse("0.00"), Money.parse("9.50")), null)));

        // The directory (a tracking projection) reads them too.
        Http http = new Http(port);
        Eventually.equal(200, () -> http.get("/api/suppliers/" + supplier, groupement.coordinator(), TestGroupements.PASSWORD).status());
        JsonNode shown = http.get("/api/suppliers/" + supplier, groupement.coordinator(), TestGroupements.PASSWORD).json();
        assertThat(shown.get("name").asString()).isEqualTo("Fromagerie d'Aquitaine (SCOP)");
        assertThat(shown.get("minimumOrder").asString()).isEqualTo("120.00");
        assertThat(shown.get("deliveryFee").asString()).isEqualTo("9.50");

        // The aggregate is sourced from them: a new command on it is handled.
        commands.sendAndWait(new DeactivateSupplierCommand(supplier, groupement.id()));
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id").param("id", supplier.value())
                .query(Long.class).single()).isEqualTo(3);
    }

    /** The event as revision 1 stored it: its fixture, with this test's supplier and groupement. */
    private void store(SupplierId supplier, TestGroupement groupement, long sequence, String type) throws IOException {
        String payload;
        try (InputStream fixture = getClass().getResourceAsStream("/events/" + type + "-revision-1.json")) {
            payload = new String(fixture.readAllBytes(), StandardCharsets.UTF_8).strip()
                    .replace("GROUPEMENT", groupement.id().value()).replace("supplier-written-by-revision-1", supplier.value());
        }
        String metadata = "{\"groupementId\":\"" + groupement.id().value() + "\",\"userId\":\"system\"}";
        jdbc.sql("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                    payloadrevision, payloadtype, timestamp)
                VALUES (:id, :sequence, 'Supplier', :event, convert_to(:metadata, 'UTF8'), convert_to(:payload, 'UTF8'), '1', :type,
                    '2026-11-30T10:00:00Z')""")
                .param("id", supplier.value()).param("sequence", sequence).param("event", UUID.randomUUID().toString())
                .param("metadata", metadata).param("payload", payload).param("type", "coop.mutua.catalog.api." + type).update();
    }
}
