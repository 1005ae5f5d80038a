package coop.mutua.catalog.domain;

import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.DeactivateMemberCommand;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.GroupementRegisteredEvent;
import coop.mutua.catalog.api.MemberDeactivatedEvent;
import coop.mutua.catalog.api.MemberRegisteredEvent;
import coop.mutua.catalog.api.MemberUpdatedEvent;
import coop.mutua.catalog.api.RegisterGroupementCommand;
import coop.mutua.catalog.api.RegisterMemberCommand;
import coop.mutua.catalog.api.UpdateMemberCommand;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.NotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class CatalogAggregatesTest {

    private static final GroupementId GIRONDE = GroupementId.of("gironde");
    private static final GroupementId LANDES = GroupementId.of("landes");
    private static final MemberId EPICERIE = MemberId.of("epicerie");
    private static final Address ADDRESS = new Address("12 quai de Brazza", "33100", "Bordeaux", "FR");
    private static final GeoPoint HUB = new GeoPoint(44.8487, -0.5546);

    @Test
    void registersAGroupementWithNormalisedIdentity() {
        new AggregateTestFixture<>(Groupement.class).givenNoPriorActivity()
                .when(new RegisterGroupementCommand(GIRONDE, "Achats Solidaires", "732 829 320 00074", "fr44 732829320",
                        VatRegime.REGISTERED, ADDRESS, HUB, "coordination@example.org"))
                .expectEvents(new GroupementRegisteredEvent(GIRONDE, "Achats Solidaires", "73282932000074", "FR44732829320",
                        VatRegime.REGISTERED, ADDRESS, HUB, "coordination@example.org"));
    }

    @Test
    void refusesAnInvalidSiretOrAMissingVatNumberWhenRegistered() {
        new AggregateTestFixture<>(Groupement.class).givenNoPriorActivity()
                .when(new RegisterGroupementCommand(GIRONDE, "Achats", "73282932000075", null, VatRegime.NOT_REGISTERED,
                        ADDRESS, HUB, "coordination@example.org"))
                .expectException(DomainException.class)
                .expectExceptionMessage("siret.checksum [73282932000075]");
        new AggregateTestFixture<>(Groupement.class).givenNoPriorActivity()
                .when(new RegisterGroupementCommand(GIRONDE, "Achats", "73282932000074", " ", VatRegime.REGISTERED,
                        ADDRESS, HUB, "coordination@example.org"))
                .expectException(DomainException.class)
                .expectExceptionMessage("groupement.vat-number-required");
    }

    @Test
    void registersAMemberAndRefusesABadVatNumberOrPostalCode() {
        new AggregateTestFixture<>(MemberStructure.class).givenNoPriorActivity()
                .when(new RegisterMemberCommand(EPICERIE, GIRONDE, "Épicerie", "73282932000074", null, EssFamily.ASSOCIATION,
                        ADDRESS, null, "contact@example.org"))
                .expectEvents(new MemberRegisteredEvent(EPICERIE, GIRONDE, "Épicerie", "73282932000074", null,
                        EssFamily.ASSOCIATION, ADDRESS, ADDRESS, "contact@example.org"));
        new AggregateTestFixture<>(MemberStructure.class).givenNoPriorActivity()
                .when(new RegisterMemberCommand(EPICERIE, GIRONDE, "Épicerie", "73282932000074", "FR45732829320",
                        EssFamily.ASSOCIATION, ADDRESS, null, "contact@example.org"))
                .expectException(DomainException.class)
                .expectExceptionMessage("vat-number.checksum [FR45732829320]");
        new AggregateTestFixture<>(MemberStructure.class).givenNoPriorActivity()
                .when(new RegisterMemberCommand(EPICERIE, GIRONDE, "Épicerie", "73282932000074", null, EssFamily.ASSOCIATION,
                        new Address("1 rue", "3310", "Bordeaux", "FR"), null, "contact@example.org"))
                .expectException(DomainException.class)
                .expectExceptionMessage("address.postal-code [billingAddress, 3310]");
    }

    @Test
    void updatesAndDeactivatesAMemberOnceButNeverFromAnotherGroupement() {
        MemberRegisteredEvent registered = new MemberRegisteredEvent(EPICERIE, GIRONDE, "Épicerie", "73282932000074", null,
                EssFamily.ASSOCIATION, ADDRESS, ADDRESS, "contact@example.org");
        AggregateTestFixture<MemberStructure> fixture = new AggregateTestFixture<>(MemberStructure.class);

        fixture.given(registered)
                .when(new UpdateMemberCommand(EPICERIE, GIRONDE, "Épicerie solidaire", "73282932000074", null,
                        EssFamily.ASSOCIATION, ADDRESS, ADDRESS, "bonjour@example.org"))
                .expectEvents(new MemberUpdatedEvent(EPICERIE, GIRONDE, "Épicerie solidaire", "73282932000074", null,
                        EssFamily.ASSOCIATION, ADDRESS, ADDRESS, "bonjour@example.org"));
        fixture.given(registered).when(new DeactivateMemberCommand(EPICERIE, GIRONDE))
                .expectEvents(new MemberDeactivatedEvent(EPICERIE, GIRONDE));
        fixture.given(registered, new MemberDeactivatedEvent(EPICERIE, GIRONDE))
                .when(new DeactivateMemberCommand(EPICERIE, GIRONDE))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(registered).when(new DeactivateMemberCommand(EPICERIE, LANDES))
                .expectException(NotFoundException.class).expectNoEvents();
    }
}
