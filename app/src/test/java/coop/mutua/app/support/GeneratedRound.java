package coop.mutua.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.RoundScenario.Line;
import coop.mutua.app.support.RoundScenario.MemberSpec;
import coop.mutua.app.support.RoundScenario.ProductSpec;
import coop.mutua.app.support.RoundScenario.Submission;
import coop.mutua.app.support.RoundScenario.SupplierSpec;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.billing.application.InvoicingMembers;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.SupplierId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import tools.jackson.databind.JsonNode;

/**
 * Drives one {@link RoundScenario} through the REST API, from the catalog to the members' payments and credit notes, and
 * after each stage checks DOMAIN.md's invariants (and ADR 13 and 14) on what the API answers. Reads go through the API
 * too: nothing here looks at the tables.
 *
 * <p>A failure is an {@link AssertionError} that names the scenario's seed and the stage, and describes the scenario.
 * The three product defects this property found (D1 to D3) are fixed; their scenarios are examples in
 * GeneratedRoundsProperties, and no check is skipped.
 */
public final class GeneratedRound {

    private static final String PASSWORD = TestGroupements.PASSWORD;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final BigDecimal GRAM = new BigDecimal("0.001");
    private static final String FEE_KEY = "groupement-fee";

    /** What a run went through: the last stage reached, and counts of what happened (to see what the tries cover). */
    public record Outcome(String lastStage, Map<String, Integer> facts) {
    }

    private final long seed;
    private final RoundScenario scenario;
    private final Http http;
    private final TestGroupement groupement;
    private final RoundFlow flow;
    private final String coordinator;
    private String stage = "SETUP";
    private final Map<String, Integer> facts = new TreeMap<>();
    private final Options options;

    private final Map<Integer, SupplierId> supplierIds = new HashMap<>();
    private final Map<Integer, String> productIds = new HashMap<>();
    private final Map<String, ProductSpec> productsById = new HashMap<>();
    private final Map<Integer, MemberId> memberIds = new HashMap<>();
    private final Map<MemberId, MemberSpec> membersById = new HashMap<>();
    /** Position of each member's first submission (FIRST_COME order, PRO_RATA ties). */
    private final Map<MemberId, Integer> firstSubmission = new HashMap<>();
    private String round;
    /** Supplier order id by supplier index, for the suppliers the pooling made an order for. */
    private final Map<Integer, String> orderIds = new TreeMap<>();
    /** Shares at close (before any cancellation), by order id, product id and member. */
    private final Map<String, Map<String, Map<MemberId, BigDecimal>>> pooledShares = new HashMap<>();
    /** Orders that stand after the coordinator's decisions (SENT or CONFIRMED): to be received and invoiced. */
    private final List<Integer> standing = new ArrayList<>();
    private final Set<Integer> cancelled = new HashSet<>();

    /**
     * How a run goes beyond its scenario. {@code mailDown}: the application's SMTP server does not answer during the run
     * (the caller stops it). {@code settleEverything}: every member invoice ends
     * paid or credited (otherwise some may stay due, at random).
     */
    public record Options(boolean mailDown, boolean settleEverything) {
        public static final Options DEFAULT = new Options(false, false);
    }

    private GeneratedRound(RoundScenario scenario, Http http, TestGroupements groupements, Options options) {
        this.seed = scenario.seed();
        this.options = options;
        this.scenario = scenario;
        this.http = http;
        this.groupement = groupements.create("Réseau généré " + Long.toHexString(seed), scenario.regime());
        this.flow = new RoundFlow(http, groupement);
        this.coordinator = groupement.coordinator();
    }

    /** Runs the scenario of this seed on the running application; throws an AssertionError naming seed and stage. */
    public static Outcome run(long seed, int port, TestGroupements groupements) {
        return run(RoundScenario.generate(seed), port, groupements, Options.DEFAULT);
    }

    /**
     * Runs a scenario (generated, or written out for a regression example); its seed drives the later stages' choices.
     */
    public static Outcome run(RoundScenario scenario, int port, TestGroupements groupements, Options options) {
        long seed = scenario.seed();
        GeneratedRound run;
        try {
            run = new GeneratedRound(scenario, new Http(port), groupements, options);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("Generated round, scenario seed " + seed + ", stage SETUP: " + e.getMessage(), e);
        }
        try {
            run.all();
            run.fact("last stage " + run.stage);
            return new Outcome(run.stage, Map.copyOf(run.facts));
        } catch (RuntimeException | AssertionError e) {
            String replay = RoundScenario.generate(seed).equals(scenario)
                    ? "\nReplay it alone (from the repository's root): mvn -o test -pl app -am -Dsurefire.failIfNoSpecifiedTests=false"
                    + " -Dtest='GeneratedRoundsProperties#replay' -Dmutua.generated-rounds.seeds=" + seed
                    : "";
            throw new AssertionError("Generated round, scenario seed " + seed + ", stage " + run.stage + ": " + e.getMessage()
                    + replay + "\nScenario:\n" + run.scenario.describe(), e);
        }
    }

    private void all() {
        setUp();
        enter("ORDERS");
        placeOrders();
        enter("PREVIEW");
        Map<String, JsonNode> preview = checkPreview();
        enter("POOLING");
        checkPooling(preview);
        if (orderIds.isEmpty()) {
            enter("NOTHING_POOLED");
            checkNothingToInvoice();
            return;
        }
        enter("DECISIONS");
        decide();
        if (standing.isEmpty()) {
            enter("ALL_CANCELLED");
            checkNothingToInvoice();
            return;
        }
        enter("RECEPTION");
        receive();
        checkImpact();
        enter("SUPPLIER_INVOICES");
        invoiceSuppliers();
        enter("MEMBER_INVOICES");
        List<JsonNode> invoices = issueMemberInvoices();
        if (invoices == null) {
            enter("NOTHING_RECEIVED");
            return;
        }
        enter("SETTLEMENT");
        settle(invoices);
        checkImpact();
        enter("DONE");
    }

    // ------------------------------------------------------------------------------------------------------------------
    // Catalog, members, round

    private void setUp() {
        fact("regime " + scenario.regime());
        fact("allocation " + scenario.allocationPolicy());
        fact("fee split " + scenario.feeSplitPolicy());
        if (scenario.feePercent().signum() > 0) {
            fact("groupement fee");
        }
        facts.merge("suppliers", scenario.suppliers().size(), Integer::sum);
        facts.merge("products", scenario.products().size(), Integer::sum);
        facts.merge("members", scenario.members().size(), Integer::sum);
        for (SupplierSpec supplier : scenario.suppliers()) {
            Http.Reply created = http.postJson("/api/suppliers", coordinator, PASSWORD, """
                    {"name":"%s","siret":"%s","essFamily":"SCIC",
                     "address":{"street":"%d chemin des Vignes","postalCode":"33000","city":"Bordeaux"},"location":"44.7, -0.3",
                     "orderEmail":"fournisseur-%d@example.org","minimumOrder":"%s","deliveryFee":"%s","freeShippingThreshold":"%s"}"""
                    .formatted(supplier.name(), NodeRound.siret(), supplier.index() + 1, supplier.index(), money(supplier.minimumOrderCents()),
                            money(supplier.deliveryFeeCents()), money(supplier.freeShippingCents())));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            supplierIds.put(supplier.index(), SupplierId.of(created.json().get("id").asString()));
            assertThat(cents(created.json().get("minimumOrder").asString())).isEqualTo(supplier.minimumOrderCents());
        }
        for (ProductSpec product : scenario.products()) {
            String tiers = product.tiers().stream().map(t -> "{\"from\":\"%s\",\"price\":\"%s\"}"
                    .formatted(t.from().toPlainString(), t.price().toPlainString())).collect(Collectors.joining(","));
            String id = flow.product(supplierIds.get(product.supplier()), """
                    {"reference":"%s","name":"%s","category":"Épicerie","saleUnit":"%s","step":"%s","caseSize":"%s",
                     "minimumOrderQuantity":"%s","vatRate":"%s","unitPrice":"%s","tiers":[%s],"labels":[%s]}"""
                    .formatted(product.reference(), product.name(), product.saleUnit(), product.step().toPlainString(),
                            product.caseSize().toPlainString(), product.minimum().toPlainString(), product.vatRate(),
                            product.price().toPlainString(), tiers, product.index() % 3 == 0 ? "\"ORGANIC_AB\"" : ""));
            productIds.put(product.index(), id);
            productsById.put(id, product);
        }
        for (MemberSpec member : scenario.members()) {
            MemberId id = flow.member(member.name(), member.family());
            memberIds.put(member.index(), id);
            membersById.put(id, member);
        }
        List<SupplierId> suppliers = scenario.suppliers().stream().map(s -> supplierIds.get(s.index())).toList();
        round = flow.openRound("Campagne générée " + seed, scenario.allocationPolicy(), scenario.feeSplitPolicy(),
                scenario.feePercent().toPlainString(), suppliers);
        JsonNode terms = get("/api/rounds/" + round + "/terms");
        assertThat(terms.get("allocationPolicy").asString()).isEqualTo(scenario.allocationPolicy());
        assertThat(terms.get("feeSplitPolicy").asString()).isEqualTo(scenario.feeSplitPolicy());
        assertThat(status()).isEqualTo("OPEN");
    }

    private void placeOrders() {
        for (Submission submission : scenario.submissions()) {
            MemberId member = memberIds.get(submission.member());
            flow.order(round, member, submission.lines().stream().map(this::lineJson).collect(Collectors.joining(",")));
            firstSubmission.putIfAbsent(member, firstSubmission.size());
        }
        // A member reads its order back as it stands (the coordinator reads for it): the last submission, whole.
        for (MemberSpec member : scenario.members()) {
            JsonNode order = get("/api/rounds/" + round + "/orders/" + memberIds.get(member.index()));
            Map<String, String> shown = new TreeMap<>();
            order.get("lines").forEach(line -> shown.put(line.get("productId").asString(),
                    plain(line.get("quantity")) + "+" + plain(line.get("tolerance"))));
            Map<String, String> expected = new TreeMap<>();
            member.lines().forEach(line -> expected.put(productIds.get(line.product()),
                    line.quantity().toPlainString() + "+" + line.tolerance().toPlainString()));
            assertThat(shown).as("order of member %d", member.index()).isEqualTo(expected);
        }
    }

