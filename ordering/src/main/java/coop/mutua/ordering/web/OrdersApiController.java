package coop.mutua.ordering.web;

import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.FindMemberOrderQuery;
import coop.mutua.ordering.api.FindMemberSharesQuery;
import coop.mutua.ordering.api.FindPoolingPreviewQuery;
import coop.mutua.ordering.api.MemberShare;
import coop.mutua.ordering.api.OrderLine;
import coop.mutua.ordering.api.PoolingPreview;
import coop.mutua.ordering.application.PlacingOrders;
import coop.mutua.ordering.application.RoundVisibility;
import coop.mutua.ordering.query.PoolingPreviews;
import coop.mutua.ordering.query.RoundQueries;
import coop.mutua.ordering.query.SupplierOrderQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/rounds/{roundId}")
@PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
@Tag(name = "Orders", description = "Members' orders in an open round and the live pooling preview")
class OrdersApiController {

    private final PlacingOrders placingOrders;
    private final PoolingPreviews previews;
    private final RoundQueries rounds;
    private final SupplierOrderQueries supplierOrders;

    OrdersApiController(PlacingOrders placingOrders, PoolingPreviews previews, RoundQueries rounds,
                        SupplierOrderQueries supplierOrders) {
        this.placingOrders = placingOrders;
        this.previews = previews;
        this.rounds = rounds;
        this.supplierOrders = supplierOrders;
    }

    @GetMapping("/orders/{memberId}")
    @Operation(summary = "A member's order (members: their own)")
    OrderJson get(@Parameter(hidden = true) Actor actor, @PathVariable("roundId") RoundId roundId,
                  @PathVariable("memberId") MemberId member) {
        RoundId round = round(actor, roundId);
        placingOrders.orderingMember(actor, member);
        OrderJson order = json(round, member, previews.handle(new FindMemberOrderQuery(actor.groupementId(), round, member)));
        List<MemberShare> shares = supplierOrders.handle(new FindMemberSharesQuery(actor.groupementId(), round, member));
        if (shares.isEmpty()) {
            return order;
        }
        return new OrderJson(order.roundId(), order.memberId(), order.lines(), shares.stream()
                .map(share -> new OrderJson.ShareJson(share.productId().value(), share.asked().toString(),
                        share.tolerance().toString(), share.allocated().toString(), share.change().name(),
                        share.received() == null ? null : share.received().toString(),
                        share.receptionChange() == null ? null : share.receptionChange().name()))
                .toList());
    }

    @PutMapping("/orders/{memberId}")
    @Operation(summary = "Replace all the lines of a member's order",
            description = "Quantities are positive multiples of the product's step; tolerance is how much more the "
                    + "member accepts to fill a case. An empty list withdraws the order. Repeating the request with its "
                    + "Idempotency-Key answers the first answer again and changes nothing; the key with other lines is refused (422).")
    OrderJson submit(@Parameter(hidden = true) Actor actor, @PathVariable("roundId") RoundId round,
                     @PathVariable("memberId") MemberId member, @RequestBody OrderJson body,
                     @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        // The body's lines replace the order: a body without them (null, forgotten) would empty it; "lines": [] does that.
        if (body.lines() == null) {
            throw new DomainException("field.required", "lines");
        }
        // The ids the answer carries, if sent back, must be the address's: another round's or member's is a mistake.
        if (body.roundId() != null && !sameId(body.roundId(), round.value(), () -> RoundId.of(body.roundId()).equals(round))) {
            throw new InvalidFieldException("roundId", "order.id-mismatch", "roundId", body.roundId());
        }
        if (body.memberId() != null && !sameId(body.memberId(), member.value(), () -> MemberId.of(body.memberId()).equals(member))) {
            throw new InvalidFieldException("memberId", "order.id-mismatch", "memberId", body.memberId());
        }
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < body.lines().size(); i++) {
            lines.add(line(body.lines().get(i), "lines[" + i + "]."));
        }
        if (!placingOrders.submit(actor, round, member, lines, idempotencyKey)) {
            // A retry of a request already applied: answer with the order as it stands.
            return json(round, member, previews.handle(new FindMemberOrderQuery(actor.groupementId(), round, member)));
        }
        // The order is exactly what was accepted, and the pooled preview (GET .../preview) already counts it.
        return json(round, member, lines.stream().sorted(Comparator.comparing(line -> line.productId().value()))
                .map(line -> new OrderLine(line.productId(), line.quantity(), line.tolerance() == null ? Quantity.ZERO
                        : line.tolerance()))
                .toList());
    }

    private static boolean sameId(String sent, String addressed, BooleanSupplier parsedEqual) {
        if (sent.equals(addressed)) {
            return true;
        }
        try {
            return parsedEqual.getAsBoolean();
        } catch (DomainException | IllegalArgumentException unreadable) {
            return false;
        }
    }

    @GetMapping("/preview")
    @Operation(summary = "The live pooling preview: pooled totals, cases, tiers, supplier minimums (and the member's own lines)")
    PoolingPreview preview(@Parameter(hidden = true) Actor actor, @PathVariable("roundId") RoundId roundId) {
        RoundId round = round(actor, roundId);
        return previews.handle(new FindPoolingPreviewQuery(actor.groupementId(), round,
                actor.is(Role.MEMBER) ? actor.memberId() : null));
    }

    private RoundId round(Actor actor, RoundId id) {
        return RoundVisibility.visibleRound(rounds, actor, id).roundId();
    }

    private static OrderLine line(OrderJson.OrderLineJson line, String at) {
        if (line == null) {
            throw new DomainException("field.required", at.substring(0, at.length() - 1));
        }
        if (line.productId() == null || line.productId().isBlank()) {
            throw new DomainException("field.required", at + "productId");
        }
        if (line.quantity() == null || line.quantity().isBlank()) {
            throw new DomainException("field.required", at + "quantity");
        }
        ProductId productId;
        try {
            productId = ProductId.of(line.productId());
        } catch (IllegalArgumentException malformed) {
            throw new InvalidFieldException(at + "productId", "order.not-on-offer", line.productId());
        }
        return new OrderLine(productId, Require.named(at + "quantity", () -> Quantity.of(line.quantity())),
                line.tolerance() == null || line.tolerance().isBlank() ? Quantity.ZERO
                        : Require.named(at + "tolerance", () -> Quantity.of(line.tolerance())));
    }

    private static OrderJson json(RoundId round, MemberId member, List<OrderLine> lines) {
        return new OrderJson(round.value(), member.value(), lines.stream()
                .map(line -> new OrderJson.OrderLineJson(line.productId().value(), line.quantity().toString(), line.tolerance().toString()))
                .toList());
    }
}
