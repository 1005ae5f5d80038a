package coop.mutua.app.support;

import coop.mutua.catalog.api.VatRegime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A purchase round made up from one seed, before anything is sent: the groupement's VAT regime and the round's terms,
 * suppliers and their terms, products, members and their orders (in the order they are submitted). What happens after
 * the close (the coordinator's decisions, receptions, invoices, payments) depends on what the pooling made of it; the
 * driver ({@link GeneratedRound}) decides it with random generators derived from the same seed, one per stage, so that
 * a seed always replays the same round.
 */
public record RoundScenario(long seed, VatRegime regime, String allocationPolicy, String feeSplitPolicy, BigDecimal feePercent,
                            List<SupplierSpec> suppliers, List<ProductSpec> products, List<MemberSpec> members,
                            List<Submission> submissions) {

    static final String[] RATES = {"20", "10", "5.5", "2.1"};
    static final String[] UNITS = {"PIECE", "KG", "LITRE", "PACK"};
    static final String[] FAMILIES = {"ASSOCIATION", "SCOP", "SCIC", "COOPERATIVE", "SIAE", "EA_ESAT", "MUTUAL", "FOUNDATION"};
    static final String[] FEES = {"0.5", "1", "2.5", "3", "5", "7.25", "10", "12.5"};

    /** A supplier and its terms, in cents (zero: none). */
    public record SupplierSpec(int index, String name, long minimumOrderCents, long deliveryFeeCents, long freeShippingCents) {
    }

    public record Tier(BigDecimal from, BigDecimal price) {
    }

    public record ProductSpec(int index, int supplier, String reference, String name, String saleUnit, String vatRate,
                              BigDecimal step, BigDecimal caseSize, BigDecimal minimum, BigDecimal price, List<Tier> tiers) {

        /** The unit price of the tier the ordered quantity reaches (tiers apply to every unit). */
        public BigDecimal priceFor(BigDecimal ordered) {
            BigDecimal result = price;
            for (Tier tier : tiers) {
                if (ordered.compareTo(tier.from()) >= 0) {
                    result = tier.price();
                }
            }
            return result;
        }
    }

    public record Line(int product, BigDecimal quantity, BigDecimal tolerance) {
    }

    /** A member structure; {@code lines} is its order as it stands at the close (empty: it orders nothing). */
    public record MemberSpec(int index, String name, String family, List<Line> lines) {
    }

    /** One PUT of a member's whole order, in the order they are sent (a member may send a draft, then its final order). */
    public record Submission(int member, List<Line> lines) {
    }

    public static RoundScenario generate(long seed) {
        Random random = new Random(seed);
        VatRegime regime = VatRegime.values()[random.nextInt(VatRegime.values().length)];
        String allocation = random.nextBoolean() ? "PRO_RATA" : "FIRST_COME";
        String feeSplit = new String[] {"BY_VALUE", "BY_WEIGHT", "EQUAL"}[random.nextInt(3)];
        BigDecimal fee = random.nextInt(10) < 4 ? BigDecimal.ZERO : new BigDecimal(FEES[random.nextInt(FEES.length)]);
        String tag = Long.toHexString(seed & 0xffffffL);

        int supplierCount = 1 + random.nextInt(5);
        List<SupplierSpec> suppliers = new ArrayList<>();
        for (int i = 0; i < supplierCount; i++) {
            suppliers.add(new SupplierSpec(i, "Fournisseur " + (char) ('A' + i) + " " + tag,
                    someCents(random, 35, 1_000, 500_000), someCents(random, 40, 300, 2_500), someCents(random, 50, 3_000, 500_000)));
        }

        int productCount = skewed(random, 30);
        List<String> rates = shuffled(random, RATES);
        List<String> units = shuffled(random, UNITS);
        List<ProductSpec> products = new ArrayList<>();
        for (int i = 0; i < productCount; i++) {
            int supplier = i < supplierCount ? i : random.nextInt(supplierCount);
            String rate = i < rates.size() ? rates.get(i) : RATES[random.nextInt(RATES.length)];
            String unit = i < units.size() ? units.get(i) : UNITS[random.nextInt(UNITS.length)];
            products.add(product(random, i, supplier, rate, unit, tag));
        }

        int memberCount = skewed(random, 40);
        List<MemberSpec> members = new ArrayList<>();
        List<Submission> drafts = new ArrayList<>();
        List<Submission> finals = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            List<Line> lines = random.nextInt(100) < 6 ? List.of() : lines(random, products);
            members.add(new MemberSpec(i, "Adhérent %02d %s".formatted(i, tag), FAMILIES[random.nextInt(FAMILIES.length)], lines));
            int draft = random.nextInt(100);
            if (draft < 15) {
                // A draft first, replaced later as a whole (the member keeps its first submission time).
                drafts.add(new Submission(i, lines(random, products)));
                finals.add(new Submission(i, lines));
            } else if (!lines.isEmpty()) {
                drafts.add(new Submission(i, lines));
            }
        }
        Collections.shuffle(drafts, random);
        Collections.shuffle(finals, random);
        List<Submission> submissions = new ArrayList<>(drafts);
        submissions.addAll(finals);
        return new RoundScenario(seed, regime, allocation, feeSplit, fee, List.copyOf(suppliers), List.copyOf(products),
                List.copyOf(members), List.copyOf(submissions));
    }

    private static ProductSpec product(Random random, int index, int supplier, String rate, String unit, String tag) {
        boolean weighed = unit.equals("KG") || unit.equals("LITRE");
        String[] steps = weighed ? new String[] {"1", "1", "0.5", "0.25", "0.1", "0.2"} : new String[] {"1", "1", "1", "2", "6"};
        BigDecimal step = new BigDecimal(steps[random.nextInt(steps.length)]);
        int perCase = random.nextInt(10) < 2 ? 1 : 1 + random.nextInt(12);
        BigDecimal caseSize = step.multiply(BigDecimal.valueOf(perCase));
        BigDecimal minimum = random.nextInt(10) < 7 ? BigDecimal.ZERO : step.multiply(BigDecimal.valueOf(1 + random.nextInt(2 * perCase + 2)));
        long cents = 10 + random.nextInt(5_990);
        BigDecimal price = random.nextInt(4) == 0
                ? BigDecimal.valueOf(cents * 100 + random.nextInt(100), 4).stripTrailingZeros()
                : BigDecimal.valueOf(cents, 2);
        if (price.scale() < 2) {
            price = price.setScale(2);
        }
        List<Tier> tiers = new ArrayList<>();
        if (random.nextInt(10) < 3) {
            int count = 1 + random.nextInt(3);
            BigDecimal from = BigDecimal.ZERO;
            BigDecimal tierPrice = price;
            for (int i = 0; i < count; i++) {
                from = from.add(random.nextBoolean() ? caseSize.multiply(BigDecimal.valueOf(1 + random.nextInt(3)))
                        : step.multiply(BigDecimal.valueOf(1 + random.nextInt(15))));
                BigDecimal lower = tierPrice.multiply(new BigDecimal("0.9" + random.nextInt(10))).setScale(2, RoundingMode.DOWN);
                if (lower.compareTo(new BigDecimal("0.05")) < 0 || lower.compareTo(tierPrice) >= 0) {
                    break;
                }
                tiers.add(new Tier(from, lower));
                tierPrice = lower;
            }
        }
        return new ProductSpec(index, supplier, "REF-%02d-%s".formatted(index, tag), "Produit %02d".formatted(index), unit, rate,
                step, caseSize, minimum, price, List.copyOf(tiers));
    }

    private static List<Line> lines(Random random, List<ProductSpec> products) {
        int count = Math.min(products.size(), 1 + (int) Math.floor(6 * Math.pow(random.nextDouble(), 1.5)));
        List<ProductSpec> chosen = new ArrayList<>(products);
        Collections.shuffle(chosen, random);
        List<Line> lines = new ArrayList<>();
        for (ProductSpec product : chosen.subList(0, count)) {
            long perCase = product.caseSize().divide(product.step(), 0, RoundingMode.UNNECESSARY).longValueExact();
            long steps = 1 + random.nextInt((int) Math.min(40, 2 * perCase + 2));
            BigDecimal quantity = product.step().multiply(BigDecimal.valueOf(steps));
            int kind = random.nextInt(100);
            BigDecimal tolerance;
            if (kind < 45) {
                tolerance = BigDecimal.ZERO;
            } else {
                // Whole steps: the API refuses a part of a step (order.tolerance-step).
                tolerance = product.step().multiply(BigDecimal.valueOf(1 + random.nextInt((int) Math.min(20, perCase))));
            }
            lines.add(new Line(product.index(), quantity.stripTrailingZeros(), tolerance.stripTrailingZeros()));
        }
        return List.copyOf(lines);
    }

    /** Zero with the given chance (percent), else an amount in [low, high] cents, as likely in each power of ten. */
    private static long someCents(Random random, int zeroPercent, int low, int high) {
        if (random.nextInt(100) < zeroPercent) {
            return 0;
        }
        return Math.min(high, Math.round(low * Math.pow((double) high / low, random.nextDouble())));
    }

    /** 1 to max, smaller numbers more often (the mean is about a third of max). */
    static int skewed(Random random, int max) {
        return 1 + (int) Math.floor(max * Math.pow(random.nextDouble(), 1.6));
    }

    private static List<String> shuffled(Random random, String[] values) {
        List<String> list = new ArrayList<>(List.of(values));
        Collections.shuffle(list, random);
        return list;
    }

    /** One line per element, for failure messages. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("regime ").append(regime).append(", allocation ").append(allocationPolicy).append(", fee split ")
                .append(feeSplitPolicy).append(", groupement fee ").append(feePercent.toPlainString()).append(" %\n");
        for (SupplierSpec supplier : suppliers) {
            text.append("  supplier ").append(supplier.index()).append(": minimum ").append(supplier.minimumOrderCents())
                    .append("c, delivery fee ").append(supplier.deliveryFeeCents()).append("c, free shipping from ")
                    .append(supplier.freeShippingCents()).append("c\n");
        }
        for (ProductSpec product : products) {
            text.append("  product ").append(product.index()).append(" (supplier ").append(product.supplier()).append("): ")
                    .append(product.saleUnit()).append(", VAT ").append(product.vatRate()).append(", step ")
                    .append(product.step().toPlainString()).append(", case ").append(product.caseSize().toPlainString())
                    .append(", minimum ").append(product.minimum().toPlainString()).append(", price ")
                    .append(product.price().toPlainString());
            if (!product.tiers().isEmpty()) {
                text.append(", tiers ").append(product.tiers().stream()
                        .map(t -> t.from().toPlainString() + ":" + t.price().toPlainString()).collect(Collectors.joining(" ")));
            }
            text.append('\n');
        }
        for (Submission submission : submissions) {
            text.append("  member ").append(submission.member()).append(" orders ").append(submission.lines().isEmpty() ? "nothing"
                    : submission.lines().stream().map(l -> "p" + l.product() + " " + l.quantity().toPlainString() + "(+"
                    + l.tolerance().toPlainString() + ")").collect(Collectors.joining(", "))).append('\n');
        }
        return text.toString();
    }
}
