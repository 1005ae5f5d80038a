package coop.mutua.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import coop.mutua.app.support.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The start-up switch never stops the node it starts with. */
@IntegrationTest
class RebuildOnStartTest {

    @Autowired
    ReadModelRebuilds rebuilds;
    @Autowired
    DataSource dataSource;

    @Test
    void aRebuildAlreadyRunningElsewhereIsLoggedNotThrown() throws Exception {
        try (Connection otherNode = dataSource.getConnection();
             PreparedStatement lock = otherNode.prepareStatement("SELECT pg_advisory_lock(?)");
             PreparedStatement unlock = otherNode.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            lock.setLong(1, ReadModelRebuilds.LOCK_KEY);
            lock.execute();
            try {
                String before = rebuilds.current().map(ReadModelRebuilds.Rebuild::id).orElse(null);
                assertThatCode(() -> new RebuildOnStart(rebuilds, "all").rebuild()).doesNotThrowAnyException();
                assertThat(rebuilds.current().map(ReadModelRebuilds.Rebuild::id).orElse(null)).as("nothing started").isEqualTo(before);
            } finally {
                unlock.execute();
            }
        }
    }

    @Test
    void unknownNamesAreLoggedNotThrown() {
        assertThatCode(() -> new RebuildOnStart(rebuilds, "inconnue").rebuild()).doesNotThrowAnyException();
        assertThat(rebuilds.current().map(rebuild -> rebuild.readModels()).orElse(List.of())).doesNotContain("inconnue");
    }
}
