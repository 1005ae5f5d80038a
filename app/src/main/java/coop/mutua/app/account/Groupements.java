package coop.mutua.app.account;

import coop.mutua.app.account.AccountHistory.By;
import coop.mutua.app.account.AccountHistory.Kind;
import coop.mutua.app.account.Invitations.Invitation;
import coop.mutua.app.account.Invitations.Invitee;
import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.Directory;
import coop.mutua.catalog.api.FindGroupementQuery;
import coop.mutua.catalog.api.FindGroupementsQuery;
import coop.mutua.catalog.api.GroupementSummary;
import coop.mutua.catalog.api.RegisterGroupementCommand;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.UserId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The operator's work: registering groupements and inviting their coordinators, while the application runs. The
 * operator sees each groupement's identity and how many active accounts it has, nothing of its business.
 */
@Service
public class Groupements {

    /** A groupement as the operator sees it. */
    public record Listed(GroupementSummary groupement, int activeAccounts, int pendingInvitations) {
    }

    /** What the operator gives to register a groupement. */
    public record Registration(String name, String siret, String email, VatRegime vatRegime, String vatNumber,
                               String street, String postalCode, String city, Double hubLatitude, Double hubLongitude) {

        /** Where the groupement's goods arrive (distances and "local" count from there); the centre of France if not given. */
        GeoPoint hub() {
            if (hubLatitude == null && hubLongitude == null) {
                return new GeoPoint(46.6, 2.4);
            }
            if (hubLatitude == null || hubLongitude == null) {
                throw new InvalidFieldException(hubLatitude == null ? "hubLatitude" : "hubLongitude",
                        "field.required", hubLatitude == null ? "hubLatitude" : "hubLongitude");
            }
            return Require.named(hubLatitude < -90 || hubLatitude > 90 || hubLatitude.isNaN() ? "hubLatitude"
                    : "hubLongitude", () -> new GeoPoint(hubLatitude, hubLongitude));
        }
    }

    private final CommandGateway commands;
    private final Directory directory;
    private final ProjectionCatchUp catchUp;
    private final Invitations invitations;
    private final AccountHistory history;
    private final JdbcClient jdbc;

    Groupements(CommandGateway commands, Directory directory, ProjectionCatchUp catchUp, Invitations invitations,
                AccountHistory history, JdbcClient jdbc) {
        this.commands = commands;
        this.directory = directory;
        this.catchUp = catchUp;
        this.invitations = invitations;
        this.history = history;
        this.jdbc = jdbc;
    }

    public List<Listed> list() {
        record Counts(int active, int invited) {
        }
        Map<String, Counts> counts = jdbc.sql("""
                SELECT groupement_id, count(*) FILTER (WHERE state = 'ACTIVE') AS active,
                       count(*) FILTER (WHERE state = 'INVITED') AS invited
                FROM user_account WHERE groupement_id IS NOT NULL GROUP BY groupement_id""")
                .query((rs, n) -> Map.entry(rs.getString("groupement_id"), new Counts(rs.getInt("active"), rs.getInt("invited"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return directory.handle(new FindGroupementsQuery()).stream().map(groupement -> {
            Counts c = counts.getOrDefault(groupement.id().value(), new Counts(0, 0));
            return new Listed(groupement, c.active(), c.invited());
        }).toList();
    }

    /** Registers the groupement, then invites its first coordinator. */
    public Invitation register(Registration registration, String coordinatorName, String coordinatorEmail, Locale locale,
                               Account operator, String address) {
        // The coordinator's fields are checked before anything is stored, so that a bad address registers nothing.
        Invitations.printable(Require.text(coordinatorName, "coordinatorName", 200), "coordinatorName");
        Invitations.mailbox(Invitations.printable(Require.email(coordinatorEmail, "coordinatorEmail"), "coordinatorEmail"));
        Invitations.printable(Require.text(registration.name(), "name", 200), "name");
        GeoPoint hub = registration.hub();
        GroupementId id = GroupementId.random();
        commands.sendAndWait(new RegisterGroupementCommand(id, registration.name(), registration.siret(),
                blankToNull(registration.vatNumber()),
                registration.vatRegime() == null ? VatRegime.NOT_REGISTERED : registration.vatRegime(),
                new Address(orDash(registration.street()), orDash(registration.postalCode()), orDash(registration.city()), "FR"),
                hub, registration.email()));
        catchUp.await("catalog-directory", id);
        history.record(Kind.GROUPEMENT_REGISTERED, null, id, By.of(operator), address, registration.name());
        return invitations.invite(id, new Invitee(coordinatorName, coordinatorEmail, Role.COORDINATOR, null, null, locale),
                operator, address);
    }

    /** Invites one more coordinator of a groupement (its first one left, or never came). */
    public Invitation inviteCoordinator(GroupementId id, String name, String email, Locale locale, Account operator, String address) {
        directory.handle(new FindGroupementQuery(id)).orElseThrow(() -> new NotFoundException("groupement", id));
        return invitations.invite(id, new Invitee(name, email, Role.COORDINATOR, null, null, locale), operator, address);
    }

    /** The groupement an invited account belongs to. */
    public GroupementId groupementOf(UserId accountId) {
        return jdbc.sql("SELECT groupement_id FROM user_account WHERE id = :id").param("id", accountId.value())
                .query((rs, n) -> GroupementId.of(rs.getString(1))).single();
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
