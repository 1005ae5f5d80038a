package coop.mutua.app.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first groupement and its first coordinator, for a new installation (env MUTUA_BOOTSTRAP_*). Used once: when
 * no account exists yet. Address and hub can be completed later by the coordinator. The operator (MUTUA_BOOTSTRAP_OPERATOR_*)
 * is created when no operator exists yet, whatever other accounts exist.
 */
@ConfigurationProperties(prefix = "mutua.bootstrap")
public record BootstrapProperties(String groupementName, String groupementSiret, String groupementVatRegime,
                                  String groupementVatNumber, String groupementStreet, String groupementPostalCode,
                                  String groupementCity, String groupementHub, String groupementEmail,
                                  String coordinatorUsername, String coordinatorPassword, String coordinatorName,
                                  String coordinatorEmail, String operatorUsername, String operatorPassword,
                                  String operatorName) {

    boolean requested() {
        return coordinatorUsername != null && !coordinatorUsername.isBlank();
    }

    boolean operatorRequested() {
        return operatorUsername != null && !operatorUsername.isBlank();
    }
}
