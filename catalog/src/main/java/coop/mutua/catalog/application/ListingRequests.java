package coop.mutua.catalog.application;

import coop.mutua.catalog.api.AcceptListingRequestCommand;
import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.AmendListingRequestCommand;
import coop.mutua.catalog.api.FindGroupementQuery;
import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.GroupementSummary;
import coop.mutua.catalog.api.ListingRequestDetails;
import coop.mutua.catalog.api.ListingRequestStatus;
import coop.mutua.catalog.api.ListingRequestView;
import coop.mutua.catalog.api.OrderingTerms;
import coop.mutua.catalog.api.RefuseListingRequestCommand;
import coop.mutua.catalog.api.RegisterSupplierCommand;
import coop.mutua.catalog.api.RequestListingChangesCommand;
import coop.mutua.catalog.api.SubmitListingRequestCommand;
import coop.mutua.catalog.api.SupplierDetails;
import coop.mutua.catalog.api.SupplierInvitations;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.catalog.query.Gazetteer;
import coop.mutua.catalog.query.ListingRequestQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.ListingRequestId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.Siret;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.TooManyRequestsException;
import coop.mutua.platform.web.Links;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Suppliers' requests to be listed (ADR 22), from the public form to an invited supplier: submitted (at most
 * {@code mutua.network.requests-per-hour} per address), reviewed by the groupement's coordinators (asked for changes,
 * which the requester makes through the private link it was given, accepted or refused), each step mailed to whom it
 * concerns. Accepting registers the supplier in the groupement (or takes the one it has with that SIRET), lists it in the
 * network directory and invites the requester to the supplier's own login. Each answer shows the step done.
 */
@Component
public class ListingRequests {

    static final String REQUESTS = "catalog-listing-requests";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CommandGateway commands;
    private final ProjectionCatchUp catchUp;
    private final ListingRequestQueries requests;
    private final DirectoryQueries directory;
    private final UpdatingTheDirectory directoryCommands;
    private final ListingSuppliers listings;
    private final Gazetteer gazetteer;
    private final SupplierInvitations invitations;
    private final ListingRequestMails mails;
    private final Links links;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perHour;

    ListingRequests(CommandGateway commands, ProjectionCatchUp catchUp, ListingRequestQueries requests, DirectoryQueries directory,
                    UpdatingTheDirectory directoryCommands, ListingSuppliers listings, Gazetteer gazetteer, SupplierInvitations invitations,
                    ListingRequestMails mails, Links links, JdbcClient jdbc, Clock clock,
                    @Value("${mutua.network.requests-per-hour:5}") int perHour) {
        this.commands = commands;
        this.catchUp = catchUp;
        this.requests = requests;
        this.directory = directory;
        this.directoryCommands = directoryCommands;
        this.listings = listings;
        this.gazetteer = gazetteer;
        this.invitations = invitations;
        this.mails = mails;
        this.links = links;
        this.jdbc = jdbc;
        this.clock = clock;
        this.perHour = perHour;
    }

    /** A request made: its id and the key of its private link (given once, kept only as its hash). */
    public record Submitted(ListingRequestId id, String key, String link, boolean mailed) {
    }

    public Submitted submit(GroupementId groupementId, ListingRequestDetails draft, String address, Locale locale) {
        GroupementSummary groupement = groupementId == null ? null : directory.handle(new FindGroupementQuery(groupementId)).orElse(null);
        if (groupement == null) {
            throw new InvalidFieldException("groupementId", "listing-request.groupement-unknown");
        }
        ListingRequestDetails details = placed(draft);
        String who = hash(address == null ? "" : address);
        throttle(who);
        if (details.siret() != null && requests.openWithSiret(groupement.id(), details.siret().replace(" ", ""))) {
            throw new InvalidFieldException("siret", "listing-request.already-open", details.siret().replace(" ", ""));
        }
        ListingRequestId id = ListingRequestId.random();
        String key = newKey();
        commands.sendAndWait(new SubmitListingRequestCommand(id, groupement.id(), details, hash(key)));
        catchUp.await(REQUESTS, id);
        counted(who);
        String link = links.fixed(privatePath(id, key));
        boolean mailed = mails.submitted(details.contactEmail(), details.contactName(), groupement.name(), link, locale);
        mails.toCoordinators(groupement.contactEmail(), details.name(), links.fixed("/network/requests/" + id));
        return new Submitted(id, key, link, mailed);
    }

    /** The request as its requester sees it, with the key of its private link. */
    public Optional<ListingRequestView> withKey(ListingRequestId id, String key) {
        return key == null || key.isBlank() ? Optional.empty() : requests.withKey(id, hash(key));
    }

    public ListingRequestView amend(ListingRequestId id, String key, ListingRequestDetails draft) {
        ListingRequestView request = withKey(id, key).orElseThrow(() -> new NotFoundException("listing-request", id));
        commands.sendAndWait(new AmendListingRequestCommand(id, request.groupementId(), placed(draft)));
        catchUp.await(REQUESTS, id);
        GroupementSummary groupement = directory.handle(new FindGroupementQuery(request.groupementId())).orElseThrow();
        mails.toCoordinators(groupement.contactEmail(), request.details().name(), links.fixed("/network/requests/" + id));
        return withKey(id, key).orElseThrow();
    }

    /** A question asked, and the requester's new private link when it could not be mailed (to pass on by hand). */
    public record Asked(ListingRequestView request, String unmailedLink) {
    }

