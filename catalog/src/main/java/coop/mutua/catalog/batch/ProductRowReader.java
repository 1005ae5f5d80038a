package coop.mutua.catalog.batch;

import coop.mutua.catalog.api.PriceTier;
import coop.mutua.catalog.api.ProductDetails;
import coop.mutua.catalog.api.ProductLabel;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.catalog.api.SaleUnit;
import coop.mutua.catalog.domain.ProductRules;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.SearchText;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns the records of a catalog file into product rows, checking every cell and every product rule, and collecting
 * every problem of a row (not only the first) with its line and column. Pure: no database, no Spring.
 */
public final class ProductRowReader {

    /** A row either parsed, or refused with all its reasons. */
    public record Result(ProductRow row, List<RowError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private static final Map<String, SaleUnit> UNITS = Map.ofEntries(
            Map.entry("kg", SaleUnit.KG), Map.entry("kilo", SaleUnit.KG), Map.entry("kilogramme", SaleUnit.KG),
            Map.entry("piece", SaleUnit.PIECE), Map.entry("pieces", SaleUnit.PIECE), Map.entry("pc", SaleUnit.PIECE),
            Map.entry("u", SaleUnit.PIECE), Map.entry("unite", SaleUnit.PIECE), Map.entry("unit", SaleUnit.PIECE),
            Map.entry("l", SaleUnit.LITRE), Map.entry("litre", SaleUnit.LITRE), Map.entry("liter", SaleUnit.LITRE),
            Map.entry("lot", SaleUnit.PACK), Map.entry("pack", SaleUnit.PACK), Map.entry("carton", SaleUnit.PACK));
    private static final Map<String, ProductLabel> LABELS = Map.ofEntries(
            Map.entry("ab", ProductLabel.ORGANIC_AB), Map.entry("bio", ProductLabel.ORGANIC_AB),
            Map.entry("organic", ProductLabel.ORGANIC_AB), Map.entry("organic ab", ProductLabel.ORGANIC_AB),
            Map.entry("equitable", ProductLabel.FAIR_TRADE), Map.entry("commerce equitable", ProductLabel.FAIR_TRADE),
            Map.entry("fair trade", ProductLabel.FAIR_TRADE), Map.entry("label rouge", ProductLabel.LABEL_ROUGE),
            Map.entry("aop", ProductLabel.AOP_IGP), Map.entry("igp", ProductLabel.AOP_IGP),
            Map.entry("aop igp", ProductLabel.AOP_IGP), Map.entry("hve", ProductLabel.HVE));
    private static final Set<String> YES = Set.of("", "oui", "o", "yes", "y", "1", "true", "vrai", "x");
    private static final Set<String> NO = Set.of("non", "n", "no", "0", "false", "faux");

    private final Map<ProductColumn, Integer> positions;
    private final Map<ProductColumn, String> headers;
    private final List<RowError> headerErrors = new ArrayList<>();
    private final Map<String, Integer> firstLineOfReference = new HashMap<>();

    public ProductRowReader(CsvRecord header) {
        this.positions = new EnumMap<>(ProductColumn.class);
        this.headers = new EnumMap<>(ProductColumn.class);
        List<String> fields = header.fields();
        for (int i = 0; i < fields.size(); i++) {
            int index = i;
            ProductColumn.ofHeader(fields.get(i)).ifPresent(column -> {
                if (positions.putIfAbsent(column, index) == null) {
                    headers.put(column, fields.get(index));
                }
            });
        }
        for (ProductColumn column : ProductColumn.values()) {
            if (column.required() && !positions.containsKey(column)) {
                headerErrors.add(new RowError(header.line(), column.preferredHeader(), "csv.missing-column",
                        List.of(column.preferredHeader())));
            }
        }
    }

    /** Problems of the header itself (missing required columns): nothing can be read then. */
    public List<RowError> headerErrors() {
        return List.copyOf(headerErrors);
    }

    public Result read(CsvRecord record) {
        List<RowError> errors = new ArrayList<>();
        String reference = cell(record, ProductColumn.REFERENCE, errors, () -> ProductRules.reference(text(record, ProductColumn.REFERENCE)));
        String name = text(record, ProductColumn.NAME);
        String category = text(record, ProductColumn.CATEGORY);
        SaleUnit unit = cell(record, ProductColumn.UNIT, errors, () -> unit(text(record, ProductColumn.UNIT)));
        Quantity step = cell(record, ProductColumn.STEP, errors, () -> positive(quantityOr(text(record, ProductColumn.STEP), "1"), "step"));
        Quantity caseSize = cell(record, ProductColumn.CASE_SIZE, errors, () -> positive(Quantity.of(text(record, ProductColumn.CASE_SIZE)), "caseSize"));
        Quantity minimum = cell(record, ProductColumn.MINIMUM, errors, () -> quantityOr(text(record, ProductColumn.MINIMUM), "0"));
        UnitPrice price = cell(record, ProductColumn.PRICE, errors, () -> UnitPrice.of(stripEuro(text(record, ProductColumn.PRICE))));
        VatRate vat = cell(record, ProductColumn.VAT, errors, () -> VatRate.ofPercent(text(record, ProductColumn.VAT).replace("%", "")));
        List<PriceTier> tiers = cell(record, ProductColumn.TIERS, errors, () -> tiers(text(record, ProductColumn.TIERS)));
        Set<ProductLabel> labels = cell(record, ProductColumn.LABELS, errors, () -> labels(text(record, ProductColumn.LABELS)));
        Boolean available = cell(record, ProductColumn.AVAILABLE, errors, () -> yesNo(text(record, ProductColumn.AVAILABLE)));
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        ProductDetails details = cell(record, null, errors, () -> ProductRules.details(new ProductDetails(name, category, unit, step,
                caseSize, minimum, vat, labels, text(record, ProductColumn.ORIGIN))));
        ProductPrice productPrice = cell(record, ProductColumn.TIERS, errors, () -> ProductRules.price(new ProductPrice(price, tiers)));
        if (errors.isEmpty()) {
            Integer firstLine = firstLineOfReference.putIfAbsent(reference.toUpperCase(Locale.ROOT), record.line());
            if (firstLine != null) {
                errors.add(new RowError(record.line(), header(ProductColumn.REFERENCE), "csv.duplicate-reference",
                        List.of(reference, String.valueOf(firstLine))));
            }
        }
        return errors.isEmpty() ? new Result(new ProductRow(record.line(), reference, details, productPrice, available), List.of())
                : new Result(null, errors);
    }

    /**
     * Runs one cell's parsing; a refusal becomes an error on that cell's column (or, for a rule about several cells,
     * on the column the rule names).
     */
    private <T> T cell(CsvRecord record, ProductColumn column, List<RowError> errors, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (DomainException refused) {
            ProductColumn at = column != null ? column : columnOf(refused);
            errors.add(new RowError(record.line(), header(at), refused.code(),
                    Arrays.stream(refused.arguments()).map(String::valueOf).toList()));
            return null;
        }
    }

    private static ProductColumn columnOf(DomainException refused) {
        Object field = refused.arguments().length > 0 ? refused.arguments()[0] : null;
        return switch (refused.code()) {
            case "product.case-not-multiple-of-step" -> ProductColumn.CASE_SIZE;
            case "product.minimum-not-multiple-of-step" -> ProductColumn.MINIMUM;
            case "field.required", "field.too-long", "field.positive" -> switch (String.valueOf(field)) {
                case "name" -> ProductColumn.NAME;
                case "category" -> ProductColumn.CATEGORY;
                case "step" -> ProductColumn.STEP;
                case "caseSize" -> ProductColumn.CASE_SIZE;
                case "origin" -> ProductColumn.ORIGIN;
                case "vatRate" -> ProductColumn.VAT;
                case "saleUnit" -> ProductColumn.UNIT;
                default -> ProductColumn.NAME;
            };
            default -> ProductColumn.NAME;
        };
    }

    private String header(ProductColumn column) {
        return headers.getOrDefault(column, column.preferredHeader());
    }

    private String text(CsvRecord record, ProductColumn column) {
        Integer position = positions.get(column);
        if (position == null || position >= record.fields().size()) {
            return "";
        }
        return record.fields().get(position).strip();
    }

    private static SaleUnit unit(String text) {
        if (text.isBlank()) {
            throw new DomainException("field.required", "saleUnit");
        }
        SaleUnit unit = UNITS.get(SearchText.of(text));
        if (unit == null) {
            throw new DomainException("csv.unknown-unit", text);
        }
        return unit;
    }

    private static Quantity quantityOr(String text, String otherwise) {
        return Quantity.of(text.isBlank() ? otherwise : text);
    }

    private static Quantity positive(Quantity quantity, String field) {
        if (quantity.isZero()) {
            throw new DomainException("field.positive", field);
        }
        return quantity;
    }

    private static String stripEuro(String text) {
        return text.replace("€", "").replace("EUR", "").strip();
    }

    /** "50:1,75 | 100:1,60" (also "50=1.75"): from this pooled quantity, this unit price. */
    private static List<PriceTier> tiers(String text) {
        List<PriceTier> tiers = new ArrayList<>();
        if (text.isBlank()) {
            return tiers;
        }
        for (String part : text.split("\\|")) {
            String[] pair = part.strip().split("[:=]");
            if (pair.length != 2) {
                throw new DomainException("csv.tier-format", part.strip());
            }
            tiers.add(new PriceTier(Quantity.of(pair[0]), UnitPrice.of(stripEuro(pair[1]))));
        }
        return tiers;
    }

    private static Set<ProductLabel> labels(String text) {
        Set<ProductLabel> labels = EnumSet.noneOf(ProductLabel.class);
        if (text.isBlank()) {
            return labels;
        }
        for (String part : text.split("[|/]")) {
            String key = SearchText.of(part);
            ProductLabel label = LABELS.get(key);
            if (label == null) {
                try {
                    label = ProductLabel.valueOf(part.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException unknown) {
                    throw new DomainException("csv.unknown-label", part.strip());
                }
            }
            labels.add(label);
        }
        return labels;
    }

    private static boolean yesNo(String text) {
        String key = SearchText.of(text);
        if (YES.contains(key)) {
            return true;
        }
        if (NO.contains(key)) {
            return false;
        }
        throw new DomainException("csv.yes-no", text);
    }
}
