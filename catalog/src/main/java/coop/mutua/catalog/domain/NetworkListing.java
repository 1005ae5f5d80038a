package coop.mutua.catalog.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import coop.mutua.catalog.api.LabelClaim;
import coop.mutua.catalog.api.ListSupplierCommand;
import coop.mutua.catalog.api.ListingDetails;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.SupplierListedEvent;
import coop.mutua.catalog.api.SupplierUnlistedEvent;
import coop.mutua.catalog.api.UnlistSupplierCommand;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.SearchText;
import coop.mutua.kernel.Siret;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A legal entity's entry in the network directory (ADR 22), shared by the groupements that list it: each may list it
 * (its details then become the listing's), and withdraw its own listing; the entry leaves the directory when no
 * groupement lists it any more. Only what a listing shows is held here; nothing of a groupement's own dealings.
 */
@Aggregate
public class NetworkListing {

    /** The limits of the directory's table (the network directory's read model holds every event stored). */
    static final int MAX_CATEGORIES = 10;
    static final int MAX_CATEGORY = 60;
    static final int MAX_CERTIFICATE = 100;
    static final int MAX_RADIUS_KM = 1000;

    private static final Pattern COMMUNE = Pattern.compile("\\d{5}|2[AB]\\d{3}");
    /** 01 to 95 (no 20: Corsica is 2A and 2B), the overseas departments and collectivities. */
    private static final Pattern DEPARTMENT = Pattern.compile("0[1-9]|1\\d|2[1-9]|[3-8]\\d|9[0-5]|2[AB]|97[1-8]|98[4-9]");
    private static final Pattern PHONE = Pattern.compile("[0-9+() .-]{6,30}");
    private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s/$.?#][^\\s]{2,199}");

    @AggregateIdentifier
    private ListingId listingId;
    private final Set<GroupementId> listedBy = new HashSet<>();

    protected NetworkListing() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ListSupplierCommand command, Clock clock) {
        Require.present(command.groupementId(), "groupementId");
        Require.present(command.supplierId(), "supplierId");
        ListingDetails details = checked(command.listingId(), command.details(), LocalDate.now(clock));
        apply(new SupplierListedEvent(command.listingId(), command.groupementId(), command.supplierId(), details, clock.instant()));
    }

    @CommandHandler
    public void handle(UnlistSupplierCommand command, Clock clock) {
        if (!listedBy.contains(command.groupementId())) {
            throw new NotFoundException("listing", listingId);
        }
        apply(new SupplierUnlistedEvent(listingId, command.groupementId(), listedBy.size() == 1, clock.instant()));
    }

    /** The details, checked and normalised; each refusal names its field as the forms and the API show it. */
    static ListingDetails checked(ListingId listingId, ListingDetails details, LocalDate today) {
        Require.present(details, "details");
        String siret = IdentityRules.siret(details.siret());
        if (!ListingId.ofSiret(new Siret(siret)).equals(listingId)) {
            throw new InvalidFieldException("siret", "listing.siret-mismatch", siret);
        }
        List<LabelClaim> labels = labels(details.labels(), today);
        Require.present(details.sector(), "sector");
        String municipality = Require.text(details.municipality(), "municipality", 5).toUpperCase(Locale.ROOT);
        if (!COMMUNE.matcher(municipality).matches()) {
            throw new InvalidFieldException("municipality", "listing.municipality", municipality);
        }
        Set<String> departments = new LinkedHashSet<>();
        for (String department : details.deliveryDepartments()) {
            String code = department == null ? "" : department.strip().toUpperCase(Locale.ROOT);
            if (!DEPARTMENT.matcher(code).matches()) {
                throw new InvalidFieldException("deliveryDepartments", "listing.department", department);
            }
            departments.add(code);
        }
        Integer radius = details.deliveryRadiusKm();
        if (radius != null && (radius < 0 || radius > MAX_RADIUS_KM)) {
            throw new InvalidFieldException("deliveryRadiusKm", "listing.radius", radius, MAX_RADIUS_KM);
        }
        Money minimumOrder = IdentityRules.notNegative(details.minimumOrder() == null ? Money.ZERO : details.minimumOrder(), "minimumOrder");
        String phone = IdentityRules.optionalText(details.contactPhone(), "contactPhone", 30);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new InvalidFieldException("contactPhone", "listing.phone", phone);
        }
        String website = IdentityRules.optionalText(details.website(), "website", 200);
        if (website != null && !WEBSITE.matcher(website).matches()) {
            throw new InvalidFieldException("website", "listing.website", website);
        }
        return new ListingDetails(IdentityRules.name(details.name()), siret, details.essFamily(), labels, details.sector(),
                categories(details.categories()), municipality, Require.present(details.location(), "location"), departments, radius,
                minimumOrder, IdentityRules.email(details.contactEmail(), "contactEmail"), phone, website,
                IdentityRules.optionalText(details.description(), "description", 2000));
    }

    /** Each label once, each with its certificate's reference and an expiry date not yet past. */
    private static List<LabelClaim> labels(List<LabelClaim> claims, LocalDate today) {
        Set<SupplierLabel> seen = EnumSet.noneOf(SupplierLabel.class);
        List<LabelClaim> checked = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            LabelClaim claim = claims.get(i);
            String field = "labels[" + i + "]";
            if (claim == null) {
                throw new DomainException("field.required", field);
            }
            if (!seen.add(claim.label())) {
                throw new InvalidFieldException(field, "listing.label-twice", claim.label().name());
            }
            String certificate = Require.text(claim.certificate(), field + ".certificate", MAX_CERTIFICATE);
            LocalDate expiresOn = Require.date(Require.present(claim.expiresOn(), field + ".expiresOn"), field + ".expiresOn");
            if (expiresOn.isBefore(today)) {
                throw new InvalidFieldException(field + ".expiresOn", "listing.certificate-expired", claim.label().name(), expiresOn);
            }
            checked.add(new LabelClaim(claim.label(), certificate, expiresOn));
        }
        return checked;
    }

    /** Free categories: at most {@value #MAX_CATEGORIES}, each once (accents and case aside), as first written. */
    private static List<String> categories(List<String> categories) {
        Map<String, String> unique = new LinkedHashMap<>();
        for (String category : categories) {
            String text = Require.text(category, "categories", MAX_CATEGORY);
            unique.putIfAbsent(SearchText.of(text), text);
        }
        if (unique.size() > MAX_CATEGORIES) {
            throw new InvalidFieldException("categories", "listing.too-many-categories", MAX_CATEGORIES);
        }
        return List.copyOf(unique.values());
    }

    @EventSourcingHandler
    void on(SupplierListedEvent event) {
        listingId = event.listingId();
        listedBy.add(event.groupementId());
    }

    @EventSourcingHandler
    void on(SupplierUnlistedEvent event) {
        listedBy.remove(event.groupementId());
    }
}
