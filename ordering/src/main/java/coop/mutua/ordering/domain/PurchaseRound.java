package coop.mutua.ordering.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.Decimals;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.CancelPurchaseRoundCommand;
import coop.mutua.ordering.api.ClosePurchaseRoundCommand;
import coop.mutua.ordering.api.ClosingTrigger;
import coop.mutua.ordering.api.CreatePurchaseRoundCommand;
import coop.mutua.ordering.api.FeeSplitPolicy;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.OpenPurchaseRoundCommand;
import coop.mutua.ordering.api.PurchaseRoundCancelledEvent;
import coop.mutua.ordering.api.PurchaseRoundClosedEvent;
import coop.mutua.ordering.api.PurchaseRoundCreatedEvent;
import coop.mutua.ordering.api.PurchaseRoundInvoicedEvent;
import coop.mutua.ordering.api.PurchaseRoundOpenedEvent;
import coop.mutua.ordering.api.PurchaseRoundPooledEvent;
import coop.mutua.ordering.api.PurchaseRoundSettledEvent;
import coop.mutua.ordering.api.RecordPoolingCommand;
import coop.mutua.ordering.api.RecordRoundInvoicedCommand;
import coop.mutua.ordering.api.RecordRoundJobFailureCommand;
import coop.mutua.ordering.api.RecordRoundSettledCommand;
import coop.mutua.ordering.api.RetryRoundJobCommand;
import coop.mutua.ordering.api.RoundJob;
import coop.mutua.ordering.api.RoundJobFailedEvent;
import coop.mutua.ordering.api.RoundJobRetriedEvent;
import coop.mutua.ordering.api.RoundStatus;
import coop.mutua.ordering.api.RoundTermsSetEvent;
import coop.mutua.ordering.api.SetRoundTermsCommand;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A purchase round: its lifecycle (the offer, the deadline and the delivery are in its events and the read model). It
 * holds the round's lifecycle only (DRAFT, OPEN, CLOSED, POOLED, INVOICED, SETTLED or CANCELLED, and a failed job's state);
 * member orders and supplier orders are aggregates of their own so that the round never becomes a hot spot. RECEIVED
 * is what its supplier orders say, so the read model derives it from theirs.
 */
@Aggregate
public class PurchaseRound {

    @AggregateIdentifier
    private RoundId roundId;
    private GroupementId groupementId;
    private RoundStatus status;
    private Instant closesAt;
    private Set<SupplierId> suppliers = Set.of();
    /** The job that failed and has not been retried or completed since (null: none). */
    private RoundJob failedJob;

    private static final BigDecimal MAX_FEE_PERCENT = new BigDecimal("50");

    protected PurchaseRound() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(CreatePurchaseRoundCommand command, Clock clock) {
        String title = Require.text(command.title(), "title", 200);
        String place = Require.text(command.deliveryPlace(), "deliveryPlace", 200);
        Require.instant(Require.present(command.closesAt(), "closesAt"), "closesAt");
        Require.date(Require.present(command.deliveryDate(), "deliveryDate"), "deliveryDate");
        Require.instant(command.opensAt(), "opensAt");
        if (!command.closesAt().isAfter(clock.instant())) {
            throw new InvalidFieldException("closesAt", "round.deadline-in-past");
        }
        if (command.opensAt() != null && !command.opensAt().isBefore(command.closesAt())) {
            throw new InvalidFieldException("opensAt", "round.opening-after-deadline");
        }
        LocalDate closingDay = LocalDate.ofInstant(command.closesAt(), RoundCalendar.ZONE);
        if (command.deliveryDate().isBefore(closingDay)) {
            throw new InvalidFieldException("deliveryDate", "round.delivery-before-deadline");
        }
        apply(new PurchaseRoundCreatedEvent(command.roundId(), Require.present(command.groupementId(), "groupementId"),
                title, command.closesAt(), command.deliveryDate(), place, command.opensAt()));
    }

    @CommandHandler
    public void handle(SetRoundTermsCommand command) {
        requireSameGroupement(command.groupementId());
        requireStatus(RoundStatus.DRAFT, "round.not-draft");
        BigDecimal fee = command.groupementFeePercent() == null ? BigDecimal.ZERO : command.groupementFeePercent();
        if (fee.signum() < 0 || fee.compareTo(MAX_FEE_PERCENT) > 0 || fee.stripTrailingZeros().scale() > 2) {
            throw new InvalidFieldException("groupementFeePercent", "round.fee-percent", Decimals.shown(fee));
        }
        apply(new RoundTermsSetEvent(roundId, groupementId, command.suppliers() == null ? Set.of() : Set.copyOf(command.suppliers()),
                command.allocationPolicy() == null ? AllocationPolicy.PRO_RATA : command.allocationPolicy(),
                command.feeSplitPolicy() == null ? FeeSplitPolicy.BY_VALUE : command.feeSplitPolicy(), fee));
    }

    @CommandHandler
    public void handle(OpenPurchaseRoundCommand command, Clock clock) {
        requireSameGroupement(command.groupementId());
        requireStatus(RoundStatus.DRAFT, "round.not-draft");
        if (!closesAt.isAfter(clock.instant())) {
            throw new DomainException("round.deadline-in-past");
        }
        List<OfferedProduct> offer = command.offer() == null ? List.of() : List.copyOf(command.offer());
        if (offer.isEmpty()) {
            throw new DomainException("round.empty-offer");
        }
        if (offer.stream().anyMatch(product -> !suppliers.contains(product.supplierId()))) {
            throw new DomainException("round.offer-outside-suppliers");
        }
        apply(new PurchaseRoundOpenedEvent(roundId, groupementId, clock.instant(), offer));
    }

