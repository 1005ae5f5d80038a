package coop.mutua.app.account;

import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.RegisterGroupementCommand;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.UserId;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside demo mode nobody can log in until a first coordinator exists. On a database with no account, and only
 * then, this creates the groupement and its coordinator from MUTUA_BOOTSTRAP_* settings; with no settings it says how.
 */
@Component
@Order(10)
@EnableConfigurationProperties(BootstrapProperties.class)
class FirstCoordinatorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstCoordinatorBootstrap.class);

    private final BootstrapProperties settings;
    private final Accounts accounts;
    private final CommandGateway commands;
    private final PasswordPolicy policy;

    FirstCoordinatorBootstrap(BootstrapProperties settings, Accounts accounts, CommandGateway commands, PasswordPolicy policy) {
        this.settings = settings;
        this.accounts = accounts;
        this.commands = commands;
        this.policy = policy;
    }

    @Override
    public void run(ApplicationArguments args) {
        createOperator();
        createFirstCoordinator();
    }

    /** The platform's operator: registers groupements and invites their coordinators; sees nothing inside them. */
    private void createOperator() {
        if (!settings.operatorRequested()) {
            return;
        }
        if (accounts.operatorExists()) {
            log.info("Operator settings ignored: an operator account already exists");
            return;
        }
        if (accounts.exists(settings.operatorUsername())) {
            throw new IllegalStateException("MUTUA_BOOTSTRAP_OPERATOR_USERNAME '" + settings.operatorUsername() + "' is already a login");
        }
        checkPassword(settings.operatorPassword(), settings.operatorUsername(), "MUTUA_BOOTSTRAP_OPERATOR_PASSWORD");
        accounts.createOperator(settings.operatorUsername(), settings.operatorPassword(),
                settings.operatorName() == null || settings.operatorName().isBlank() ? settings.operatorUsername() : settings.operatorName());
        log.info("Bootstrap: operator '{}' created", settings.operatorUsername());
    }

    private void createFirstCoordinator() {
        if (!accounts.isEmpty()) {
            if (settings.requested()) {
                log.info("Bootstrap settings ignored: accounts already exist");
            }
            return;
        }
        if (!settings.requested()) {
            if (!accounts.operatorExists()) {
                log.warn("No account exists yet. Create the first coordinator by starting once with MUTUA_BOOTSTRAP_GROUPEMENT_NAME, "
                        + "MUTUA_BOOTSTRAP_GROUPEMENT_SIRET, MUTUA_BOOTSTRAP_GROUPEMENT_EMAIL, MUTUA_BOOTSTRAP_COORDINATOR_USERNAME and "
                        + "MUTUA_BOOTSTRAP_COORDINATOR_PASSWORD set, or an operator (MUTUA_BOOTSTRAP_OPERATOR_USERNAME and "
                        + "MUTUA_BOOTSTRAP_OPERATOR_PASSWORD) who registers groupements from /operator (see README).");
            }
            return;
        }
        String password = settings.coordinatorPassword();
        checkPassword(password, settings.coordinatorUsername(), "MUTUA_BOOTSTRAP_COORDINATOR_PASSWORD");
        GroupementId groupementId = GroupementId.random();
        try {
            commands.sendAndWait(new RegisterGroupementCommand(groupementId, settings.groupementName(),
                    settings.groupementSiret(), settings.groupementVatNumber(), vatRegime(),
                    new Address(orDash(settings.groupementStreet()), orDash(settings.groupementPostalCode()),
                            orDash(settings.groupementCity()), "FR"),
                    hub(), settings.groupementEmail()));
        } catch (DomainException e) {
            throw new IllegalStateException("Bootstrap refused: " + e.getMessage(), e);
        }
        UserId coordinator = accounts.create(settings.coordinatorUsername(), password,
                settings.coordinatorName() == null || settings.coordinatorName().isBlank() ? settings.coordinatorUsername() : settings.coordinatorName(),
                Role.COORDINATOR, groupementId, null, null);
        String email = settings.coordinatorEmail() == null || settings.coordinatorEmail().isBlank()
                ? settings.groupementEmail() : settings.coordinatorEmail();
        accounts.setEmail(coordinator, email);
        log.info("Bootstrap: groupement '{}' ({}) and coordinator '{}' created", settings.groupementName(), groupementId,
                settings.coordinatorUsername());
    }

    private void checkPassword(String password, String login, String variable) {
        policy.check(password, login, null).ifPresent(problem -> {
            throw new IllegalStateException(variable + " refused (" + problem.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + "): at least " + PasswordPolicy.MINIMUM_LENGTH + " characters, not containing the login, not a common password");
        });
    }

    private VatRegime vatRegime() {
        String regime = settings.groupementVatRegime();
        return regime == null || regime.isBlank() ? VatRegime.NOT_REGISTERED : VatRegime.valueOf(regime.strip().toUpperCase(Locale.ROOT));
    }

    /** "lat,lon"; by default the centre of metropolitan France until the coordinator sets the real hub. */
    private GeoPoint hub() {
        String hub = settings.groupementHub();
        if (hub == null || hub.isBlank()) {
            return new GeoPoint(46.6, 2.4);
        }
        String[] parts = hub.split(",");
        return new GeoPoint(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
