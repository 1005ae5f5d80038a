package coop.mutua.app.web;

import coop.mutua.billing.api.FindMemberInvoicesQuery;
import coop.mutua.billing.api.FindUnpaidInvoicesQuery;
import coop.mutua.billing.api.MemberInvoiceStatus;
import coop.mutua.billing.api.MemberInvoiceView;
import coop.mutua.billing.api.UnpaidInvoices;
import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.application.NetworkWork;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.FindMemberOrderQuery;
import coop.mutua.ordering.api.FindPurchaseRoundsQuery;
import coop.mutua.ordering.api.FindSupplierOrdersQuery;
import coop.mutua.ordering.api.OrderLine;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RoundStatus;
import coop.mutua.ordering.api.SupplierOrderStatus;
import coop.mutua.ordering.api.SupplierOrderView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * What each person has to do next, for the home page: the coordinator's decisions, reported changes, receptions,
 * invoices to issue and to collect; a member's open rounds with its own order; a supplier's orders to confirm and to
 * deliver. Each step is a message with its arguments and the page where it is done, most urgent first.
 */
@Component
class NextSteps {

    /**
     * One thing to do: its message with arguments already written in the page's language, the page where it is done,
     * and whether it is urgent (a decision waits on this person, a date has passed).
     */
    public record Step(String code, List<Object> arguments, String link, boolean urgent) {
        public Object[] args() {
            return arguments.toArray();
        }
    }

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final QueryGateway queries;
    private final NetworkWork network;

    NextSteps(QueryGateway queries, NetworkWork network) {
        this.queries = queries;
        this.network = network;
    }

    List<Step> of(Actor actor, Locale locale) {
        Formats formats = new Formats(locale);
        List<Step> steps = switch (actor.role()) {
            case COORDINATOR -> coordinator(actor, formats);
            case MEMBER -> member(actor);
            case SUPPLIER -> supplier(actor);
            default -> List.of();
        };
        List<Step> sorted = new ArrayList<>();
        for (boolean urgent : new boolean[] {true, false}) {
            steps.stream().filter(step -> step.urgent() == urgent).forEach(step -> sorted.add(new Step(step.code(),
                    step.arguments().stream().map(argument -> written(argument, formats)).toList(), step.link(), step.urgent())));
        }
        return sorted;
    }

    private List<Step> coordinator(Actor actor, Formats formats) {
        List<Step> steps = new ArrayList<>();
        List<PurchaseRoundSummary> rounds = rounds(actor, EnumSet.allOf(RoundStatus.class));
        Map<RoundId, PurchaseRoundSummary> byId = rounds.stream()
                .collect(Collectors.toMap(PurchaseRoundSummary::roundId, Function.identity()));
        Map<SupplierId, String> names = supplierNames(actor);
        for (PurchaseRoundSummary round : rounds) {
            String page = "/rounds/" + round.roundId();
            if (round.failure() != null) {
                steps.add(new Step("next.round-failed", List.of(round.title()), page, true));
            }
            switch (round.status()) {
                case DRAFT -> steps.add(new Step("next.draft", List.of(round.title()), page, false));
                case OPEN -> steps.add(new Step("next.open", List.of(round.title(), round.closesAt()), page, false));
                case RECEIVED -> steps.add(new Step("next.invoice", List.of(round.title()), page + "/billing", true));
                default -> { }
            }
        }
        // Only the orders still waiting on someone (years of rounds leave thousands delivered and invoiced).
        for (SupplierOrderView order : supplierOrders(actor, null, EnumSet.of(SupplierOrderStatus.BELOW_MINIMUM, SupplierOrderStatus.SENT,
                SupplierOrderStatus.CONFIRMED))) {
            PurchaseRoundSummary round = byId.get(order.roundId());
            String title = round == null ? "" : round.title();
            String supplier = names.getOrDefault(order.supplierId(), order.supplierId().value());
            if (order.status() == SupplierOrderStatus.BELOW_MINIMUM) {
                steps.add(new Step("next.below-minimum", List.of(supplier, title, order.totalExclVat(), order.minimumOrder()),
                        "/rounds/" + order.roundId(), true));
            }
            if (order.status() == SupplierOrderStatus.SENT || order.status() == SupplierOrderStatus.CONFIRMED) {
                order.lines().stream().filter(line -> line.reported() != null).forEach(line -> steps.add(new Step(
                        "next.reported-change", List.of(supplier, line.product().name(),
                                new DefaultMessageSourceResolvable("supplier-change." + line.reported().change().name()),
                                line.reported().quantity() == null ? "" : " : " + formats.number(line.reported().quantity()),
                                line.reported().note() == null || line.reported().note().isBlank() ? "" : " — " + line.reported().note()),
                        "/supplier-orders/" + order.id(), true)));
                steps.add(new Step("next.reception", List.of(supplier, title, round == null ? LocalDate.now(PARIS) : round.deliveryDate()),
                        "/supplier-orders/" + order.id(), round != null && !round.deliveryDate().isAfter(LocalDate.now(PARIS))));
            }
        }
        UnpaidInvoices unpaid = queries.query(new FindUnpaidInvoicesQuery(actor.groupementId()),
                ResponseTypes.instanceOf(UnpaidInvoices.class)).join();
        if (unpaid.count() > 0) {
            steps.add(new Step("next.unpaid", List.of(unpaid.count(), unpaid.totalInclVat()), "/invoices", false));
        }
        int waiting = network.waitingRequests(actor.groupementId());
        if (waiting > 0) {
            steps.add(new Step("next.listing-requests", List.of(waiting), "/network/requests", true));
        }
        network.expiredCertificates(actor.groupementId(), LocalDate.now(PARIS)).forEach(expired -> steps.add(new Step(
                "next.certificate-expired", List.of(expired.supplierName(), expired.claim().certificate(), expired.claim().expiresOn()),
                expired.supplierId() == null ? "/network/" + expired.listingId() : "/suppliers/" + expired.supplierId() + "/listing", true)));
        return steps;
    }