    private String lineJson(Line line) {
        return "{\"productId\":\"%s\",\"quantity\":\"%s\",\"tolerance\":\"%s\"}".formatted(productIds.get(line.product()),
                line.quantity().toPlainString(), line.tolerance().toPlainString());
    }

    // ------------------------------------------------------------------------------------------------------------------
    // Live preview and pooling

    /** What the members asked of one product, each with the position of its first submission. */
    private record Claim(MemberId member, BigDecimal asked, BigDecimal tolerance, int rank) {
    }

    private List<Claim> claims(ProductSpec product) {
        List<Claim> claims = new ArrayList<>();
        for (MemberSpec member : scenario.members()) {
            for (Line line : member.lines()) {
                if (line.product() == product.index()) {
                    MemberId id = memberIds.get(member.index());
                    claims.add(new Claim(id, line.quantity(), line.tolerance(), firstSubmission.get(id)));
                }
            }
        }
        return claims;
    }

    /** DOMAIN.md, Pooling rules 1 to 3 (as CaseRounding's Javadoc makes them precise): cases and missing to the next. */
    record Rounding(long cases, BigDecimal ordered, BigDecimal missing) {
    }

    static Rounding round(BigDecimal q, BigDecimal t, BigDecimal s, BigDecimal m) {
        BigDecimal[] division = q.divideAndRemainder(s);
        long cases = division[0].longValueExact();
        BigDecimal r = division[1];
        if (r.signum() > 0 && r.add(t).compareTo(s) >= 0) {
            cases++;
        }
        if (m.signum() > 0 && s.multiply(BigDecimal.valueOf(cases)).compareTo(m) < 0) {
            long forMinimum = m.divide(s, 0, RoundingMode.CEILING).longValueExact();
            cases = s.multiply(BigDecimal.valueOf(forMinimum)).compareTo(q.add(t)) <= 0 ? forMinimum : 0;
        }
        BigDecimal missing = r.signum() == 0 ? BigDecimal.ZERO : s.subtract(r).subtract(t).max(BigDecimal.ZERO);
        return new Rounding(cases, s.multiply(BigDecimal.valueOf(cases)), missing);
    }

    private Map<String, JsonNode> checkPreview() {
        JsonNode preview = get("/api/rounds/" + round + "/preview");
        Map<String, JsonNode> pools = new HashMap<>();
        Map<String, JsonNode> supplierPools = new HashMap<>();
        for (JsonNode supplier : preview.get("suppliers")) {
            supplierPools.put(supplier.get("supplierId").asString(), supplier);
            for (JsonNode product : supplier.get("products")) {
                pools.put(product.get("productId").asString(), product);
            }
        }
        assertThat(pools.keySet()).as("every product on offer is in the preview").isEqualTo(productsById.keySet());
        Map<Integer, Long> amounts = new HashMap<>();
        for (ProductSpec product : scenario.products()) {
            JsonNode pool = pools.get(productIds.get(product.index()));
            List<Claim> claims = claims(product);
            BigDecimal q = claims.stream().map(Claim::asked).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal t = claims.stream().map(Claim::tolerance).reduce(BigDecimal.ZERO, BigDecimal::add);
            Rounding expected = round(q, t, product.caseSize(), product.minimum());
            String what = "preview of product " + product.index();
            assertThat(dec(pool, "pooledQuantity")).as(what + ": pooled quantity").isEqualByComparingTo(q);
            assertThat(dec(pool, "pooledTolerance")).as(what + ": pooled tolerance").isEqualByComparingTo(t);
            assertThat(pool.get("cases").asLong()).as(what + ": cases (q %s, t %s)", q, t).isEqualTo(expected.cases());
            assertThat(dec(pool, "orderedQuantity")).as(what + ": ordered").isEqualByComparingTo(expected.ordered());
            assertThat(dec(pool, "missingToNextCase")).as(what + ": missing to the next case").isEqualByComparingTo(expected.missing());
            BigDecimal price = product.priceFor(expected.ordered());
            assertThat(dec(pool, "unitPrice")).as(what + ": tier price").isEqualByComparingTo(price);
            amounts.merge(product.supplier(), amountCents(price, expected.ordered()), Long::sum);
        }
        for (SupplierSpec supplier : scenario.suppliers()) {
            JsonNode pool = supplierPools.get(supplierIds.get(supplier.index()).value());
            if (pool == null) {
                assertThat(scenario.products().stream().noneMatch(p -> p.supplier() == supplier.index()))
                        .as("supplier %d with products is in the preview", supplier.index()).isTrue();
                continue;
            }
            long amount = amounts.getOrDefault(supplier.index(), 0L);
            assertThat(cents(pool.get("orderedAmount").asString())).as("preview amount of supplier %d", supplier.index()).isEqualTo(amount);
            assertThat(pool.get("minimumReached").asBoolean()).isEqualTo(amount >= supplier.minimumOrderCents());
            assertThat(pool.get("freeShipping").asBoolean()).isEqualTo(supplier.freeShippingCents() > 0 && amount >= supplier.freeShippingCents());
        }
        return pools;
    }

    private void checkPooling(Map<String, JsonNode> preview) {
        JsonNode pooled = flow.close(round);
        assertThat(pooled.get("status").asString()).as("round after close: %s", pooled).isEqualTo("POOLED");
        assertThat(flow.http().putJson("/api/rounds/" + round + "/orders/" + memberIds.get(0), coordinator, PASSWORD,
                "{\"lines\":[]}").status()).as("an order after the close is refused").isBetween(400, 499);
        Map<String, JsonNode> orders = new HashMap<>();
        flow.supplierOrders(round).forEach(order -> orders.put(order.get("supplierId").asString(), order));
        for (SupplierSpec supplier : scenario.suppliers()) {
            List<ProductSpec> asked = scenario.products().stream()
                    .filter(p -> p.supplier() == supplier.index() && !claims(p).isEmpty()).toList();
            JsonNode order = orders.remove(supplierIds.get(supplier.index()).value());
            String what = "supplier order of supplier " + supplier.index();
            if (asked.isEmpty()) {
                assertThat(order).as(what + ": none, nothing was asked").isNull();
                continue;
            }
            assertThat(order).as(what).isNotNull();
            orderIds.put(supplier.index(), order.get("id").asString());
            fact("supplier orders");
            Map<String, JsonNode> lines = new HashMap<>();
            order.get("lines").forEach(line -> lines.put(line.at("/product/id").asString(), line));
            assertThat(lines.keySet()).as(what + ": one line per product asked")
                    .isEqualTo(asked.stream().map(p -> productIds.get(p.index())).collect(Collectors.toSet()));
            long total = 0;
            Map<String, Map<MemberId, BigDecimal>> shares = new HashMap<>();
            for (ProductSpec product : asked) {
                JsonNode line = lines.get(productIds.get(product.index()));
                JsonNode pool = preview.get(productIds.get(product.index()));
                String lineWhat = what + ", product " + product.index();
                assertThat(line.get("cases").asLong()).as(lineWhat + ": cases as previewed").isEqualTo(pool.get("cases").asLong());
                assertThat(dec(line, "quantity")).as(lineWhat + ": quantity as previewed").isEqualByComparingTo(dec(pool, "orderedQuantity"));
                assertThat(dec(line, "unitPrice")).as(lineWhat + ": price as previewed").isEqualByComparingTo(dec(pool, "unitPrice"));
                assertThat(dec(line, "/demand/asked")).isEqualByComparingTo(dec(pool, "pooledQuantity"));
                assertThat(dec(line, "/demand/tolerance")).isEqualByComparingTo(dec(pool, "pooledTolerance"));
                assertThat(dec(line, "/product/caseSize")).isEqualByComparingTo(product.caseSize());
                assertThat(dec(line, "listPrice")).isEqualByComparingTo(product.price());
                assertThat(line.at("/product/vatRate").asString()).isEqualTo(product.vatRate());
                long amount = amountCents(dec(line, "unitPrice"), dec(line, "quantity"));
                assertThat(cents(line.get("amountExclVat").asString())).as(lineWhat + ": amount").isEqualTo(amount);
                total += amount;
                shares.put(productIds.get(product.index()), checkPooledShares(lineWhat, product, line));
            }
            pooledShares.put(order.get("id").asString(), shares);
            assertThat(cents(order.get("totalExclVat").asString())).as(what + ": total").isEqualTo(total);
            boolean below = total > 0 && total < supplier.minimumOrderCents();
            assertThat(order.get("belowMinimum").asBoolean()).as(what + ": below minimum").isEqualTo(below);
            assertThat(cents(order.get("minimumOrder").asString())).isEqualTo(supplier.minimumOrderCents());
            boolean free = supplier.freeShippingCents() > 0 && total >= supplier.freeShippingCents();
            assertThat(cents(order.get("deliveryFee").asString())).as(what + ": delivery fee")
                    .isEqualTo(total == 0 || free ? 0 : supplier.deliveryFeeCents());
            assertThat(order.get("status").asString()).as(what + ": status (ADR 14)")
                    .isEqualTo(total == 0 ? "CANCELLED" : below ? "BELOW_MINIMUM" : "SENT");
            if (total == 0) {
                cancelled.add(supplier.index());
                fact("supplier orders of nothing");
            }
            if (below) {
                fact("supplier orders below minimum");
            }
        }
        assertThat(orders).as("no supplier order for a supplier of nothing").isEmpty();
        checkMembersSeeTheirShares(new Random(seed * 31 + 3));
        assertThat(status()).as("round status after pooling").isEqualTo("POOLED");
    }

