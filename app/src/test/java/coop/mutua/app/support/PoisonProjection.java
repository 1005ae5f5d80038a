package coop.mutua.app.support;

import coop.mutua.ordering.api.PurchaseRoundCreatedEvent;
import coop.mutua.ordering.api.RoundTermsSetEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A test projection that fails with an SQL error on rounds titled "POISON…", to prove that such an event is
 * dead-lettered while the other events of its batch are still projected.
 */
@Component
@Profile("test")
@ProcessingGroup(PoisonProjection.GROUP)
public class PoisonProjection {

    public static final String GROUP = "test-poison";

    private final JdbcClient jdbc;

    PoisonProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PurchaseRoundCreatedEvent event) {
        jdbc.sql("CREATE TABLE IF NOT EXISTS test_poison_seen (round_id VARCHAR(64) PRIMARY KEY)").update();
        if (event.title().startsWith("POISON")) {
            jdbc.sql("INSERT INTO table_that_does_not_exist VALUES (1)").update();
        }
        jdbc.sql("INSERT INTO test_poison_seen VALUES (:id) ON CONFLICT DO NOTHING").param("id", event.roundId().value()).update();
    }

    /** Handled so that a poisoned round's later events queue up behind its first one (tests of the dead letters' bound). */
    @EventHandler
    void on(RoundTermsSetEvent event) {
        jdbc.sql("INSERT INTO test_poison_seen VALUES (:id) ON CONFLICT DO NOTHING").param("id", event.roundId().value()).update();
    }
}
