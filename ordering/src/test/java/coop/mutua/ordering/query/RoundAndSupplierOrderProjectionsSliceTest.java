package coop.mutua.ordering.query;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.ClosingTrigger;
import coop.mutua.ordering.api.PurchaseRoundClosedEvent;
import coop.mutua.ordering.api.PurchaseRoundCreatedEvent;
import coop.mutua.ordering.api.PurchaseRoundPooledEvent;
import coop.mutua.ordering.api.ReceptionRecordedEvent;
import coop.mutua.ordering.api.SupplierOrderIds;
import coop.mutua.testsupport.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rounds' projection and the supplier orders' projection are two processors (ADR 18): each may run ahead of the
 * other. Whichever order they see a round's pooling and its reception in, the round ends RECEIVED, on PostgreSQL with
 * the module's migrations.
 */
class RoundAndSupplierOrderProjectionsSliceTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final ProductId CARROTS = ProductId.of("carrots");

    static JdbcClient jdbc;
    static PurchaseRoundProjection rounds;
    static SupplierOrderProjection supplierOrders;

    @BeforeAll
    static void database() {
        jdbc = JdbcClient.create(TestDatabase.migrated());
        rounds = new PurchaseRoundProjection(jdbc);
        supplierOrders = new SupplierOrderProjection(jdbc);
    }

    @Test
    void roundsFirstThenTheReception() {
        Pooled round = pooledRound();
        rounds.on(round.pooled());
        assertThat(status(round.id())).isEqualTo("POOLED");
        supplierOrders.on(round.received(), "coordinator");
        assertThat(status(round.id())).isEqualTo("RECEIVED");
    }

    @Test
    void theReceptionFirstThenTheRounds() {
        Pooled round = pooledRound();
        supplierOrders.on(round.received(), "coordinator");
        assertThat(status(round.id())).as("the rounds' processor has not seen the pooling yet").isEqualTo("CLOSED");
        rounds.on(round.pooled());
        assertThat(status(round.id())).isEqualTo("RECEIVED");
        assertThat(jdbc.sql("SELECT received_by FROM supplier_order WHERE round_id = :r").param("r", round.id().value())
                .query(String.class).single()).isEqualTo("coordinator");
    }

    private record Pooled(RoundId id, PurchaseRoundPooledEvent pooled, ReceptionRecordedEvent received) {
    }

    /** A closed round whose pooling job wrote one supplier order (SENT, one line of 10 carrots). */
    private static Pooled pooledRound() {
        GroupementId groupement = GroupementId.random();
        RoundId round = RoundId.random();
        SupplierId farm = SupplierId.random();
        SupplierOrderId order = SupplierOrderIds.of(round, farm);
        rounds.on(new PurchaseRoundCreatedEvent(round, groupement, "Commande groupée", NOW.plusSeconds(3600), LocalDate.of(2026, 12, 9),
                "Entrepôt"), NOW);
        rounds.on(new PurchaseRoundClosedEvent(round, groupement, NOW, ClosingTrigger.COORDINATOR));
        jdbc.sql("""
                INSERT INTO supplier_order (id, groupement_id, round_id, supplier_id, total_excl_vat_cents, delivery_fee_cents,
                    minimum_order_cents, below_minimum, status, pooled_at)
                VALUES (:id, :g, :r, :s, 1800, 0, 0, false, 'SENT', now())""")
                .param("id", order.value()).param("g", groupement.value()).param("r", round.value()).param("s", farm.value()).update();
        jdbc.sql("""
                INSERT INTO supplier_order_line (supplier_order_id, product_id, reference, name, sale_unit, vat_rate, step, case_size,
                    asked, tolerance, cases, quantity, unit_price, list_price, amount_excl_vat_cents, unallocated)
                VALUES (:id, :p, 'CAR', 'Carottes', 'KG', '5.5', 1, 10, 10, 0, 1, 10, 1.80, 1.80, 1800, 0)""")
                .param("id", order.value()).param("p", CARROTS.value()).update();
        return new Pooled(round, new PurchaseRoundPooledEvent(round, groupement, NOW, 1, Set.of()),
                new ReceptionRecordedEvent(order, groupement, round, farm, Map.of(CARROTS, Quantity.of("10")), NOW));
    }

    private static String status(RoundId round) {
        return jdbc.sql("SELECT status FROM purchase_round WHERE id = :id").param("id", round.value()).query(String.class).single();
    }
}
