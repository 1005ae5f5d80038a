package coop.mutua.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Outside demo mode the first coordinator comes from MUTUA_BOOTSTRAP_* settings, on an empty database only. */
@IntegrationTest
@TestPropertySource(properties = {
        "mutua.bootstrap.groupement-name=Réseau ESS du Lot",
        "mutua.bootstrap.groupement-siret=73282932000074",
        "mutua.bootstrap.groupement-email=contact@ess-lot.example",
        "mutua.bootstrap.groupement-city=Cahors",
        "mutua.bootstrap.groupement-hub=44.4475,1.4419",
        "mutua.bootstrap.coordinator-username=premiere.coordinatrice",
        "mutua.bootstrap.coordinator-password=un mot de passe assez long",
        "mutua.bootstrap.coordinator-name=Première Coordinatrice",
        "mutua.bootstrap.operator-username=exploitation",
        "mutua.bootstrap.operator-password=la plateforme tourne bien"})
class FirstCoordinatorBootstrapTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    BootstrapProperties settings;

    @Test
    void createsTheGroupementAndItsOnlyAccountWhoCanLogIn() {
        assertThat(jdbc.sql("SELECT username FROM user_account WHERE role <> 'OPERATOR'").query(String.class).list())
                .containsExactly("premiere.coordinatrice");

        JsonNode me = awaitGroupementName(new Http(port));
        assertThat(me.get("role").asString()).isEqualTo("COORDINATOR");
        assertThat(me.get("displayName").asString()).isEqualTo("Première Coordinatrice");
        assertThat(me.get("groupementName").asString()).isEqualTo("Réseau ESS du Lot");
    }

    @Test
    void createsTheOperatorWhoSeesTheGroupementsButNothingInside() {
        Http http = new Http(port);
        assertThat(http.get("/api/me", "exploitation", "la plateforme tourne bien").json().get("role").asString()).isEqualTo("OPERATOR");
        assertThat(http.get("/api/groupements", "exploitation", "la plateforme tourne bien").json().findValuesAsString("name"))
                .contains("Réseau ESS du Lot");
        assertThat(http.get("/api/rounds", "exploitation", "la plateforme tourne bien").status()).isEqualTo(403);
        assertThat(http.get("/api/groupements", "premiere.coordinatrice", "un mot de passe assez long").status()).isEqualTo(403);
    }

    @Test
    void doesNothingOnceAccountsExist() {
        long groupements = jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%GroupementRegisteredEvent'")
                .query(Long.class).single();

        new FirstCoordinatorBootstrap(settings, accounts, commands, PasswordPolicy.shipped()).run(null);

        assertThat(jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single()).as("the coordinator and the operator, once")
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%GroupementRegisteredEvent'")
                .query(Long.class).single()).isEqualTo(groupements);
    }

    private static JsonNode awaitGroupementName(Http http) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
        JsonNode me = http.get("/api/me", "premiere.coordinatrice", "un mot de passe assez long").json();
        while (me.get("groupementName") == null && Instant.now().isBefore(giveUp)) {
            me = http.get("/api/me", "premiere.coordinatrice", "un mot de passe assez long").json();
        }
        return me;
    }
}