    public Asked askChanges(Actor actor, ListingRequestId id, String question, Locale locale) {
        ListingRequestView request = find(actor, id);
        String key = newKey();
        commands.sendAndWait(new RequestListingChangesCommand(id, actor.groupementId(), question, hash(key)));
        catchUp.await(REQUESTS, id);
        ListingRequestView asked = find(actor, id);
        String link = links.fixed(privatePath(id, key));
        boolean mailed = mails.changesRequested(request.details().contactEmail(), request.details().contactName(), request.groupementName(),
                asked.question(), link, locale);
        return new Asked(asked, mailed ? null : link);
    }

    /**
     * Registers the supplier (or takes the groupement's supplier with that SIRET), lists it, records the decision, and
     * invites the requester. Each step is one the coordinator could redo by hand: accepting again after a failure goes
     * on from where it stopped.
     */
    public Accepted accept(Actor actor, ListingRequestId id, Locale locale) {
        ListingRequestView request = find(actor, id);
        if (request.status() == ListingRequestStatus.ACCEPTED || request.status() == ListingRequestStatus.REFUSED) {
            throw new ConflictException("listing-request.decided", request.status().name());
        }
        ListingRequestDetails details = request.details();
        SupplierSummary supplier = existing(actor.groupementId(), details.siret()).orElseGet(() -> {
            SupplierId supplierId = SupplierId.random();
            String city = gazetteer.byCode(details.municipality()).map(Gazetteer.Commune::name).orElse(details.municipality());
            directoryCommands.send(new RegisterSupplierCommand(supplierId, actor.groupementId(), new SupplierDetails(details.name(),
                    details.siret(), null, details.essFamily(), new LinkedHashSet<>(details.labels().stream().map(claim -> claim.label()).toList()),
                    new Address(details.street(), details.postalCode(), city, "FR"), details.location(), details.contactEmail(),
                    new OrderingTerms(details.minimumOrder() == null ? Money.ZERO : details.minimumOrder(), Money.ZERO, Money.ZERO),
                    details.description())), supplierId);
            return existing(actor.groupementId(), details.siret()).orElseThrow();
        });
        listings.list(actor.groupementId(), supplier, new ListingDraft(details.sector(), details.categories(), details.municipality(),
                details.deliveryDepartments(), details.deliveryRadiusKm(), details.labels(), details.contactEmail(), details.contactPhone(),
                details.website(), details.description()));
        commands.sendAndWait(new AcceptListingRequestCommand(id, actor.groupementId(), supplier.id()));
        catchUp.await(REQUESTS, id);
        mails.accepted(details.contactEmail(), details.contactName(), request.groupementName(), locale);
        Optional<String> unmailed = invitations.invite(actor, supplier.id(), details.contactName(), details.contactEmail(), locale);
        return new Accepted(find(actor, id), supplier.id(), unmailed.orElse(null));
    }

    /** An accepted request, its supplier, and the invitation's link when it could not be mailed. */
    public record Accepted(ListingRequestView request, SupplierId supplierId, String invitationLink) {
    }

    public ListingRequestView refuse(Actor actor, ListingRequestId id, String reason, Locale locale) {
        ListingRequestView request = find(actor, id);
        commands.sendAndWait(new RefuseListingRequestCommand(id, actor.groupementId(), reason));
        catchUp.await(REQUESTS, id);
        ListingRequestView refused = find(actor, id);
        mails.refused(request.details().contactEmail(), request.details().contactName(), request.groupementName(),
                refused.refusalReason(), locale);
        return refused;
    }

    public ListingRequestView find(Actor actor, ListingRequestId id) {
        return requests.find(actor.groupementId(), id).orElseThrow(() -> new NotFoundException("listing-request", id));
    }

    static String privatePath(ListingRequestId id, String key) {
        return "/network/request/" + id + "?key=" + key;
    }

    private Optional<SupplierSummary> existing(GroupementId groupement, String siret) {
        String normalised = new Siret(siret).value();
        return directory.handle(new FindSuppliersQuery(groupement)).stream()
                .filter(supplier -> normalised.equals(supplier.siret())).findFirst();
    }

    /** The commune as typed, resolved by the gazetteer: its INSEE code and its point. */
    private ListingRequestDetails placed(ListingRequestDetails draft) {
        if (draft == null) {
            throw new DomainException("field.required", "details");
        }
        Gazetteer.Commune commune = gazetteer.resolve(draft.municipality())
                .orElseThrow(() -> new InvalidFieldException("municipality", "listing.municipality-unknown",
                        draft.municipality() == null ? "" : draft.municipality()));
        return new ListingRequestDetails(draft.name(), draft.siret(), draft.essFamily(), draft.labels(), draft.sector(), draft.categories(),
                draft.street(), draft.postalCode(), commune.code(), commune.point(), draft.deliveryDepartments(), draft.deliveryRadiusKm(),
                draft.minimumOrder(), draft.contactName(), draft.contactEmail(), draft.contactPhone(), draft.website(), draft.description());
    }

    /**
     * At most {@code perHour} requests stored per address and hour (the address kept as its hash; a request refused for
     * its content does not count); older rows go.
     */
    private void throttle(String who) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM listing_request_attempt WHERE sent_at < :day").param("day", Timestamp.from(now.minus(Duration.ofDays(1)))).update();
        int recent = jdbc.sql("SELECT count(*) FROM listing_request_attempt WHERE address_hash = :who AND sent_at > :hour")
                .param("who", who).param("hour", Timestamp.from(now.minus(Duration.ofHours(1)))).query(Integer.class).single();
        if (recent >= perHour) {
            throw new TooManyRequestsException("listing-request.too-many", perHour);
        }
    }

    private void counted(String who) {
        jdbc.sql("INSERT INTO listing_request_attempt (address_hash, sent_at) VALUES (:who, :at)")
                .param("who", who).param("at", Timestamp.from(clock.instant())).update();
    }

    private static String newKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
