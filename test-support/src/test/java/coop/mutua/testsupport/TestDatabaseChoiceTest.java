package coop.mutua.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.testsupport.TestDatabase.Server;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestDatabaseChoiceTest {

    private static final Server CONTAINER = new Server("Testcontainers", "jdbc:postgresql://docker:5432/test", "test", "test");
    private static final Server EMBEDDED = new Server("embedded", "jdbc:postgresql://localhost:1234/postgres", "postgres", "");

    @Test
    void aConfiguredUrlWinsOverEverything() {
        Map<String, String> env = Map.of("TEST_DATABASE_URL", "jdbc:postgresql://ci:5432/mutua", "TEST_DATABASE_USER", "ci",
                "TEST_DATABASE_PASSWORD", "secret");
        Server chosen = TestDatabase.choose(env::get, () -> true, () -> CONTAINER, () -> EMBEDDED);

        assertThat(chosen).isEqualTo(new Server("configured", "jdbc:postgresql://ci:5432/mutua", "ci", "secret"));
    }

    @Test
    void testcontainersWhenADockerEngineAnswersElseEmbedded() {
        assertThat(TestDatabase.choose(name -> null, () -> true, () -> CONTAINER, () -> EMBEDDED)).isSameAs(CONTAINER);
        assertThat(TestDatabase.choose(name -> null, () -> false, () -> CONTAINER, () -> EMBEDDED)).isSameAs(EMBEDDED);
        assertThat(TestDatabase.choose(Map.of("TEST_DATABASE_URL", " ")::get, () -> false, () -> CONTAINER, () -> EMBEDDED))
                .isSameAs(EMBEDDED);
    }

    @Test
    void eachContextGetsItsOwnDatabaseOnTheServer() {
        assertThat(EMBEDDED.urlOf("mutua_test_1")).isEqualTo("jdbc:postgresql://localhost:1234/mutua_test_1");
        assertThat(new Server("configured", "jdbc:postgresql://ci:5432/mutua?sslmode=require", "u", "p").urlOf("t2"))
                .isEqualTo("jdbc:postgresql://ci:5432/t2?sslmode=require");
    }
}
