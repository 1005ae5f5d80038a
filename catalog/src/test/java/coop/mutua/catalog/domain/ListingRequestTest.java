package coop.mutua.catalog.domain;

import coop.mutua.catalog.api.AcceptListingRequestCommand;
import coop.mutua.catalog.api.AmendListingRequestCommand;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.LabelClaim;
import coop.mutua.catalog.api.ListingChangesRequestedEvent;
import coop.mutua.catalog.api.ListingRequestAcceptedEvent;
import coop.mutua.catalog.api.ListingRequestAmendedEvent;
import coop.mutua.catalog.api.ListingRequestDetails;
import coop.mutua.catalog.api.ListingRequestRefusedEvent;
import coop.mutua.catalog.api.ListingRequestSubmittedEvent;
import coop.mutua.catalog.api.RefuseListingRequestCommand;
import coop.mutua.catalog.api.RequestListingChangesCommand;
import coop.mutua.catalog.api.Sector;
import coop.mutua.catalog.api.SubmitListingRequestCommand;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.ListingRequestId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.SupplierId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListingRequestTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final ListingRequestId ID = ListingRequestId.of("5b1e2c0a-1b2c-4d5e-8f90-a1b2c3d4e5f6");
    private static final GroupementId GIRONDE = GroupementId.of("6f1e2c0a-1b2c-4d5e-8f90-a1b2c3d4e5f6");
    private static final GroupementId LANDES = GroupementId.of("7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
    private static final SupplierId SUPPLIER = SupplierId.of("0d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f60");
    private static final String KEY = "a".repeat(64);
    private static final String NEW_KEY = "b".repeat(64);

    private AggregateTestFixture<ListingRequest> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(ListingRequest.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static ListingRequestDetails details(String postalCode, String contactName) {
        return new ListingRequestDetails("Recyclerie du Bassin", "732 829 320 00074", EssFamily.ASSOCIATION,
                List.of(new LabelClaim(SupplierLabel.IAE, "ACI-33-118", LocalDate.of(2027, 6, 30))), Sector.SERVICES, List.of("Réemploi"),
                "4 allée des Pins", postalCode, "33009", new GeoPoint(44.66, -1.17), Set.of("33"), null, Money.ofCents(5000),
                contactName, "ines@example.org", null, null, null);
    }

    private ListingRequestSubmittedEvent submitted() {
        return new ListingRequestSubmittedEvent(ID, GIRONDE, ListingRequest.checked(details("33120", "Inès Duval"), LocalDate.of(2026, 12, 3)),
                KEY, NOW);
    }

    @Test
    void aRequestIsSubmittedCheckedAsTheListingItWouldMakeAndNormalised() {
        fixture.givenNoPriorActivity()
                .when(new SubmitListingRequestCommand(ID, GIRONDE, details(" 33120 ", "Inès Duval"), KEY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(submitted());
        fixture.givenNoPriorActivity()
                .when(new SubmitListingRequestCommand(ID, GIRONDE, details("3312", "Inès Duval"), KEY))
                .expectException(InvalidFieldException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new SubmitListingRequestCommand(ID, GIRONDE, details("33120", " "), KEY))
                .expectException(DomainException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new SubmitListingRequestCommand(ID, GIRONDE, details("33120", "Inès Duval"), "not a hash"))
                .expectException(IllegalArgumentException.class).expectNoEvents();
    }

    @Test
    void changesAreAskedThenMadeWithANewKeyAndOnlyThen() {
        fixture.given(submitted())
                .when(new AmendListingRequestCommand(ID, GIRONDE, details("33120", "Inès Duval")))
                .expectException(ConflictException.class);
        fixture.given(submitted())
                .when(new RequestListingChangesCommand(ID, GIRONDE, "Vos jours de collecte ?", NEW_KEY))
                .expectEvents(new ListingChangesRequestedEvent(ID, GIRONDE, "Vos jours de collecte ?", NEW_KEY, NOW));
        fixture.given(submitted(), new ListingChangesRequestedEvent(ID, GIRONDE, "Vos jours ?", NEW_KEY, NOW))
                .when(new AmendListingRequestCommand(ID, GIRONDE, details("33120", "Inès Duval")))
                .expectEvents(new ListingRequestAmendedEvent(ID, GIRONDE,
                        ListingRequest.checked(details("33120", "Inès Duval"), LocalDate.of(2026, 12, 3)), NOW));
    }

    @Test
    void onlyItsGroupementDecidesOnceAndForAll() {
        fixture.given(submitted())
                .when(new AcceptListingRequestCommand(ID, LANDES, SUPPLIER))
                .expectException(NotFoundException.class).expectNoEvents();
        fixture.given(submitted())
                .when(new AcceptListingRequestCommand(ID, GIRONDE, SUPPLIER))
                .expectEvents(new ListingRequestAcceptedEvent(ID, GIRONDE, SUPPLIER, NOW));
        fixture.given(submitted(), new ListingRequestAcceptedEvent(ID, GIRONDE, SUPPLIER, NOW))
                .when(new RefuseListingRequestCommand(ID, GIRONDE, "Trop tard"))
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(submitted())
                .when(new RefuseListingRequestCommand(ID, GIRONDE, "  "))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(submitted(), new ListingRequestRefusedEvent(ID, GIRONDE, "Hors secteur", NOW))
                .when(new RequestListingChangesCommand(ID, GIRONDE, "Et si ?", NEW_KEY))
                .expectException(ConflictException.class).expectNoEvents();
    }
}