    @CommandHandler
    public void handle(ClosePurchaseRoundCommand command, Clock clock) {
        requireSameGroupement(command.groupementId());
        requireStatus(RoundStatus.OPEN, "round.not-open");
        Instant now = clock.instant();
        ClosingTrigger trigger = command.trigger() == null ? ClosingTrigger.COORDINATOR : command.trigger();
        if (trigger == ClosingTrigger.DEADLINE && now.isBefore(closesAt)) {
            throw new DomainException("round.deadline-not-reached");
        }
        apply(new PurchaseRoundClosedEvent(roundId, groupementId, now, trigger));
    }

    @CommandHandler
    public void handle(RecordPoolingCommand command, Clock clock) {
        requireSameGroupement(command.groupementId());
        if (status == RoundStatus.POOLED) {
            return;
        }
        requireStatus(RoundStatus.CLOSED, "round.not-closed");
        apply(new PurchaseRoundPooledEvent(roundId, groupementId, clock.instant(), command.supplierOrders(),
                command.belowMinimum()));
    }

    @CommandHandler
    public void handle(RecordRoundJobFailureCommand command, Clock clock) {
        requireSameGroupement(command.groupementId());
        RoundJob job = Require.present(command.job(), "job");
        requireStatus(job == RoundJob.POOLING ? RoundStatus.CLOSED : RoundStatus.POOLED,
                job == RoundJob.POOLING ? "round.not-closed" : "round.not-pooled");
        String reason = command.reason() == null || command.reason().isBlank() ? "?" : command.reason().strip();
        apply(new RoundJobFailedEvent(roundId, groupementId, job, reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                Math.max(1, command.attempt()), command.nextAttemptAt(), clock.instant()));
    }

    @CommandHandler
    public void handle(RetryRoundJobCommand command, Clock clock) {
        requireSameGroupement(command.groupementId());
        if (command.job() == null || command.job() != failedJob) {
            throw new ConflictException("round.nothing-to-retry", command.job());
        }
        apply(new RoundJobRetriedEvent(roundId, groupementId, command.job(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordRoundInvoicedCommand command, Clock clock) {
        requireSameGroupement(command.groupementId());
        if (status == RoundStatus.INVOICED || status == RoundStatus.SETTLED) {
            return;
        }
        requireStatus(RoundStatus.POOLED, "round.not-pooled");
        apply(new PurchaseRoundInvoicedEvent(roundId, groupementId, command.invoices(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordRoundSettledCommand command, Clock clock) {
        requireSameGroupement(command.groupementId());
        if (status == RoundStatus.SETTLED) {
            return;
        }
        requireStatus(RoundStatus.INVOICED, "round.not-invoiced");
        apply(new PurchaseRoundSettledEvent(roundId, groupementId, clock.instant()));
    }

    @CommandHandler
    public void handle(CancelPurchaseRoundCommand command) {
        requireSameGroupement(command.groupementId());
        if (status != RoundStatus.DRAFT && status != RoundStatus.OPEN) {
            throw new ConflictException("round.not-cancellable", status);
        }
        String reason = command.reason() == null || command.reason().isBlank() ? null : Require.paragraphs(command.reason(), "reason", 1000);
        apply(new PurchaseRoundCancelledEvent(roundId, groupementId, reason));
    }

    @EventSourcingHandler
    void on(PurchaseRoundCreatedEvent event) {
        this.roundId = event.roundId();
        this.groupementId = event.groupementId();
        this.closesAt = event.closesAt();
        this.status = RoundStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(RoundTermsSetEvent event) {
        this.suppliers = event.suppliers();
    }

    @EventSourcingHandler
    void on(PurchaseRoundOpenedEvent event) {
        this.status = RoundStatus.OPEN;
    }

    @EventSourcingHandler
    void on(PurchaseRoundClosedEvent event) {
        this.status = RoundStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(PurchaseRoundPooledEvent event) {
        this.status = RoundStatus.POOLED;
        this.failedJob = null;
    }

    @EventSourcingHandler
    void on(RoundJobFailedEvent event) {
        this.failedJob = event.job();
    }

    @EventSourcingHandler
    void on(RoundJobRetriedEvent event) {
        this.failedJob = null;
    }

    @EventSourcingHandler
    void on(PurchaseRoundInvoicedEvent event) {
        this.status = RoundStatus.INVOICED;
        this.failedJob = null;
    }

    @EventSourcingHandler
    void on(PurchaseRoundSettledEvent event) {
        this.status = RoundStatus.SETTLED;
    }

    @EventSourcingHandler
    void on(PurchaseRoundCancelledEvent event) {
        this.status = RoundStatus.CANCELLED;
    }

    private void requireSameGroupement(GroupementId caller) {
        if (!groupementId.equals(caller)) {
            throw new NotFoundException("round", roundId);
        }
    }

    /** A later stage locks the earlier ones: anything else than the expected status is a conflict (409). */
    private void requireStatus(RoundStatus expected, String code) {
        if (status != expected) {
            throw new ConflictException(code, status);
        }
    }
}
