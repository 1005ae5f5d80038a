package coop.mutua.app.support;

import coop.mutua.app.account.Accounts;
import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.OrderingTerms;
import coop.mutua.catalog.api.RegisterGroupementCommand;
import coop.mutua.catalog.api.RegisterMemberCommand;
import coop.mutua.catalog.api.RegisterSupplierCommand;
import coop.mutua.catalog.api.SupplierDetails;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.Luhn;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.VatNumber;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Creates a fresh groupement with one account per role, so that every test works on data of its own. */
@Component
@Profile("test")
public class TestGroupements {

    public static final String PASSWORD = "correct horse battery staple";

    /** A groupement made for one test and the usernames of its accounts. */
    public record TestGroupement(GroupementId id, String name, String coordinator, String member, String supplier,
                                 MemberId memberId, SupplierId supplierId) {
    }

    private final CommandGateway commands;
    private final Accounts accounts;
    private final ProjectionCatchUp catchUp;

    TestGroupements(CommandGateway commands, Accounts accounts, ProjectionCatchUp catchUp) {
        this.commands = commands;
        this.accounts = accounts;
        this.catchUp = catchUp;
    }

    public TestGroupement create(String name) {
        return create(name, VatRegime.NOT_REGISTERED);
    }

    /** A groupement of the given VAT regime (a registered one has a valid French VAT number). */
    public TestGroupement create(String name, VatRegime regime) {
        GroupementId id = GroupementId.random();
        String suffix = id.value().substring(0, 8);
        Address address = new Address("1 place de la Bourse", "33000", "Bordeaux", "FR");
        String siret = siret();
        String vatNumber = regime == VatRegime.REGISTERED ? VatNumber.forSiren(siret.substring(0, 9)).value() : null;
        commands.sendAndWait(new RegisterGroupementCommand(id, name, siret, vatNumber, regime, address,
                new GeoPoint(44.84, -0.57), "coordination-" + suffix + "@example.org"));
        MemberId memberId = MemberId.random();
        commands.sendAndWait(new RegisterMemberCommand(memberId, id, "Association " + suffix, siret(), null,
                EssFamily.ASSOCIATION, address, address, "membre-" + suffix + "@example.org"));
        SupplierId supplierId = SupplierId.random();
        commands.sendAndWait(new RegisterSupplierCommand(supplierId, id, new SupplierDetails("Ferme " + suffix, siret(), null, null, Set.of(), address, new GeoPoint(44.7, -0.3), "ferme-" + suffix + "@example.org",
                new OrderingTerms(Money.ZERO, Money.ZERO, Money.ZERO), null)));
        for (Object aggregate : new Object[] {id, memberId, supplierId}) {
            catchUp.await("catalog-directory", aggregate);
        }
        TestGroupement groupement = new TestGroupement(id, name, "coord-" + suffix, "membre-" + suffix,
                "fournisseur-" + suffix, memberId, supplierId);
        accounts.create(groupement.coordinator(), PASSWORD, "Coordination " + suffix, Role.COORDINATOR, id, null, null);
        accounts.create(groupement.member(), PASSWORD, "Membre " + suffix, Role.MEMBER, id, memberId, null);
        accounts.create(groupement.supplier(), PASSWORD, "Fournisseur " + suffix, Role.SUPPLIER, id, null, supplierId);
        return groupement;
    }

    private static String siret() {
        StringBuilder body = new StringBuilder("9");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (body.length() < 13) {
            body.append(random.nextInt(10));
        }
        return body.toString() + Luhn.checkDigit(body.toString());
    }
}
