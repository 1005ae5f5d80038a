package coop.mutua.catalog.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import coop.mutua.catalog.api.AcceptListingRequestCommand;
import coop.mutua.catalog.api.AmendListingRequestCommand;
import coop.mutua.catalog.api.ListingChangesRequestedEvent;
import coop.mutua.catalog.api.ListingDetails;
import coop.mutua.catalog.api.ListingRequestAcceptedEvent;
import coop.mutua.catalog.api.ListingRequestAmendedEvent;
import coop.mutua.catalog.api.ListingRequestDetails;
import coop.mutua.catalog.api.ListingRequestRefusedEvent;
import coop.mutua.catalog.api.ListingRequestStatus;
import coop.mutua.catalog.api.ListingRequestSubmittedEvent;
import coop.mutua.catalog.api.RefuseListingRequestCommand;
import coop.mutua.catalog.api.RequestListingChangesCommand;
import coop.mutua.catalog.api.SubmitListingRequestCommand;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.ListingRequestId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.Siret;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A supplier's request to be listed in the network directory by one groupement (ADR 22): submitted through the public
 * form, reviewed by that groupement's coordinators, who ask for changes (the requester amends through its private link),
 * accept it (the supplier is then registered, listed and invited) or refuse it with a reason. A decided request is
 * closed. Details are checked as the listing they would make, plus the address and the person to invite.
 */
@Aggregate
public class ListingRequest {

    static final int MAX_MESSAGE = 2000;
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final Pattern KEY_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Set<ListingRequestStatus> OPEN = EnumSet.of(ListingRequestStatus.SUBMITTED, ListingRequestStatus.CHANGES_REQUESTED);

    @AggregateIdentifier
    private ListingRequestId requestId;
    private GroupementId groupementId;
    private ListingRequestStatus status;

    protected ListingRequest() {
        // for Axon
    }

    @CommandHandler
    public ListingRequest(SubmitListingRequestCommand command, Clock clock) {
        Require.present(command.requestId(), "requestId");
        Require.present(command.groupementId(), "groupementId");
        apply(new ListingRequestSubmittedEvent(command.requestId(), command.groupementId(), checked(command.details(), LocalDate.now(clock)),
                keyHash(command.keyHash()), clock.instant()));
    }

    private static String keyHash(String keyHash) {
        if (keyHash == null || !KEY_HASH.matcher(keyHash).matches()) {
            throw new IllegalArgumentException("a request's key is kept as its SHA-256, in hexadecimal");
        }
        return keyHash;
    }

    @CommandHandler
    public void handle(AmendListingRequestCommand command, Clock clock) {
        own(command.groupementId());
        if (status != ListingRequestStatus.CHANGES_REQUESTED) {
            throw new ConflictException("listing-request.not-awaiting-changes", status.name());
        }
        apply(new ListingRequestAmendedEvent(requestId, groupementId, checked(command.details(), LocalDate.now(clock)), clock.instant()));
    }

    @CommandHandler
    public void handle(RequestListingChangesCommand command, Clock clock) {
        own(command.groupementId());
        open();
        String question = Require.text(command.question(), "question", MAX_MESSAGE);
        apply(new ListingChangesRequestedEvent(requestId, groupementId, question, keyHash(command.keyHash()), clock.instant()));
    }

    @CommandHandler
    public void handle(AcceptListingRequestCommand command, Clock clock) {
        own(command.groupementId());
        open();
        apply(new ListingRequestAcceptedEvent(requestId, groupementId, Require.present(command.supplierId(), "supplierId"), clock.instant()));
    }

    @CommandHandler
    public void handle(RefuseListingRequestCommand command, Clock clock) {
        own(command.groupementId());
        open();
        apply(new ListingRequestRefusedEvent(requestId, groupementId, Require.text(command.reason(), "reason", MAX_MESSAGE), clock.instant()));
    }

    /** A request is seen only by the groupement it was sent to: to any other, it does not exist. */
    private void own(GroupementId caller) {
        if (!groupementId.equals(caller)) {
            throw new NotFoundException("listing-request", requestId);
        }
    }

    private void open() {
        if (!OPEN.contains(status)) {
            throw new ConflictException("listing-request.decided", status.name());
        }
    }

    /** The details checked as the listing they would make, and the address and person the groupement needs. */
    static ListingRequestDetails checked(ListingRequestDetails details, LocalDate today) {
        Require.present(details, "details");
        String siret = IdentityRules.siret(details.siret());
        ListingDetails listing = NetworkListing.checked(ListingId.ofSiret(new Siret(siret)), details.listing(), today);
        String street = Require.text(details.street(), "street", 200);
        String postalCode = Require.text(details.postalCode(), "postalCode", 5);
        if (!POSTAL_CODE.matcher(postalCode.strip()).matches()) {
            throw new InvalidFieldException("postalCode", "address.postal-code", "postalCode", postalCode);
        }
        String contactName = Require.text(details.contactName(), "contactName", 200);
        return new ListingRequestDetails(listing.name(), listing.siret(), listing.essFamily(), listing.labels(), listing.sector(),
                listing.categories(), street, postalCode.strip(), listing.municipality(), listing.location(), listing.deliveryDepartments(),
                listing.deliveryRadiusKm(), listing.minimumOrder(), contactName, listing.contactEmail(), listing.contactPhone(),
                listing.website(), listing.description());
    }

    @EventSourcingHandler
    void on(ListingRequestSubmittedEvent event) {
        requestId = event.requestId();
        groupementId = event.groupementId();
        status = ListingRequestStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(ListingRequestAmendedEvent event) {
        status = ListingRequestStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(ListingChangesRequestedEvent event) {
        status = ListingRequestStatus.CHANGES_REQUESTED;
    }

    @EventSourcingHandler
    void on(ListingRequestAcceptedEvent event) {
        status = ListingRequestStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ListingRequestRefusedEvent event) {
        status = ListingRequestStatus.REFUSED;
    }
}
