package coop.mutua.catalog.web;

import coop.mutua.catalog.api.ListingRequestView;
import coop.mutua.catalog.application.ListingRequests;
import coop.mutua.catalog.query.ListingRequestQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.ListingRequestId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.SupplierId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Listing requests", description = "Suppliers ask a groupement to list them in the network directory; its coordinators decide")
class ListingRequestsApiController {

    private final ListingRequests requests;
    private final ListingRequestQueries queries;

    ListingRequestsApiController(ListingRequests requests, ListingRequestQueries queries) {
        this.requests = requests;
        this.queries = queries;
    }

    /** A request just made: where it stands, and its private key (given once: keep it, it opens the request). */
    record SubmittedJson(ListingRequestView request, String key, String link) {
    }

    /** A question or a reason, as the coordinator writes it. */
    record MessageJson(String text) {
    }

    /** An accepted request, the supplier it became, and the invitation's link when it could not be mailed. */
    record AcceptedJson(ListingRequestView request, SupplierId supplierId, String invitationLink) {
    }

    @PostMapping("/api/network/requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask a groupement to list a supplier (no login needed)", description = "groupementId: the groupement asked; "
            + "municipality: a commune's INSEE code or name; every label needs its certificate and an expiry date not past. At most a "
            + "few requests per address and hour. The answer's key (and link) opens the request later: it is given only once.")
    ResponseEntity<SubmittedJson> submit(@RequestBody ListingRequestForm body, @Parameter(hidden = true) HttpServletRequest request) {
        GroupementId groupement;
        try {
            groupement = body.groupementId == null || body.groupementId.isBlank() ? null : GroupementId.of(body.groupementId.strip());
        } catch (RuntimeException unreadable) {
            throw new InvalidFieldException("groupementId", "listing-request.groupement-unknown");
        }
        ListingRequests.Submitted submitted = requests.submit(groupement, body.toDetails(false), request.getRemoteAddr(),
                LocaleContextHolder.getLocale());
        ListingRequestView view = requests.withKey(submitted.id(), submitted.key()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/network/requests/" + submitted.id()))
                .body(new SubmittedJson(view, submitted.key(), submitted.link()));
    }

    @GetMapping("/api/network/requests/{id}")
    @Operation(summary = "A request, for whoever holds its key (no login needed)")
    ListingRequestView byKey(@PathVariable("id") ListingRequestId id, @RequestParam(name = "key", required = false) String key) {
        return requests.withKey(id, key).orElseThrow(() -> new NotFoundException("listing-request", id));
    }

    @PutMapping("/api/network/requests/{id}")
    @Operation(summary = "Answer the coordinator's question with corrected details (no login needed; only while changes are asked)")
    ListingRequestView amend(@PathVariable("id") ListingRequestId id, @RequestParam(name = "key", required = false) String key,
                             @RequestBody ListingRequestForm body) {
        return requests.amend(id, key, body.toDetails(false));
    }

    @GetMapping("/api/listing-requests")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "The groupement's listing requests, those waiting for a decision first")
    List<ListingRequestView> list(@Parameter(hidden = true) Actor actor) {
        return queries.of(actor.groupementId());
    }

    @GetMapping("/api/listing-requests/{id}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "One listing request of the groupement")
    ListingRequestView get(@Parameter(hidden = true) Actor actor, @PathVariable("id") ListingRequestId id) {
        return requests.find(actor, id);
    }

    @PostMapping("/api/listing-requests/{id}/changes")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Ask the requester for changes", description = "The requester is mailed the question and a new private link "
            + "(the previous one stops working); when it could not be mailed, the answer gives the link to pass on.")
    AskedJson askChanges(@Parameter(hidden = true) Actor actor, @PathVariable("id") ListingRequestId id, @RequestBody MessageJson body) {
        ListingRequests.Asked asked = requests.askChanges(actor, id, body == null ? null : body.text(), LocaleContextHolder.getLocale());
        return new AskedJson(asked.request(), asked.unmailedLink());
    }

    /** A question asked; {@code privateLink}: the requester's new link, only when it could not be mailed. */
    record AskedJson(ListingRequestView request, String privateLink) {
    }

    @PostMapping("/api/listing-requests/{id}/accept")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Accept: register the supplier (or take the one with that SIRET), list it, invite the contact person")
    AcceptedJson accept(@Parameter(hidden = true) Actor actor, @PathVariable("id") ListingRequestId id) {
        ListingRequests.Accepted accepted = requests.accept(actor, id, LocaleContextHolder.getLocale());
        return new AcceptedJson(accepted.request(), accepted.supplierId(), accepted.invitationLink());
    }

    @PostMapping("/api/listing-requests/{id}/refuse")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Refuse, with the reason the requester is told")
    ListingRequestView refuse(@Parameter(hidden = true) Actor actor, @PathVariable("id") ListingRequestId id, @RequestBody MessageJson body) {
        return requests.refuse(actor, id, body == null ? null : body.text(), LocaleContextHolder.getLocale());
    }
}