    private List<Step> member(Actor actor) {
        List<Step> steps = new ArrayList<>();
        for (PurchaseRoundSummary round : rounds(actor, EnumSet.of(RoundStatus.OPEN))) {
            List<OrderLine> mine = order(actor, round);
            steps.add(new Step(mine.isEmpty() ? "next.order-missing" : "next.order-placed",
                    List.of(round.title(), round.closesAt(), mine.size()), "/rounds/" + round.roundId() + "/order", mine.isEmpty()));
        }
        for (PurchaseRoundSummary round : rounds(actor, EnumSet.of(RoundStatus.POOLED))) {
            if (!order(actor, round).isEmpty()) {
                steps.add(new Step("next.shares", List.of(round.title(), round.deliveryDate()), "/rounds/" + round.roundId(), false));
            }
        }
        invoices(actor, actor.memberId()).stream()
                .filter(invoice -> !invoice.creditNote() && invoice.status() == MemberInvoiceStatus.ISSUED)
                .forEach(invoice -> steps.add(new Step("next.invoice-to-pay",
                        List.of(invoice.number(), invoice.totalInclVat(), invoice.dueDate() == null ? invoice.issueDate() : invoice.dueDate()),
                        "/invoices", invoice.dueDate() != null && invoice.dueDate().isBefore(LocalDate.now(PARIS)))));
        return steps;
    }

    private List<Step> supplier(Actor actor) {
        List<Step> steps = new ArrayList<>();
        Map<RoundId, PurchaseRoundSummary> rounds = rounds(actor, EnumSet.allOf(RoundStatus.class)).stream()
                .collect(Collectors.toMap(PurchaseRoundSummary::roundId, Function.identity()));
        for (SupplierOrderView order : supplierOrders(actor, actor.supplierId(), EnumSet.of(SupplierOrderStatus.SENT,
                SupplierOrderStatus.CONFIRMED))) {
            PurchaseRoundSummary round = rounds.get(order.roundId());
            if (round == null) {
                continue;
            }
            boolean toConfirm = (order.status() == SupplierOrderStatus.SENT || order.status() == SupplierOrderStatus.CONFIRMED)
                    && order.confirmedVersion() < order.version();
            if (toConfirm) {
                steps.add(new Step("next.confirm", List.of(round.title(), order.totalExclVat(), round.deliveryDate()),
                        "/supplier-orders/" + order.id(), true));
            } else if (order.status() == SupplierOrderStatus.CONFIRMED || order.status() == SupplierOrderStatus.SENT) {
                steps.add(new Step("next.deliver", List.of(round.title(), round.deliveryDate(), round.deliveryPlace()),
                        "/supplier-orders/" + order.id(), false));
            }
        }
        return steps;
    }

    private List<OrderLine> order(Actor actor, PurchaseRoundSummary round) {
        return queries.query(new FindMemberOrderQuery(actor.groupementId(), round.roundId(), actor.memberId()),
                ResponseTypes.multipleInstancesOf(OrderLine.class)).join();
    }

    private List<PurchaseRoundSummary> rounds(Actor actor, EnumSet<RoundStatus> statuses) {
        return queries.query(new FindPurchaseRoundsQuery(actor.groupementId(), statuses),
                ResponseTypes.multipleInstancesOf(PurchaseRoundSummary.class)).join();
    }

    private List<SupplierOrderView> supplierOrders(Actor actor, SupplierId supplier, Set<SupplierOrderStatus> statuses) {
        return queries.query(new FindSupplierOrdersQuery(actor.groupementId(), null, supplier, null, false, statuses),
                ResponseTypes.multipleInstancesOf(SupplierOrderView.class)).join();
    }

    private List<MemberInvoiceView> invoices(Actor actor, MemberId member) {
        return queries.query(new FindMemberInvoicesQuery(actor.groupementId(), null, member, null),
                ResponseTypes.multipleInstancesOf(MemberInvoiceView.class)).join();
    }

    private Map<SupplierId, String> supplierNames(Actor actor) {
        return queries.query(new FindSuppliersQuery(actor.groupementId()), ResponseTypes.multipleInstancesOf(SupplierSummary.class))
                .join().stream().collect(Collectors.toMap(SupplierSummary::id, SupplierSummary::name));
    }

    /** Amounts, quantities and dates as the page's language writes them; other arguments as they are. */
    private static Object written(Object argument, Formats formats) {
        if (argument instanceof Money || argument instanceof Quantity) {
            return argument instanceof Money ? formats.money(argument) : formats.number(argument);
        }
        if (argument instanceof Instant instant) {
            return DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(instant.atZone(PARIS));
        }
        if (argument instanceof LocalDate date) {
            return DateTimeFormatter.ofPattern("dd/MM/yyyy").format(date);
        }
        return argument;
    }
}
