package coop.mutua.app.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first groupement and its first coordinator, for a new installation (env MUTUA_BOOTSTRAP_*). Used once: when
 * no account exists yet. Address and hub can be completed later by the coordinator.
 */
@ConfigurationProperties(prefix = "mutua.bootstrap")
public record BootstrapProperties(String groupementName, String groupementSiret, String groupementVatRegime,
                                  String groupementVatNumber, String groupementStreet, String groupementPostalCode,
                                  String groupementCity, String groupementHub, String groupementEmail,
                                  String coordinatorUsername, String coordinatorPassword, String coordinatorName) {

    boolean requested() {
        return coordinatorUsername != null && !coordinatorUsername.isBlank();
    }
}
