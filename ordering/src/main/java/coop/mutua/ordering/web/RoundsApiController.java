package coop.mutua.ordering.web;

import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.Page;
import coop.mutua.kernel.Paging;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.FindPurchaseRoundsQuery;
import coop.mutua.ordering.api.FindRoundOfferQuery;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RoundStatus;
import coop.mutua.ordering.api.RoundTerms;
import coop.mutua.ordering.application.CreatingRounds;
import coop.mutua.ordering.application.RoundVisibility;
import coop.mutua.ordering.application.RunningRounds;
import coop.mutua.ordering.query.RoundQueries;
import coop.mutua.platform.web.PagedLists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/rounds")
@Tag(name = "Purchase rounds", description = "Rounds of the caller's groupement")
class RoundsApiController {

    private final RoundQueries rounds;
    private final CreatingRounds creatingRounds;
    private final RunningRounds runningRounds;

    RoundsApiController(RoundQueries rounds, CreatingRounds creatingRounds, RunningRounds runningRounds) {
        this.rounds = rounds;
        this.creatingRounds = creatingRounds;
        this.runningRounds = runningRounds;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "Rounds of the caller's groupement, the latest deadline first (members do not see rounds in DRAFT), optionally "
            + "only those in the given statuses (e.g. status=RECEIVED: the rounds to invoice); one page at a time (X-Total-Count: how "
            + "many in all; Link: the first, previous, next and last pages)")
    ResponseEntity<List<RoundJson>> list(@Parameter(hidden = true) Actor actor,
                                         @Parameter(description = "Only rounds in one of these statuses (repeat the parameter for several)")
                                         @RequestParam(name = "status", required = false) Set<RoundStatus> statuses,
                                         @Parameter(description = "Page number, from 1",
                                                 schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1000000", defaultValue = "1"))
                                         @RequestParam(name = "page", required = false) Long page,
                                         @Parameter(description = "Rounds per page, 1 to 1000 (default 100)",
                                                 schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1000", defaultValue = "100"))
                                         @RequestParam(name = "size", required = false) Long size) {
        Paging paging = Paging.of(page, size);
        Set<RoundStatus> visible = EnumSet.noneOf(RoundStatus.class);
        visible.addAll(RoundVisibility.visibleTo(actor));
        if (statuses != null && !statuses.isEmpty()) {
            visible.retainAll(statuses);
        }
        if (visible.isEmpty()) {
            return PagedLists.of(new Page<>(List.of(), 0, paging));
        }
        return PagedLists.of(rounds.page(new FindPurchaseRoundsQuery(actor.groupementId(), visible), paging).map(RoundJson::of));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "One round of the caller's groupement")
    RoundJson get(@Parameter(hidden = true) Actor actor, @PathVariable("id") RoundId id) {
        return RoundJson.of(RoundVisibility.visibleRound(rounds, actor, id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Create a round in DRAFT",
            description = "Repeating the request with the same Idempotency-Key (or the same id) returns the same round. An id you "
                    + "choose (a UUID) names the round in your groupement: the round's own id, in the answer, is derived from it.")
    ResponseEntity<RoundJson> create(@Parameter(hidden = true) Actor actor, @RequestBody NewRoundJson body,
                                     @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (body.closesAt() == null) {
            throw new DomainException("field.required", "closesAt");
        }
        RoundId roundId = roundId(actor, body.id(), idempotencyKey);
        PurchaseRoundSummary round = creatingRounds.create(actor, roundId, body.title(), body.closesAt().toInstant(),
                body.deliveryDate(), body.deliveryPlace(), body.opensAt() == null ? null : body.opensAt().toInstant());
        return ResponseEntity.created(URI.create("/api/rounds/" + round.roundId())).body(RoundJson.of(round));
    }

    @PutMapping("/{id}/terms")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Set a draft round's suppliers, allocation and fee-split policies and groupement fee")
    RoundTerms setTerms(@Parameter(hidden = true) Actor actor, @PathVariable("id") RoundId id, @RequestBody RoundTermsJson body) {
        Set<SupplierId> suppliers = body.suppliers() == null ? Set.of()
                : body.suppliers().stream().map(RoundsApiController::supplierId).collect(Collectors.toSet());
        return runningRounds.setTerms(actor, id, suppliers, body.allocationPolicy(), body.feeSplitPolicy(),
                body.groupementFeePercent() == null || body.groupementFeePercent().isBlank() ? null
                        : RunningRounds.percent(body.groupementFeePercent()));
    }

    @GetMapping("/{id}/terms")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "A round's suppliers, policies and groupement fee")
    RoundTerms terms(@Parameter(hidden = true) Actor actor, @PathVariable("id") RoundId id) {
        get(actor, id);
        return runningRounds.terms(actor, id);
    }

    @PostMapping("/{id}/open")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Open a draft round: its offer is frozen at the catalog's products and prices of this moment")
    RoundJson open(@Parameter(hidden = true) Actor actor, @PathVariable("id") RoundId id) {
        runningRounds.open(actor, id);
        return get(actor, id);
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Close an open round now (the schedule closes it at its deadline anyway)",
            description = "Orders accepted before the close are in the pooling; any later submission is refused with order.round-closed.")
    RoundJson close(@Parameter(hidden = true) Actor actor, @PathVariable("id") RoundId id) {
        runningRounds.close(actor, id);
        return get(actor, id);
    }

    @PostMapping("/{id}/retry")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Start a failed pooling again (the round is POOLING_FAILED), once its cause is fixed",
            description = "Answers at once with the round back in CLOSED; the pooling runs in the background. A failed invoicing "
                    + "is started again by POST /api/rounds/{id}/invoices.")
    RoundJson retry(@Parameter(hidden = true) Actor actor, @PathVariable("id") RoundId id) {
        runningRounds.retryPooling(actor, id);
        return get(actor, id);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Cancel a round in DRAFT or OPEN")
    RoundJson cancel(@Parameter(hidden = true) Actor actor, @PathVariable("id") RoundId id,
                     @RequestBody(required = false) Map<String, String> body) {
        runningRounds.cancel(actor, id, body == null ? null : body.get("reason"));
        return get(actor, id);
    }

    @GetMapping("/{id}/offer")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "The products on offer, with the details and prices frozen when the round opened")
    List<OfferedProduct> offer(@Parameter(hidden = true) Actor actor, @PathVariable("id") RoundId id) {
        get(actor, id);
        return rounds.handle(new FindRoundOfferQuery(actor.groupementId(), id));
    }

    private static SupplierId supplierId(String id) {
        try {
            return SupplierId.of(id);
        } catch (IllegalArgumentException malformed) {
            throw new DomainException("field.id", id);
        }
    }

    /**
     * A client-chosen id (a UUID) names the round within the caller's groupement: the round's id is derived from it and the
     * groupement, so that repeating the request finds the same round, and an id another groupement used tells nothing
     * about it (issue 15: it answered "id taken"). The answer (and its Location) carries the round's id.
     */
    private static RoundId roundId(Actor actor, String id, String idempotencyKey) {
        if (id != null && !id.isBlank()) {
            String chosen;
            try {
                chosen = UUID.fromString(id.strip()).toString();
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("id", "field.id", id);
            }
            return scoped(actor.groupementId() + "/rounds/id/" + chosen);
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            return scoped(actor.groupementId() + "/" + actor.userId() + "/rounds/" + idempotencyKey);
        }
        return RoundId.random();
    }

    private static RoundId scoped(String scope) {
        return RoundId.of(UUID.nameUUIDFromBytes(scope.getBytes(StandardCharsets.UTF_8)).toString());
    }
}