    /** The shares of one line at close: DOMAIN.md, Pooling rule 4 and invariant 1. Returns them by member. */
    private Map<MemberId, BigDecimal> checkPooledShares(String what, ProductSpec product, JsonNode line) {
        List<Claim> claims = claims(product);
        Map<MemberId, BigDecimal> allocated = new HashMap<>();
        for (JsonNode share : line.at("/demand/shares")) {
            MemberId member = MemberId.of(share.get("memberId").asString());
            allocated.put(member, dec(share, "allocated"));
            Claim claim = claims.stream().filter(c -> c.member().equals(member)).findFirst().orElseThrow(
                    () -> new AssertionError(what + ": a share for member " + member + " who did not ask"));
            assertThat(dec(share, "asked")).as(what + ": asked").isEqualByComparingTo(claim.asked());
            assertThat(dec(share, "tolerance")).as(what + ": tolerance").isEqualByComparingTo(claim.tolerance());
            assertThat(share.get("change").asString()).as(what + ": why").isEqualTo(change(claim.asked(), dec(share, "allocated")));
        }
        assertThat(allocated.keySet()).as(what + ": one share per member who asked")
                .isEqualTo(claims.stream().map(Claim::member).collect(Collectors.toSet()));
        BigDecimal ordered = dec(line, "quantity");
        BigDecimal unallocated = dec(line, "/demand/unallocated");
        checkSharing(what + " at close", claims, allocated, ordered, product.step(), unallocated);
        BigDecimal sum = allocated.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).as(what + ": the shares add up to the ordered quantity (invariant 1)").isEqualByComparingTo(ordered);
        return allocated;
    }

    /**
     * Sharing {@code total} (ordered at close, delivered at reception) in whole {@code unit}s between the claims:
     * everyone's quantity first (the shortfall shared by the round's policy), then the rest into tolerances (whole units
     * of them, same policy), and what no tolerance takes is {@code left} (with any part of a unit). DOMAIN.md rule 4,
     * invariants 1 and 2, ADR 13.
     */
    private void checkSharing(String what, List<Claim> claims, Map<MemberId, BigDecimal> got, BigDecimal total, BigDecimal unit,
                              BigDecimal left) {
        long units = total.divide(unit, 0, RoundingMode.FLOOR).longValueExact();
        BigDecimal belowUnit = total.subtract(unit.multiply(BigDecimal.valueOf(units)));
        BigDecimal sum = got.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum.add(left)).as(what + ": shares + unallocated == total %s", total).isEqualByComparingTo(total);
        long askedUnits = 0;
        Map<MemberId, Long> asked = new HashMap<>();
        Map<MemberId, Long> room = new HashMap<>();
        Map<MemberId, Long> parts = new HashMap<>();
        for (Claim claim : claims) {
            BigDecimal share = got.get(claim.member());
            assertThat(share.signum()).as(what + ": share of %s not negative", claim.member()).isGreaterThanOrEqualTo(0);
            assertThat(share.remainder(unit).signum()).as(what + ": share %s of %s is whole units of %s", share, claim.member(), unit)
                    .isZero();
            long a = claim.asked().divide(unit, 0, RoundingMode.UNNECESSARY).longValueExact();
            asked.put(claim.member(), a);
            room.put(claim.member(), claim.tolerance().divide(unit, 0, RoundingMode.FLOOR).longValueExact());
            parts.put(claim.member(), share.divide(unit, 0, RoundingMode.UNNECESSARY).longValueExact());
            askedUnits += a;
        }
        List<Claim> byRank = claims.stream().sorted(Comparator.comparingInt(Claim::rank)).toList();
        if (units >= askedUnits) {
            long extras = 0;
            Map<MemberId, Long> extra = new HashMap<>();
            for (Claim claim : claims) {
                long e = parts.get(claim.member()) - asked.get(claim.member());
                assertThat(e).as(what + ": %s gets at least what it asked (enough for everyone)", claim.member()).isGreaterThanOrEqualTo(0);
                assertThat(e).as(what + ": %s gets no more than its quantity + tolerance", claim.member())
                        .isLessThanOrEqualTo(room.get(claim.member()));
                extra.put(claim.member(), e);
                extras += e;
            }
            long roomUnits = room.values().stream().mapToLong(Long::longValue).sum();
            long shared = Math.min(units - askedUnits, roomUnits);
            assertThat(extras).as(what + ": tolerances take what is beyond the quantities, as far as they go").isEqualTo(shared);
            assertThat(left).as(what + ": unallocated").isEqualByComparingTo(
                    unit.multiply(BigDecimal.valueOf(units - askedUnits - shared)).add(belowUnit));
            checkPolicy(what + " (tolerances)", byRank, room, extra, shared);
        } else {
            for (Claim claim : claims) {
                assertThat(parts.get(claim.member())).as(what + ": %s gets no more than it asked (a shortfall): no tolerance "
                        + "served while a quantity is cut", claim.member()).isLessThanOrEqualTo(asked.get(claim.member()));
            }
            assertThat(left).as(what + ": nothing unallocated in a shortfall").isEqualByComparingTo(belowUnit);
            checkPolicy(what + " (shortfall)", byRank, asked, parts, units);
        }
    }

    /** FIRST_COME: served in the order of first submission. PRO_RATA: each part is the floor or the ceiling of its share. */
    private void checkPolicy(String what, List<Claim> byRank, Map<MemberId, Long> weights, Map<MemberId, Long> parts, long total) {
        if (scenario.allocationPolicy().equals("FIRST_COME")) {
            long remaining = total;
            for (Claim claim : byRank) {
                long expected = Math.min(remaining, weights.get(claim.member()));
                assertThat(parts.get(claim.member())).as(what + ": first come, member with rank %d", claim.rank()).isEqualTo(expected);
                remaining -= expected;
            }
        } else {
            long sumOfWeights = weights.values().stream().mapToLong(Long::longValue).sum();
            if (sumOfWeights == 0) {
                return;
            }
            for (Claim claim : byRank) {
                BigInteger[] exact = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights.get(claim.member())))
                        .divideAndRemainder(BigInteger.valueOf(sumOfWeights));
                long floor = exact[0].longValueExact();
                long ceiling = exact[1].signum() == 0 ? floor : floor + 1;
                assertThat(parts.get(claim.member())).as(what + ": pro rata, %s of %d by %d/%d", claim.member(), total,
                        weights.get(claim.member()), sumOfWeights).isBetween(floor, ceiling);
            }
        }
    }

    private static String change(BigDecimal asked, BigDecimal allocated) {
        int compared = allocated.compareTo(asked);
        if (compared == 0) {
            return "AS_ORDERED";
        }
        if (compared > 0) {
            return "TOLERANCE_USED";
        }
        return allocated.signum() == 0 ? "NOT_ORDERED" : "REDUCED";
    }

    /** A few members read their order with their shares: the same as the supplier orders' packing lists. */
    private void checkMembersSeeTheirShares(Random random) {
        Map<String, Map<String, JsonNode>> byMember = new HashMap<>();
        for (JsonNode order : flow.supplierOrders(round)) {
            for (JsonNode line : order.get("lines")) {
                for (JsonNode share : line.at("/demand/shares")) {
                    byMember.computeIfAbsent(share.get("memberId").asString(), m -> new HashMap<>())
                            .put(share.get("productId").asString(), share);
                }
            }
        }
        for (int i = 0; i < 3 && !scenario.members().isEmpty(); i++) {
            MemberId member = memberIds.get(random.nextInt(scenario.members().size()));
            JsonNode order = get("/api/rounds/" + round + "/orders/" + member);
            Map<String, JsonNode> expected = byMember.getOrDefault(member.value(), Map.of());
            JsonNode shares = order.get("shares");
            if (expected.isEmpty()) {
                assertThat(shares == null || shares.isNull() || shares.isEmpty()).as("member %s has no share", member).isTrue();
                continue;
            }
            assertThat(shares.size()).as("shares shown to member %s", member).isEqualTo(expected.size());
            for (JsonNode share : shares) {
                JsonNode packing = expected.get(share.get("productId").asString());
                assertThat(packing).isNotNull();
                for (String field : List.of("asked", "tolerance", "allocated", "received")) {
                    assertThat(plain(share.get(field))).as("member %s sees its %s", member, field).isEqualTo(plain(packing.get(field)));
                }
                assertThat(share.get("change").asString()).isEqualTo(packing.get("change").asString());
            }
        }
    }

    private void checkNothingToInvoice() {
        Http.Reply refused = http.postJson("/api/rounds/" + round + "/invoices", coordinator, PASSWORD, "");
        assertThat(refused.status()).as("invoicing a round with nothing to invoice: %s", refused.body()).isIn(409, 422);
        assertThat(refused.json().get("code").asString()).isEqualTo("billing.nothing-to-invoice");
        assertThat(status()).as("a round whose every supplier order was cancelled stays POOLED (ADR 14)").isEqualTo("POOLED");
    }

    // ------------------------------------------------------------------------------------------------------------------
    // Below-minimum decisions, confirmations

    private void decide() {
        Random random = new Random(seed * 31 + 4);
        boolean lockChecked = false;
        for (Map.Entry<Integer, String> entry : orderIds.entrySet()) {
            int supplier = entry.getKey();
            String id = entry.getValue();
            if (cancelled.contains(supplier)) {
                continue;
            }
            JsonNode order = flow.supplierOrder(id);
            if (order.get("status").asString().equals("BELOW_MINIMUM")) {
                if (!lockChecked) {
                    lockChecked = true;
                    assertThat(post("/api/supplier-orders/" + id + "/confirm", "").status())
                            .as("no confirmation before the coordinator's decision (ADR 14)").isEqualTo(409);
                    assertThat(post("/api/supplier-orders/" + id + "/reception", "{\"lines\":[]}").status())
                            .as("no reception before the coordinator's decision (ADR 14)").isEqualTo(409);
                }
                boolean accept = random.nextInt(10) < 6;
                fact(accept ? "below minimum: accepted" : "below minimum: cancelled");
                Http.Reply decided = post("/api/supplier-orders/" + id + (accept ? "/accept-below-minimum" : "/cancel"), "");
                assertThat(decided.status()).as(decided.body()).isEqualTo(200);
                assertThat(decided.json().get("status").asString()).isEqualTo(accept ? "SENT" : "CANCELLED");
                assertThat(post("/api/supplier-orders/" + id + "/cancel", "").status()).as("no second decision").isEqualTo(409);
                if (!accept) {
                    cancelled.add(supplier);
                    checkCancelledShares(id, flow.supplierOrder(id));
                    continue;
                }
            } else {
                assertThat(post("/api/supplier-orders/" + id + "/accept-below-minimum", "").status())
                        .as("no decision on an order that is not below its minimum").isEqualTo(409);
            }
            if (random.nextBoolean()) {
                Http.Reply confirmed = post("/api/supplier-orders/" + id + "/confirm", "");
                assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
                assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
                fact("confirmed by the supplier");
            }
            standing.add(supplier);
        }
        for (int supplier : cancelled) {
            String id = orderIds.get(supplier);
            assertThat(flow.supplierOrder(id).get("status").asString()).isEqualTo("CANCELLED");
            assertThat(post("/api/supplier-orders/" + id + "/reception", "{\"lines\":[]}").status())
                    .as("no reception of a cancelled order").isEqualTo(409);
        }
        assertThat(status()).as("round status after the decisions").isEqualTo("POOLED");
    }

    private void checkCancelledShares(String id, JsonNode order) {
        for (JsonNode line : order.get("lines")) {
            Map<MemberId, BigDecimal> atClose = pooledShares.get(id).get(line.at("/product/id").asString());
            for (JsonNode share : line.at("/demand/shares")) {
                BigDecimal before = atClose.get(MemberId.of(share.get("memberId").asString()));
                assertThat(dec(share, "allocated")).as("a cancelled order gives nothing").isEqualByComparingTo(BigDecimal.ZERO);
                assertThat(share.get("change").asString()).as("members are told why")
                        .isEqualTo(before.signum() > 0 ? "SUPPLIER_CANCELLED" : "NOT_ORDERED");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------------
    // Receptions

    private void receive() {
        Random random = new Random(seed * 31 + 5);
        List<Integer> order = new ArrayList<>(standing);
        Collections.shuffle(order, random);
        boolean invoiceLockChecked = false;
        for (int k = 0; k < order.size(); k++) {
            int supplier = order.get(k);
            String id = orderIds.get(supplier);
            JsonNode before = flow.supplierOrder(id);
            if (!invoiceLockChecked) {
                invoiceLockChecked = true;
                Http.Reply early = http.postJson("/api/supplier-orders/" + id + "/invoice", coordinator, PASSWORD, """
                        {"number":"TROP-TOT","issueDate":"%s","charges":[{"reason":"Frais","vatRate":"20","amount":"1.00"}]}"""
                        .formatted(LocalDate.now(PARIS)));
                assertThat(early.status()).as("no supplier invoice before the reception (ADR 14): %s", early.body()).isEqualTo(409);
            }
            if (random.nextInt(10) == 0) {
                // A first reception, corrected by the one after it ("recording again corrects the figures").
                record(id, deliveries(random, before));
                fact("receptions corrected");
            }
            Map<String, BigDecimal> delivered = deliveries(random, before);
            fact(delivered.isEmpty() ? "receptions: everything as ordered (no lines)" : "receptions with lines");
            JsonNode received = record(id, delivered);
            assertThat(received.get("status").asString()).as("supplier order status after its reception").isEqualTo("RECEIVED");
            for (JsonNode line : received.get("lines")) {
                String product = line.at("/product/id").asString();
                BigDecimal expected = delivered.getOrDefault(product, dec(line, "quantity"));
                String what = "reception of supplier " + supplier + ", product " + productsById.get(product).index();
                assertThat(dec(line, "/reception/delivered")).as(what + ": delivered").isEqualByComparingTo(expected);
                checkReceivedShares(what, productsById.get(product), line);
            }
            assertThat(status()).as("round status with %d of %d orders received", k + 1, order.size())
                    .isEqualTo(k + 1 == order.size() ? "RECEIVED" : "POOLED");
        }
        checkMembersSeeTheirShares(new Random(seed * 31 + 6));
    }

    /**
     * The round's impact report (read from totals the supplier orders' read model adds up, ADR 21) against the same
     * figures computed here from every share the supplier orders show: spend at the pooled price, at the list price,
     * on organic products (labelled so in the offer), per member and per supplier. (A member's own view: BillingIntegrationTest.)
     */
    private void checkImpact() {
        Set<String> organic = new HashSet<>();
        for (JsonNode product : get("/api/rounds/" + round + "/offer")) {
            for (JsonNode label : product.at("/details/labels")) {
                if (label.asString().equals("ORGANIC_AB")) {
                    organic.add(product.get("productId").asString());
                }
            }
        }
        Map<String, long[]> expected = new TreeMap<>();
        long[] total = new long[3];
        for (JsonNode order : flow.supplierOrders(round)) {
            String status = order.get("status").asString();
            if (!status.equals("RECEIVED") && !status.equals("INVOICED")) {
                continue;
            }
            for (JsonNode line : order.get("lines")) {
                BigDecimal price = dec(line, "unitPrice");
                BigDecimal list = dec(line, "listPrice");
                boolean isOrganic = organic.contains(line.at("/product/id").asString());
                for (JsonNode share : line.at("/demand/shares")) {
                    BigDecimal received = dec(share, "received");
                    if (received == null || received.signum() == 0) {
                        continue;
                    }
                    long spend = amountCents(price, received);
                    long[] sums = {spend, Math.max(spend, amountCents(list, received)), isOrganic ? spend : 0};
                    long[] member = expected.computeIfAbsent(share.get("memberId").asString(), k -> new long[3]);
                    for (int i = 0; i < 3; i++) {
                        member[i] += sums[i];
                        total[i] += sums[i];
                    }
                }
            }
        }
        fact(total[2] > 0 ? "impact with organic purchases" : "impact without organic purchases");
        JsonNode report = get("/api/rounds/" + round + "/report");
        String what = "impact report of the round (coordinator)";
        assertThat(cents(report.at("/total/spend").asString())).as(what + ": spend").isEqualTo(total[0]);
        assertThat(cents(report.at("/total/listPrice").asString())).as(what + ": at the list price").isEqualTo(total[1]);
        assertThat(cents(report.at("/total/organic").asString())).as(what + ": organic").isEqualTo(total[2]);
        Map<String, Long> rows = new TreeMap<>();
        report.get("members").forEach(row -> rows.put(row.get("id").asString(), cents(row.at("/figures/spend").asString())));
        Map<String, Long> spends = new TreeMap<>();
        expected.forEach((member, sums) -> spends.put(member, sums[0]));
        assertThat(rows).as(what + ": spend per member").isEqualTo(spends);
        long bySupplier = 0;
        for (JsonNode row : report.get("suppliers")) {
            long spend = cents(row.at("/figures/spend").asString());
            bySupplier += spend;
            assertThat(cents(row.at("/figures/ess").asString())).as(what + ": a supplier's ESS spend is all or nothing of its spend")
                    .isIn(0L, spend);
        }
        assertThat(bySupplier).as(what + ": suppliers add up").isEqualTo(total[0]);
        // Over every round (the groupement's running totals, ADR 21): the sum of every round's report, per member.
        Map<String, Long> summed = new TreeMap<>();
        for (JsonNode other : get("/api/rounds?size=1000")) {
            if (other.get("pooledAt") == null || other.get("pooledAt").isNull()) {
                continue;
            }
            get("/api/rounds/" + other.get("id").asString() + "/report").get("members")
                    .forEach(row -> summed.merge(row.get("id").asString(), cents(row.at("/figures/spend").asString()), Long::sum));
        }
        Eventually.equal(summed, () -> {
            Map<String, Long> overAll = new TreeMap<>();
            get("/api/reports/impact").get("members")
                    .forEach(row -> overAll.put(row.get("id").asString(), cents(row.at("/figures/spend").asString())));
            return overAll;
        });
    }

    /** What arrived, by product id; a product left out arrived as ordered; empty: everything did. */
    private Map<String, BigDecimal> deliveries(Random random, JsonNode order) {
        Map<String, BigDecimal> delivered = new LinkedHashMap<>();
        if (random.nextInt(4) == 0) {
            return delivered;
        }
        List<JsonNode> lines = new ArrayList<>();
        order.get("lines").forEach(lines::add);
        lines.sort(Comparator.comparing(line -> productsById.get(line.at("/product/id").asString()).index()));
        for (JsonNode line : lines) {
            ProductSpec product = productsById.get(line.at("/product/id").asString());
            BigDecimal ordered = dec(line, "quantity");
            BigDecimal step = product.step();
            int kind = random.nextInt(100);
            BigDecimal quantity;
            if (kind < 25) {
                continue;
            } else if (kind < 45) {
                quantity = ordered;
            } else if (kind < 70) {
                quantity = ordered.subtract(step.multiply(BigDecimal.valueOf(1 + random.nextInt(6)))).max(BigDecimal.ZERO);
            } else if (kind < 85) {
                quantity = ordered.add(step.multiply(BigDecimal.valueOf(1 + random.nextInt(3))));
            } else if (product.saleUnit().equals("KG") || product.saleUnit().equals("LITRE")) {
                // Weighed goods: the actual weight, to the gram.
                quantity = ordered.add(BigDecimal.valueOf(random.nextInt(2_000) - 1_000, 3)).max(BigDecimal.ZERO);
            } else {
                quantity = random.nextBoolean() ? BigDecimal.ZERO : ordered;
            }
            delivered.put(line.at("/product/id").asString(), quantity.stripTrailingZeros());
        }
        return delivered;
    }

    private JsonNode record(String order, Map<String, BigDecimal> delivered) {
        return flow.receive(order, delivered.entrySet().stream()
                .map(e -> "{\"productId\":\"%s\",\"delivered\":\"%s\"}".formatted(e.getKey(), e.getValue().toPlainString()))
                .collect(Collectors.joining(",")));
    }

    /** DOMAIN.md invariant 2 and ADR 13: shared again from what members asked, firm quantities first. */
    private void checkReceivedShares(String what, ProductSpec product, JsonNode line) {
        BigDecimal delivered = dec(line, "/reception/delivered");
        int compared = delivered.compareTo(dec(line, "quantity"));
        fact(compared < 0 ? "lines short" : compared > 0 ? "lines with a surplus" : "lines as ordered");
        if (delivered.remainder(product.step()).signum() != 0) {
            fact("lines weighed (not whole steps)");
        }
        if (dec(line, "/reception/unallocated").signum() > 0) {
            fact("lines with an explicit surplus nobody takes");
        }
        BigDecimal unit = delivered.remainder(product.step()).signum() == 0 ? product.step() : GRAM;
        List<Claim> claims = claims(product);
        Map<MemberId, BigDecimal> received = new HashMap<>();
        boolean toleranceServed = false;
        boolean firmCut = false;
        for (JsonNode share : line.at("/demand/shares")) {
            MemberId member = MemberId.of(share.get("memberId").asString());
            BigDecimal got = dec(share, "received");
            assertThat(got).as(what + ": %s has a received quantity", member).isNotNull();
            received.put(member, got);
            BigDecimal asked = dec(share, "asked");
            toleranceServed |= got.compareTo(asked) > 0;
            firmCut |= got.compareTo(asked) < 0;
            assertThat(share.get("receptionChange").asString()).as(what + ": why it changed")
                    .isEqualTo(change(dec(share, "allocated"), got));
        }
        assertThat(toleranceServed && firmCut).as(what + ": no member's tolerance served while another's firm quantity is cut "
                + "(invariant 2) %s", received).isFalse();
        checkSharing(what, claims, received, delivered, unit, dec(line, "/reception/unallocated"));
    }

    // ------------------------------------------------------------------------------------------------------------------
    // Supplier invoices

    /** A supplier invoice as sent; {@code vat} null: not stated. */
    private record Bill(String number, boolean creditNote, List<BillLine> lines, List<BillCharge> charges, Map<String, Long> vat) {
    }

    /** {@code amountCents} null: left out (quantity x price). */
    private record BillLine(String productId, BigDecimal quantity, BigDecimal unitPrice, Long amountCents) {
        long amount() {
            return amountCents != null ? amountCents : GeneratedRound.amountCents(unitPrice, quantity);
        }
    }

    private record BillCharge(String reason, String rate, long cents) {
    }

    private final Map<String, List<Bill>> bills = new HashMap<>();

    private void invoiceSuppliers() {
        Random random = new Random(seed * 31 + 7);
        boolean receptionLockChecked = false;
        for (int supplier : standing) {
            String id = orderIds.get(supplier);
            JsonNode order = flow.supplierOrder(id);
            Bill bill = bill(random, supplier, order);
            if (random.nextInt(10) == 0) {
                // A first version, replaced by the corrected invoice under the same number.
                send(id, new Bill(bill.number(), false, bill.lines(), bill.charges(), null), order);
                fact("supplier invoices corrected");
            }
            send(id, bill, order);
            List<Bill> sent = new ArrayList<>(List.of(bill));
            if (random.nextInt(100) < 15) {
                Bill credit = creditNote(random, supplier, order);
                if (credit != null) {
                    fact("supplier credit notes");
                    send(id, credit, order);
                    sent.add(credit);
                }
            }
            bills.put(id, sent);
            // Read right after the invoice's 201: the request waited for the order's projection too (ADR 5).
            String invoicedStatus = flow.supplierOrder(id).get("status").asString();
            assertThat(invoicedStatus).as("supplier order status once invoiced (ADR 14)").isEqualTo("INVOICED");
            Http.Reply listed = http.get("/api/supplier-orders/" + id + "/invoices", coordinator, PASSWORD);
            assertThat(listed.json().size()).as("the order's invoices (a correction replaces its first version)").isEqualTo(sent.size());
            if (!receptionLockChecked) {
                receptionLockChecked = true;
                assertThat(post("/api/supplier-orders/" + id + "/reception", "{\"lines\":[]}").status())
                        .as("no reception once invoiced (ADR 14)").isEqualTo(409);
            }
        }
        assertThat(status()).as("round status once its suppliers have invoiced").isEqualTo("RECEIVED");
    }

    private Bill bill(Random random, int supplier, JsonNode order) {
        List<BillLine> lines = new ArrayList<>();
        List<JsonNode> orderLines = sortedLines(order);
        for (JsonNode line : orderLines) {
            BigDecimal delivered = dec(line, "/reception/delivered");
            if (delivered.signum() > 0) {
                lines.add(new BillLine(line.at("/product/id").asString(), delivered, dec(line, "unitPrice"), null));
            }
        }
        if (lines.isEmpty()) {
            // Nothing arrived: the supplier invoices nothing (lines of nothing, so that the order has its invoice).
            orderLines.forEach(line -> lines.add(new BillLine(line.at("/product/id").asString(), BigDecimal.ZERO, dec(line, "unitPrice"), null)));
            return new Bill("F-" + supplier + "-" + Long.toHexString(seed), false, lines, List.of(), Map.of());
        }
        List<BillCharge> charges = new ArrayList<>();
        long fee = cents(order.get("deliveryFee").asString());
        int feeKind = random.nextInt(10);
        if (feeKind < 7 && fee > 0) {
            charges.add(new BillCharge("Livraison", "20", fee));
        } else if (feeKind == 8) {
            charges.add(new BillCharge("Livraison", "20", 500 + random.nextInt(1_500)));
        }
        int kind = random.nextInt(100);
        int pick = random.nextInt(lines.size());
        BillLine picked = lines.get(pick);
        if (kind < 12) {
            BigDecimal price = picked.unitPrice().add(BigDecimal.valueOf(random.nextInt(41) - 20, 2)).max(new BigDecimal("0.01"));
            lines.set(pick, new BillLine(picked.productId(), picked.quantity(), price, null));
        } else if (kind < 22) {
            BigDecimal step = productsById.get(picked.productId()).step();
            BigDecimal quantity = random.nextBoolean() ? picked.quantity().add(step) : picked.quantity().subtract(step).max(BigDecimal.ZERO);
            lines.set(pick, new BillLine(picked.productId(), quantity, picked.unitPrice(), null));
        } else if (kind < 30 && lines.size() > 1) {
            lines.remove(pick);
        } else if (kind < 38) {
            lines.set(pick, new BillLine(picked.productId(), picked.quantity(), picked.unitPrice(),
                    Math.max(0, picked.amount() + random.nextInt(61) - 30)));
        }
        if (random.nextInt(4) == 0) {
            String rate = productsById.get(lines.get(random.nextInt(lines.size())).productId()).vatRate();
            charges.add(new BillCharge("Remise", rate, -(50 + random.nextInt(450))));
        }
        Map<String, Long> vat = vatOf(lines, charges);
        int vatKind = random.nextInt(100);
        if (vatKind < 6) {
            vat = null;
        } else if (vatKind < 12) {
            String rate = vat.keySet().stream().sorted().toList().get(random.nextInt(vat.size()));
            vat.merge(rate, (long) (random.nextBoolean() ? 1 + random.nextInt(5) : -1 - random.nextInt(5)), Long::sum);
        }
        return new Bill("F-" + supplier + "-" + Long.toHexString(seed), false, lines, charges, vat);
    }

    /** A credit note refunding part of a line that arrived (or the delivery fee), its VAT as it should be. */
    private Bill creditNote(Random random, int supplier, JsonNode order) {
        List<BillLine> lines = new ArrayList<>();
        List<BillCharge> charges = new ArrayList<>();
        List<JsonNode> arrived = sortedLines(order).stream().filter(line -> dec(line, "/reception/delivered").signum() > 0).toList();
        if (arrived.isEmpty()) {
            return null;
        }
        if (random.nextInt(3) == 0) {
            charges.add(new BillCharge("Geste commercial", "20", 100 + random.nextInt(900)));
        } else {
            JsonNode line = arrived.get(random.nextInt(arrived.size()));
            BigDecimal step = productsById.get(line.at("/product/id").asString()).step();
            lines.add(new BillLine(line.at("/product/id").asString(), step.min(dec(line, "/reception/delivered")), dec(line, "unitPrice"), null));
        }
        return new Bill("AV-" + supplier + "-" + Long.toHexString(seed), true, lines, charges, vatOf(lines, charges));
    }

    private Map<String, Long> vatOf(List<BillLine> lines, List<BillCharge> charges) {
        return vatOfBases(basesOf(lines, charges));
    }

    private static Map<String, Long> vatOfBases(Map<String, Long> bases) {
        Map<String, Long> vat = new TreeMap<>();
        bases.forEach((rate, base) -> vat.put(rate, vatOn(base, rate)));
        return vat;
    }

    /** A supplier invoice's amount excl. VAT per rate: its lines (at their product's rate) and its charges. */
    private Map<String, Long> basesOf(List<BillLine> lines, List<BillCharge> charges) {
        Map<String, Long> bases = new TreeMap<>();
        for (BillLine line : lines) {
            bases.merge(productsById.get(line.productId()).vatRate(), line.amount(), Long::sum);
        }
        charges.forEach(charge -> bases.merge(charge.rate(), charge.cents(), Long::sum));
        return bases;
    }

    private void send(String orderId, Bill bill, JsonNode order) {
        String lines = bill.lines().stream().map(line -> "{\"productId\":\"%s\",\"quantity\":\"%s\",\"unitPrice\":\"%s\"%s}"
                .formatted(line.productId(), line.quantity().toPlainString(), line.unitPrice().toPlainString(),
                        line.amountCents() == null ? "" : ",\"amount\":\"" + money(line.amountCents()) + "\""))
                .collect(Collectors.joining(","));
        String charges = bill.charges().stream().map(c -> "{\"reason\":\"%s\",\"vatRate\":\"%s\",\"amount\":\"%s\"}"
                .formatted(c.reason(), c.rate(), money(c.cents()))).collect(Collectors.joining(","));
        String vat = bill.vat() == null ? "" : ",\"vat\":[" + bill.vat().entrySet().stream()
                .map(e -> "{\"rate\":\"%s\",\"amount\":\"%s\"}".formatted(e.getKey(), money(e.getValue()))).collect(Collectors.joining(",")) + "]";
        JsonNode recorded = flow.invoice(orderId, """
                {"number":"%s","issueDate":"%s","creditNote":%s,"lines":[%s],"charges":[%s]%s}"""
                .formatted(bill.number(), LocalDate.now(PARIS), bill.creditNote(), lines, charges, vat));
        String what = "supplier " + (bill.creditNote() ? "credit note " : "invoice ") + bill.number();
        List<String> expected = differences(bill, order);
        List<String> actual = new ArrayList<>();
        recorded.get("differences").forEach(d -> actual.add(d.get("kind").asString() + ":"
                + (d.get("productId") != null && !d.get("productId").isNull() ? d.get("productId").asString() : d.get("vatRate").asString())));
        assertThat(actual).as(what + ": three-way match").containsExactlyInAnyOrderElementsOf(expected);
        long base = basesOf(bill.lines(), bill.charges()).values().stream().mapToLong(Long::longValue).sum();
        long vatTotal = bill.vat() == null ? 0 : bill.vat().values().stream().mapToLong(Long::longValue).sum();
        assertThat(cents(recorded.get("totalExclVat").asString())).as(what + ": total excl. VAT").isEqualTo(base);
        assertThat(cents(recorded.get("vatTotal").asString())).as(what + ": VAT").isEqualTo(vatTotal);
        assertThat(cents(recorded.get("totalInclVat").asString())).as(what + ": total").isEqualTo(base + vatTotal);
        assertThat(recorded.get("status").asString()).as(what + ": status").isEqualTo(expected.isEmpty() ? "MATCHED" : "TO_REVIEW");
        fact(expected.isEmpty() ? "supplier invoices matched" : "supplier invoices with differences, accepted");
        if (!expected.isEmpty()) {
            Http.Reply accepted = post("/api/supplier-invoices/" + recorded.get("id").asString() + "/accept",
                    "{\"note\":\"Écarts acceptés\"}");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
        }
    }

    /** The three-way match as DOMAIN.md and ThreeWayMatch's Javadoc describe it, as "KIND:product or rate". */
    private List<String> differences(Bill bill, JsonNode order) {
        List<String> differences = new ArrayList<>();
        Map<String, JsonNode> ordered = new HashMap<>();
        order.get("lines").forEach(line -> ordered.put(line.at("/product/id").asString(), line));
        Set<String> invoiced = new HashSet<>();
        for (BillLine line : bill.lines()) {
            invoiced.add(line.productId());
            if (line.amount() != amountCents(line.unitPrice(), line.quantity())) {
                differences.add("LINE_AMOUNT:" + line.productId());
            }
            if (bill.creditNote()) {
                continue;
            }
            JsonNode orderLine = ordered.get(line.productId());
            int quantity = line.quantity().compareTo(dec(orderLine, "/reception/delivered"));
            if (quantity != 0) {
                differences.add((quantity > 0 ? "MORE_THAN_RECEIVED:" : "LESS_THAN_RECEIVED:") + line.productId());
            }
            if (line.unitPrice().compareTo(dec(orderLine, "unitPrice")) != 0) {
                differences.add("PRICE:" + line.productId());
            }
        }
        if (!bill.creditNote()) {
            ordered.forEach((product, line) -> {
                if (!invoiced.contains(product) && dec(line, "/reception/delivered").signum() != 0) {
                    differences.add("NOT_INVOICED:" + product);
                }
            });
        }
        Map<String, Long> expectedVat = vatOfBases(basesOf(bill.lines(), bill.charges()));
        for (String rate : RoundScenario.RATES) {
            long stated = bill.vat() == null ? 0 : bill.vat().getOrDefault(rate, 0L);
            if (expectedVat.getOrDefault(rate, 0L) != stated) {
                differences.add("VAT:" + rate);
            }
        }
        return differences;
    }

    private List<JsonNode> sortedLines(JsonNode order) {
        List<JsonNode> lines = new ArrayList<>();
        order.get("lines").forEach(lines::add);
        lines.sort(Comparator.comparing(line -> productsById.get(line.at("/product/id").asString()).index()));
        return lines;
    }

    // ------------------------------------------------------------------------------------------------------------------
    // Member invoices

    /** Issues the member invoices and checks them; null when there is nothing to invoice (nothing arrived). */
    private List<JsonNode> issueMemberInvoices() {
        // What was received, by supplier order, product and member; the supplier invoices as recorded.
        Map<String, Map<String, Map<MemberId, BigDecimal>>> received = new HashMap<>();
        Map<String, JsonNode> ordersById = new HashMap<>();
        for (int supplier : standing) {
            JsonNode order = flow.supplierOrder(orderIds.get(supplier));
            assertThat(order.get("status").asString()).isEqualTo("INVOICED");
            ordersById.put(order.get("id").asString(), order);
            Map<String, Map<MemberId, BigDecimal>> byProduct = new HashMap<>();
            for (JsonNode line : order.get("lines")) {
                Map<MemberId, BigDecimal> shares = new HashMap<>();
                line.at("/demand/shares").forEach(share -> shares.put(MemberId.of(share.get("memberId").asString()), dec(share, "received")));
                byProduct.put(line.at("/product/id").asString(), shares);
            }
            received.put(order.get("id").asString(), byProduct);
        }
        Map<String, List<JsonNode>> supplierInvoices = new HashMap<>();
        for (JsonNode invoice : get("/api/rounds/" + round + "/supplier-invoices")) {
            assertThat(invoice.get("status").asString()).isIn("MATCHED", "ACCEPTED");
            supplierInvoices.computeIfAbsent(invoice.get("supplierOrderId").asString(), k -> new ArrayList<>()).add(invoice);
        }
        assertThat(supplierInvoices.keySet()).isEqualTo(ordersById.keySet());
        for (Map.Entry<String, List<JsonNode>> entry : supplierInvoices.entrySet()) {
            assertThat(entry.getValue().size()).isEqualTo(bills.get(entry.getKey()).size());
        }

        // Who is invoiced: every member with a part of a supplier invoice (InvoiceSplit).
        Set<MemberId> expectedMembers = new HashSet<>();
        supplierInvoices.forEach((orderId, list) -> {
            Map<String, Map<MemberId, BigDecimal>> byProduct = received.get(orderId);
            for (JsonNode invoice : list) {
                if (!invoice.get("lines").isEmpty()) {
                    invoice.get("lines").forEach(line -> byProduct.getOrDefault(line.get("productId").asString(), Map.of())
                            .forEach((member, quantity) -> {
                                if (quantity.signum() > 0) {
                                    expectedMembers.add(member);
                                }
                            }));
                } else {
                    byProduct.values().forEach(shares -> shares.forEach((member, quantity) -> {
                        if (quantity.signum() > 0) {
                            expectedMembers.add(member);
                        }
                    }));
                }
            }
        });
        if (expectedMembers.isEmpty()) {
            Http.Reply refused = post("/api/rounds/" + round + "/invoices", "");
            assertThat(refused.status()).as("nothing arrived, nothing to invoice: %s", refused.body()).isIn(409, 422);
            assertThat(refused.json().get("code").asString()).isEqualTo("billing.nothing-to-invoice");
            assertThat(status()).as("a round received with nothing in it").isEqualTo("RECEIVED");
            return null;
        }
        JsonNode progress = flow.issueMemberInvoices(round);
        assertThat(progress.get("status").asString()).as("invoicing job: %s (round %s)", progress, flow.round(round)).isEqualTo("COMPLETED");
        flow.waitFor(round, "INVOICED");
        List<JsonNode> invoices = flow.memberInvoices(round);
        Set<MemberId> invoiced = invoices.stream().map(i -> MemberId.of(i.get("memberId").asString())).collect(Collectors.toSet());
        assertThat(invoiced).as("one invoice per member with something to pay").isEqualTo(expectedMembers);
        assertThat(invoices.size()).as("one invoice per member").isEqualTo(invoiced.size());
        facts.merge("member invoices", invoices.size(), Integer::sum);

        // Numbers: the groupement's series from 1, in the order of the members' names (InvoicingMembers's order).
        int year = LocalDate.parse(invoices.get(0).get("issueDate").asString()).getYear();
        List<JsonNode> byNumber = new ArrayList<>(invoices);
        byNumber.sort(Comparator.comparing(i -> i.get("number").asString()));
        List<String> names = byNumber.stream().map(i -> membersById.get(MemberId.of(i.get("memberId").asString())).name()).toList();
        assertThat(names).as("invoices numbered in the order of the members' names").isSortedAccordingTo(Comparator.naturalOrder());
        for (int i = 0; i < byNumber.size(); i++) {
            assertThat(byNumber.get(i).get("number").asString()).as("gap-free series (invariant 4)").isEqualTo("%d-%05d", year, i + 1);
        }

        Map<String, String> productOrder = new HashMap<>();
        ordersById.forEach((orderId, order) -> order.get("lines").forEach(line -> productOrder.put(line.at("/product/id").asString(), orderId)));
        Map<String, String> supplierNames = new HashMap<>();
        ordersById.forEach((orderId, order) -> supplierNames.put(orderId, scenario.suppliers().stream()
                .filter(s -> supplierIds.get(s.index()).value().equals(order.get("supplierId").asString())).findFirst().orElseThrow().name()));
        for (JsonNode invoice : invoices) {
            checkMemberInvoice(invoice, received, productOrder);
        }
        checkMoney(invoices, supplierInvoices, productOrder, supplierNames);

        assertThat(post("/api/rounds/" + round + "/invoices", "").status()).as("the round is invoiced once").isEqualTo(409);
        String anOrder = orderIds.get(standing.get(0));
        Http.Reply late = http.postJson("/api/supplier-orders/" + anOrder + "/invoice", coordinator, PASSWORD, """
                {"number":"TARD","issueDate":"%s","charges":[{"reason":"Frais","vatRate":"20","amount":"1.00"}]}""".formatted(LocalDate.now(PARIS)));
        assertThat(late.status()).as("no supplier invoice once the members are invoiced: %s", late.body()).isEqualTo(409);
        for (int supplier : cancelled) {
            assertThat(flow.supplierOrder(orderIds.get(supplier)).get("status").asString()).isEqualTo("CANCELLED");
        }
        return invoices;
    }

    /**
     * The invoice's file is its own (the files of a chunk are rendered in parallel): the PDF states its number and its
     * buyer, and the embedded Factur-X XML its number.
     */
    private void checkInvoiceFile(JsonNode invoice, String what) {
        String id = invoice.get("id").asString();
        String number = invoice.get("number").asString();
        byte[] pdf = http.getBytes("/api/member-invoices/" + id + "/pdf", coordinator, PASSWORD);
        String text;
        try (PDDocument file = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(file).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(text).as(what + ": its PDF").contains("n° " + number)
                .contains(invoice.at("/document/parties/buyer/name").asString().replaceAll("\\s+", " "));
        String xml = new String(http.getBytes("/api/member-invoices/" + id + "/facturx", coordinator, PASSWORD), StandardCharsets.UTF_8);
        assertThat(xml).as(what + ": its Factur-X XML").contains("<ram:ID>" + number + "</ram:ID>");
    }

    /** One member invoice: its lines (what the member received), the groupement fee, the VAT and the totals. */
    private void checkMemberInvoice(JsonNode invoice, Map<String, Map<String, Map<MemberId, BigDecimal>>> received,
                                    Map<String, String> productOrder) {
        MemberId member = MemberId.of(invoice.get("memberId").asString());
        String what = "invoice " + invoice.get("number").asString() + " of member " + membersById.get(member).index();
        JsonNode document = invoice.get("document");
        JsonNode draft = document.get("draft");
        boolean registered = scenario.regime() == VatRegime.REGISTERED;
        assertThat(invoice.get("creditNote").asBoolean()).isFalse();
        assertThat(invoice.get("status").asString()).isEqualTo("ISSUED");
        assertThat(document.at("/sale/roundId").asString()).isEqualTo(round);
        assertThat(document.at("/parties/buyer/name").asString()).isEqualTo(membersById.get(member).name());
        assertThat(document.at("/parties/sellerRegime").asString()).isEqualTo(scenario.regime().name());
        checkInvoiceFile(invoice, what);
        assertThat(LocalDate.parse(invoice.get("dueDate").asString()))
                .isEqualTo(LocalDate.parse(invoice.get("issueDate").asString()).plusDays(30));
        long items = 0;
        long purchases = 0;
        Long fee = null;
        Map<String, Long> bases = new TreeMap<>();
        for (JsonNode item : draft.get("items")) {
            long amount = item.get("amountCents").asLong();
            BigDecimal quantity = dec(item, "quantity");
            BigDecimal netPrice = new BigDecimal(item.get("netPrice").asString());
            assertThat(Math.abs(amount)).as(what + ": |amount| == quantity x net price").isEqualTo(amountCents(netPrice, quantity));
            String rate = item.get("rate") == null || item.get("rate").isNull() ? null : item.get("rate").asString();
            items += amount;
            if (FEE_KEY.equals(item.get("productKey").asString())) {
                assertThat(fee).as(what + ": one fee line").isNull();
                fee = amount;
                assertThat(rate).as(what + ": fee VAT").isEqualTo(registered ? "20" : null);
            } else {
                String product = item.get("productKey").asString();
                purchases += amount;
                BigDecimal got = received.get(productOrder.get(product)).get(product).get(member);
                assertThat(quantity).as(what + ": quantity of product %d is what the member received", productsById.get(product).index())
                        .isEqualByComparingTo(got);
                assertThat(rate).as(what + ": VAT rate of a line").isEqualTo(registered ? productsById.get(product).vatRate() : null);
            }
            if (rate != null) {
                bases.merge(rate, amount, Long::sum);
            }
        }
        long charges = 0;
        long allowances = 0;
        for (JsonNode charge : draft.get("charges")) {
            long amount = charge.get("amountCents").asLong();
            purchases += amount;
            if (amount >= 0) {
                charges += amount;
            } else {
                allowances -= amount;
            }
            String rate = charge.get("rate") == null || charge.get("rate").isNull() ? null : charge.get("rate").asString();
            assertThat(rate == null).as(what + ": a charge has a VAT rate iff VAT is charged").isEqualTo(!registered);
            if (rate != null) {
                bases.merge(rate, amount, Long::sum);
            }
        }
        long expectedFee = BigDecimal.valueOf(purchases).multiply(scenario.feePercent()).movePointLeft(2)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        assertThat(fee == null ? 0L : fee).as(what + ": groupement fee %s %% of %d", scenario.feePercent(), purchases).isEqualTo(expectedFee);
        assertThat(draft.get("linesCents").asLong()).isEqualTo(items);
        assertThat(draft.get("chargesCents").asLong()).isEqualTo(charges);
        assertThat(draft.get("allowancesCents").asLong()).isEqualTo(allowances);
        long base = items + charges - allowances;
        assertThat(draft.get("baseCents").asLong()).as(what + ": base").isEqualTo(base);
        long vat = 0;
        Map<String, long[]> breakdown = new TreeMap<>();
        for (JsonNode line : draft.get("vat")) {
            String rate = line.get("rate") == null || line.get("rate").isNull() ? "exempt" : line.get("rate").asString();
            breakdown.put(rate, new long[] {line.get("baseCents").asLong(), line.get("vatCents").asLong()});
            vat += line.get("vatCents").asLong();
        }
        if (registered) {
            Map<String, long[]> expected = new TreeMap<>();
            bases.forEach((rate, b) -> expected.put(rate, new long[] {b, vatOn(b, rate)}));
            assertThat(breakdown.keySet()).as(what + ": VAT rates").isEqualTo(expected.keySet());
            expected.forEach((rate, pair) -> assertThat(breakdown.get(rate)).as(what + ": base and VAT at %s %%", rate).containsExactly(pair));
        } else {
            assertThat(breakdown.keySet()).as(what + ": no VAT charged").containsExactly("exempt");
            assertThat(breakdown.get("exempt")).containsExactly(base, 0L);
        }
        assertThat(draft.get("vatCents").asLong()).isEqualTo(vat);
        assertThat(draft.get("totalCents").asLong()).as(what + ": total").isEqualTo(base + vat);
        assertThat(cents(invoice.get("totalExclVat").asString())).isEqualTo(base);
        assertThat(cents(invoice.get("vatTotal").asString())).isEqualTo(vat);
        assertThat(cents(invoice.get("totalInclVat").asString())).isEqualTo(base + vat);
    }

    /**
     * DOMAIN.md invariant 3. VAT-registered groupement: for every supplier order (its invoice, and credit note if any) and
     * VAT rate, the members' amounts excl. VAT add up to the supplier's, to the cent; and so for every product line.
     * Otherwise the groupement's cost is what it paid VAT included: the members' lines and charges of each supplier order
     * add up to its invoices' totals incl. VAT. In every regime, the members' totals are the suppliers' plus the fees.
     */
    private void checkMoney(List<JsonNode> invoices, Map<String, List<JsonNode>> supplierInvoices, Map<String, String> productOrder,
                            Map<String, String> supplierNames) {
        boolean registered = scenario.regime() == VatRegime.REGISTERED;
        Map<String, Long> supplierSide = new TreeMap<>();
        Map<String, Long> supplierProducts = new TreeMap<>();
        long supplierTotal = 0;
        for (Map.Entry<String, List<JsonNode>> entry : supplierInvoices.entrySet()) {
            for (JsonNode invoice : entry.getValue()) {
                int sign = invoice.get("creditNote").asBoolean() ? -1 : 1;
                for (JsonNode line : invoice.get("lines")) {
                    long amount = sign * cents(line.get("amountExclVat").asString());
                    supplierSide.merge(entry.getKey() + " @" + (registered ? line.get("vatRate").asString() : "all"), amount, Long::sum);
                    supplierProducts.merge(line.get("productId").asString(), amount, Long::sum);
                }
                for (JsonNode charge : invoice.get("charges")) {
                    supplierSide.merge(entry.getKey() + " @" + (registered ? charge.get("vatRate").asString() : "all"),
                            sign * cents(charge.get("amountExclVat").asString()), Long::sum);
                }
                if (!registered) {
                    supplierSide.merge(entry.getKey() + " @all", sign * cents(invoice.get("vatTotal").asString()), Long::sum);
                }
                supplierTotal += sign * cents(invoice.get(registered ? "totalExclVat" : "totalInclVat").asString());
            }
        }
        Map<String, Long> memberSide = new TreeMap<>();
        Map<String, Long> memberProducts = new TreeMap<>();
        long memberTotal = 0;
        boolean unattributed = false;
        for (JsonNode invoice : invoices) {
            JsonNode draft = invoice.get("document").get("draft");
            for (JsonNode item : draft.get("items")) {
                String product = item.get("productKey").asString();
                if (FEE_KEY.equals(product)) {
                    continue;
                }
                long amount = item.get("amountCents").asLong();
                memberTotal += amount;
                memberSide.merge(productOrder.get(product) + " @" + (registered ? item.get("rate").asString() : "all"), amount, Long::sum);
                memberProducts.merge(product, amount, Long::sum);
            }
            for (JsonNode charge : draft.get("charges")) {
                long amount = charge.get("amountCents").asLong();
                memberTotal += amount;
                String reason = charge.get("reason").asString();
                String orderId = supplierNames.entrySet().stream().filter(e -> reason.endsWith(" (" + e.getValue() + ")"))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                if (orderId == null) {
                    unattributed = true;
                    continue;
                }
                memberSide.merge(orderId + " @" + (registered ? charge.get("rate").asString() : "all"), amount, Long::sum);
            }
        }
        supplierSide.values().removeIf(v -> v == 0);
        memberSide.values().removeIf(v -> v == 0);
        assertThat(memberTotal).as("the members pay what the suppliers invoiced (%s), fees apart", registered ? "excl. VAT" : "incl. VAT")
                .isEqualTo(supplierTotal);
        if (!unattributed) {
            assertThat(memberSide).as("per supplier order%s: members' amounts == supplier's (invariant 3)",
                    registered ? " and VAT rate" : " (VAT included)").isEqualTo(supplierSide);
        }
        if (registered) {
            supplierProducts.values().removeIf(v -> v == 0);
            memberProducts.values().removeIf(v -> v == 0);
            assertThat(memberProducts).as("per product line: members' amounts == supplier's").isEqualTo(supplierProducts);
        }
    }

    // ------------------------------------------------------------------------------------------------------------------
    // Payments and credit notes

    private void settle(List<JsonNode> invoices) {
        Random random = new Random(seed * 31 + 8);
        List<JsonNode> byNumber = new ArrayList<>(invoices);
        byNumber.sort(Comparator.comparing(i -> i.get("number").asString()));
        int year = LocalDate.parse(byNumber.get(0).get("issueDate").asString()).getYear();
        int next = byNumber.size() + 1;
        Map<String, String> state = new LinkedHashMap<>();
        Map<String, JsonNode> creditNotes = new HashMap<>();
        boolean settleAll = random.nextBoolean() || options.settleEverything();
        for (JsonNode invoice : byNumber) {
            String id = invoice.get("id").asString();
            int kind = random.nextInt(100);
            if (kind < 45 || kind >= 70 && kind < 75) {
                pay(id);
                fact("member invoices paid");
                state.put(id, "PAID");
            }
            if (kind >= 45 && kind < 75) {
                JsonNode credit = creditNote(invoice, "%d-%05d".formatted(year, next++));
                creditNotes.put(id, credit);
                fact("member credit notes");
                state.put(id, "CREDITED");
            }
            if (!state.containsKey(id)) {
                state.put(id, "ISSUED");
            }
        }
        boolean everyInvoiceDone = !state.containsValue("ISSUED");
        if (!everyInvoiceDone) {
            assertThat(status()).as("a round with an invoice still due is not settled").isEqualTo("INVOICED");
        }
        if (settleAll) {
            state.forEach((id, s) -> {
                if (s.equals("ISSUED")) {
                    pay(id);
                }
            });
            state.replaceAll((id, s) -> s.equals("ISSUED") ? "PAID" : s);
            everyInvoiceDone = true;
        }
        for (Map.Entry<String, String> entry : state.entrySet()) {
            JsonNode shown = get("/api/member-invoices/" + entry.getKey());
            assertThat(shown.get("status").asString()).isEqualTo(entry.getValue());
        }
        if (everyInvoiceDone) {
            flow.waitFor(round, "SETTLED");
            fact("rounds settled");
        } else {
            assertThat(status()).as("a round with an invoice still due is not settled").isEqualTo("INVOICED");
        }

        // The series of the groupement (this round's invoices and credit notes): unique, gap-free, chronological.
        List<JsonNode> all = new ArrayList<>();
        get("/api/member-invoices").forEach(all::add);
        List<String> numbers = all.stream().map(i -> i.get("number").asString()).sorted().toList();
        assertThat(numbers).as("numbers unique").doesNotHaveDuplicates();
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).as("gap-free series (invariant 4)").isEqualTo("%d-%05d", year, i + 1);
        }
        all.sort(Comparator.comparing(i -> i.get("number").asString()));
        for (int i = 1; i < all.size(); i++) {
            assertThat(LocalDate.parse(all.get(i).get("issueDate").asString()))
                    .as("chronological series").isAfterOrEqualTo(LocalDate.parse(all.get(i - 1).get("issueDate").asString()));
        }
        checkSales(creditNotes, byNumber);
    }

    private void pay(String id) {
        LocalDate today = LocalDate.now(PARIS);
        Http.Reply paid = post("/api/member-invoices/" + id + "/paid", "{\"paidOn\":\"" + today + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
        assertThat(paid.json().get("paidOn").asString()).isEqualTo(today.toString());
        Http.Reply again = post("/api/member-invoices/" + id + "/paid", "{}");
        assertThat(again.status()).as("paid twice").isIn(409, 422);
        assertThat(again.json().get("code").asString()).isEqualTo("member-invoice.already-paid");
    }

    /** A credit note mirrors its invoice: the same lines and totals, numbered next in the series, citing it. */
    private JsonNode creditNote(JsonNode invoice, String number) {
        String id = invoice.get("id").asString();
        Http.Reply created = post("/api/member-invoices/" + id + "/credit-note", "{\"note\":\"Annulation\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode credit = created.json();
        String what = "credit note of " + invoice.get("number").asString();
        assertThat(credit.get("number").asString()).as(what + ": next number").isEqualTo(number);
        assertThat(credit.get("creditNote").asBoolean()).isTrue();
        assertThat(credit.get("relatedId").asString()).isEqualTo(id);
        assertThat(credit.get("memberId").asString()).isEqualTo(invoice.get("memberId").asString());
        JsonNode document = credit.get("document");
        assertThat(document.at("/cancels/originalNumber").asString()).isEqualTo(invoice.get("number").asString());
        assertThat(document.at("/cancels/originalDate").asString()).isEqualTo(invoice.get("issueDate").asString());
        assertThat(document.get("draft")).as(what + ": same lines and totals").isEqualTo(invoice.get("document").get("draft"));
        for (String total : List.of("totalExclVat", "vatTotal", "totalInclVat")) {
            assertThat(credit.get(total).asString()).as(what + ": " + total).isEqualTo(invoice.get(total).asString());
        }
        JsonNode original = get("/api/member-invoices/" + id);
        assertThat(original.get("status").asString()).isEqualTo("CREDITED");
        assertThat(original.get("relatedId").asString()).isEqualTo(credit.get("id").asString());
        Http.Reply twice = post("/api/member-invoices/" + id + "/credit-note", "{}");
        assertThat(twice.status()).as("credited twice").isIn(409, 422);
        assertThat(twice.json().get("code").asString()).isEqualTo("member-invoice.already-credited");
        Http.Reply payCredited = post("/api/member-invoices/" + id + "/paid", "{}");
        assertThat(payCredited.json().get("code").asString()).as("paying a credited invoice").isEqualTo("member-invoice.credited");
        Http.Reply payCredit = post("/api/member-invoices/" + credit.get("id").asString() + "/paid", "{}");
        assertThat(payCredit.json().get("code").asString()).as("paying a credit note").isEqualTo("member-invoice.credit-not-payable");
        return credit;
    }

    /** The accounting export: a credit note's rows are its invoice's, negated. */
    private void checkSales(Map<String, JsonNode> creditNotes, List<JsonNode> invoices) {
        String csv = new String(http.getBytes("/api/reports/sales.csv", coordinator, PASSWORD), StandardCharsets.UTF_8);
        Map<String, List<String>> rows = new HashMap<>();
        for (String row : csv.split("\r\n")) {
            String[] cells = row.split(";", -1);
            if (cells.length >= 10 && !cells[0].startsWith("\uFEFF")) {
                rows.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(cells[6] + ";" + cells[7] + ";" + cells[8] + ";" + cells[9]);
            }
        }
        for (JsonNode invoice : invoices) {
            assertThat(rows).as("sales export").containsKey(invoice.get("number").asString());
            JsonNode credit = creditNotes.get(invoice.get("id").asString());
            if (credit != null) {
                List<String> negated = rows.get(invoice.get("number").asString()).stream().map(GeneratedRound::negate).toList();
                assertThat(rows.get(credit.get("number").asString())).as("sales export: the credit note negates its invoice")
                        .isEqualTo(negated);
            }
        }
    }

    private static String negate(String row) {
        String[] cells = row.split(";", -1);
        StringBuilder out = new StringBuilder(cells[0]);
        for (int i = 1; i < cells.length; i++) {
            BigDecimal value = new BigDecimal(cells[i].replace(',', '.')).negate();
            out.append(';').append(value.toPlainString().replace('.', ','));
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------------------------------
    // Helpers

    private long stageStarted = System.nanoTime();

    /** Enters the next stage; the time spent in the one before is a fact ("ms STAGE"). */
    private void enter(String next) {
        long now = System.nanoTime();
        facts.merge("ms " + stage, (int) ((now - stageStarted) / 1_000_000), Integer::sum);
        stageStarted = now;
        stage = next;
    }

    private void fact(String what) {
        facts.merge(what, 1, Integer::sum);
    }

    private String status() {
        return flow.round(round).get("status").asString();
    }

    private JsonNode get(String path) {
        Http.Reply reply = http.get(path, coordinator, PASSWORD);
        assertThat(reply.status()).as("GET %s: %s", path, reply.body()).isEqualTo(200);
        return reply.json();
    }

    private Http.Reply post(String path, String json) {
        return http.postJson(path, coordinator, PASSWORD, json);
    }

    private static BigDecimal dec(JsonNode node, String field) {
        JsonNode value = field.startsWith("/") ? node.at(field) : node.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : new BigDecimal(value.asString());
    }

    private static String plain(JsonNode value) {
        return value == null || value.isNull() ? null : new BigDecimal(value.asString()).stripTrailingZeros().toPlainString();
    }

    static long cents(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }

    static String money(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** quantity x price, rounded half up to the cent. */
    static long amountCents(BigDecimal price, BigDecimal quantity) {
        return price.multiply(quantity).setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }

    /** VAT of a base at a rate, half up (half away from zero when negative), per rate on the sum of rounded amounts. */
    static long vatOn(long baseCents, String rate) {
        return BigDecimal.valueOf(baseCents).multiply(new BigDecimal(rate)).movePointLeft(2).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
