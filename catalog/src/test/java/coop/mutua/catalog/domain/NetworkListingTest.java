package coop.mutua.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.LabelClaim;
import coop.mutua.catalog.api.ListSupplierCommand;
import coop.mutua.catalog.api.ListingDetails;
import coop.mutua.catalog.api.Sector;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.SupplierListedEvent;
import coop.mutua.catalog.api.SupplierUnlistedEvent;
import coop.mutua.catalog.api.UnlistSupplierCommand;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Siret;
import coop.mutua.kernel.SupplierId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetworkListingTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    /** A SIRET with a valid Luhn key. */
    private static final String SIRET = "73282932000074";
    private static final ListingId LISTING = ListingId.ofSiret(new Siret(SIRET));
    private static final GroupementId GIRONDE = GroupementId.of("6f1e2c0a-1b2c-4d5e-8f90-a1b2c3d4e5f6");
    private static final GroupementId PAYS_BASQUE = GroupementId.of("7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
    private static final SupplierId IN_GIRONDE = SupplierId.of("0d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f60");
    private static final SupplierId IN_PAYS_BASQUE = SupplierId.of("1e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a71");

    private AggregateTestFixture<NetworkListing> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(NetworkListing.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ListingDetails details() {
        return new ListingDetails("  Savonnerie d'Insertion  ", "732 829 320 00074", EssFamily.SIAE,
                List.of(new LabelClaim(SupplierLabel.IAE, " DREETS-33-2024-117 ", LocalDate.of(2027, 6, 30))), Sector.ENTRETIEN_HYGIENE,
                List.of("Savons", "Lessives", "savons"), "33039", new GeoPoint(44.8076, -0.5514), Set.of("33", "40", "2a"), 60,
                Money.ofCents(15_000), "contact@savonnerie.example", "05 56 00 00 00", "https://savonnerie.example", "Savons à froid.");
    }

    @Test
    void aGroupementListsItsSupplierWithItsDetailsChecked() {
        ListingDetails expected = new ListingDetails("Savonnerie d'Insertion", SIRET, EssFamily.SIAE,
                List.of(new LabelClaim(SupplierLabel.IAE, "DREETS-33-2024-117", LocalDate.of(2027, 6, 30))), Sector.ENTRETIEN_HYGIENE,
                List.of("Savons", "Lessives"), "33039", new GeoPoint(44.8076, -0.5514), Set.of("33", "40", "2A"), 60,
                Money.ofCents(15_000), "contact@savonnerie.example", "05 56 00 00 00", "https://savonnerie.example", "Savons à froid.");

        fixture.givenNoPriorActivity()
                .when(new ListSupplierCommand(LISTING, GIRONDE, IN_GIRONDE, details()))
                .expectEvents(new SupplierListedEvent(LISTING, GIRONDE, IN_GIRONDE, expected, NOW));
        assertThat(expected.department()).isEqualTo("33");
    }

    /** One legal entity, one listing: a second groupement joins it; it leaves the directory when the last one withdraws. */
    @Test
    void theListingLastsWhileAGroupementListsIt() {
        SupplierListedEvent gironde = new SupplierListedEvent(LISTING, GIRONDE, IN_GIRONDE,
                NetworkListing.checked(LISTING, details(), TODAY), NOW);
        SupplierListedEvent basque = new SupplierListedEvent(LISTING, PAYS_BASQUE, IN_PAYS_BASQUE,
                NetworkListing.checked(LISTING, details(), TODAY), NOW);

        fixture.given(gironde).when(new ListSupplierCommand(LISTING, PAYS_BASQUE, IN_PAYS_BASQUE, details())).expectEvents(basque);
        fixture.given(gironde, basque).when(new UnlistSupplierCommand(LISTING, GIRONDE))
                .expectEvents(new SupplierUnlistedEvent(LISTING, GIRONDE, false, NOW));
        fixture.given(gironde, basque, new SupplierUnlistedEvent(LISTING, GIRONDE, false, NOW))
                .when(new UnlistSupplierCommand(LISTING, PAYS_BASQUE))
                .expectEvents(new SupplierUnlistedEvent(LISTING, PAYS_BASQUE, true, NOW));
        fixture.given(gironde).when(new UnlistSupplierCommand(LISTING, PAYS_BASQUE)).expectException(NotFoundException.class);
        fixture.given(gironde, new SupplierUnlistedEvent(LISTING, GIRONDE, true, NOW))
                .when(new UnlistSupplierCommand(LISTING, GIRONDE)).expectException(NotFoundException.class);
    }

    @Test
    void anotherEntitysSiretCannotBeListedUnderThisListing() {
        fixture.givenNoPriorActivity()
                .when(new ListSupplierCommand(ListingId.ofSiret(new Siret("40483304800022")), GIRONDE, IN_GIRONDE, details()))
                .expectException(InvalidFieldException.class).expectExceptionMessage("listing.siret-mismatch [" + SIRET + "]");
    }

    /** Every refusal names its field and stores nothing. */
    @Test
    void eachBadDetailIsRefusedNamingItsField() {
        LabelClaim valid = details().labels().get(0);
        refused("name", d -> with(d, "name", " "));
        refused("siret", d -> with(d, "siret", "73282932000075"));
        refused("labels[0].expiresOn", d -> withLabels(d, List.of(new LabelClaim(SupplierLabel.IAE, "X-1", TODAY.minusDays(1)))));
        refused("labels[0].certificate", d -> withLabels(d, List.of(new LabelClaim(SupplierLabel.IAE, " ", TODAY))));
        refused("labels[0].certificate", d -> withLabels(d, List.of(LabelClaim.declared(SupplierLabel.ORGANIC_AB))));
        refused("labels[0].expiresOn", d -> withLabels(d, List.of(new LabelClaim(SupplierLabel.ORGANIC_AB, "FR-BIO-01", null))));
        refused("labels[1]", d -> withLabels(d, List.of(valid, valid)));
        refused("sector", d -> new ListingDetails(d.name(), d.siret(), d.essFamily(), d.labels(), null, d.categories(), d.municipality(),
                d.location(), d.deliveryDepartments(), d.deliveryRadiusKm(), d.minimumOrder(), d.contactEmail(), d.contactPhone(),
                d.website(), d.description()));
        refused("municipality", d -> with(d, "municipality", "Bègles"));
        refused("municipality", d -> with(d, "municipality", "3303"));
        refused("deliveryDepartments", d -> new ListingDetails(d.name(), d.siret(), d.essFamily(), d.labels(), d.sector(), d.categories(),
                d.municipality(), d.location(), Set.of("Gironde"), d.deliveryRadiusKm(), d.minimumOrder(), d.contactEmail(),
                d.contactPhone(), d.website(), d.description()));
        for (String department : List.of("20", "96", "00", "975x")) {
            refused("deliveryDepartments", d -> new ListingDetails(d.name(), d.siret(), d.essFamily(), d.labels(), d.sector(), d.categories(),
                    d.municipality(), d.location(), Set.of(department), d.deliveryRadiusKm(), d.minimumOrder(), d.contactEmail(),
                    d.contactPhone(), d.website(), d.description()));
        }
        refused("deliveryRadiusKm", d -> new ListingDetails(d.name(), d.siret(), d.essFamily(), d.labels(), d.sector(), d.categories(),
                d.municipality(), d.location(), d.deliveryDepartments(), 1001, d.minimumOrder(), d.contactEmail(),
                d.contactPhone(), d.website(), d.description()));
        refused("contactEmail", d -> with(d, "contactEmail", "pas-une-adresse"));
        refused("contactPhone", d -> with(d, "contactPhone", "appelez-nous"));
        refused("website", d -> with(d, "website", "javascript:alert(1)"));
        refused("categories", d -> new ListingDetails(d.name(), d.siret(), d.essFamily(), d.labels(), d.sector(),
                IntStream.range(0, 11).mapToObj(i -> "catégorie " + i).toList(), d.municipality(), d.location(),
                d.deliveryDepartments(), d.deliveryRadiusKm(), d.minimumOrder(), d.contactEmail(), d.contactPhone(), d.website(),
                d.description()));
        refused("description", d -> with(d, "description", "x".repeat(2001)));
    }

    @Test
    void theDayACertificateExpiresItMayStillBeListed() {
        ListingDetails details = withLabels(details(), List.of(new LabelClaim(SupplierLabel.ORGANIC_AB, "FR-BIO-01 n°1", TODAY)));

        assertThat(NetworkListing.checked(LISTING, details, TODAY).labels()).hasSize(1);
        assertThatThrownBy(() -> NetworkListing.checked(LISTING, details, TODAY.plusDays(1))).isInstanceOf(InvalidFieldException.class);
    }

    private void refused(String field, UnaryOperator<ListingDetails> change) {
        assertThatThrownBy(() -> NetworkListing.checked(LISTING, change.apply(details()), TODAY)).as(field)
                .isInstanceOfSatisfying(DomainException.class, refusal -> assertThat(refusal.field()).as(field).contains(field));
        fixture.givenNoPriorActivity().when(new ListSupplierCommand(LISTING, GIRONDE, IN_GIRONDE, change.apply(details())))
                .expectNoEvents().expectException(DomainException.class);
    }

    private static ListingDetails withLabels(ListingDetails d, List<LabelClaim> labels) {
        return new ListingDetails(d.name(), d.siret(), d.essFamily(), new ArrayList<>(labels), d.sector(), d.categories(), d.municipality(),
                d.location(), d.deliveryDepartments(), d.deliveryRadiusKm(), d.minimumOrder(), d.contactEmail(), d.contactPhone(),
                d.website(), d.description());
    }

    private static ListingDetails with(ListingDetails d, String field, String value) {
        return new ListingDetails(field.equals("name") ? value : d.name(), field.equals("siret") ? value : d.siret(), d.essFamily(),
                d.labels(), d.sector(), d.categories(), field.equals("municipality") ? value : d.municipality(), d.location(),
                d.deliveryDepartments(), d.deliveryRadiusKm(), d.minimumOrder(), field.equals("contactEmail") ? value : d.contactEmail(),
                field.equals("contactPhone") ? value : d.contactPhone(), field.equals("website") ? value : d.website(),
                field.equals("description") ? value : d.description());
    }
}
