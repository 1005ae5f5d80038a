package coop.mutua.ordering.web;

import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InputNumbers;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.OrderLine;
import coop.mutua.ordering.domain.MemberOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The order page's form: one row per product on offer; an empty or zero quantity means "not ordered". */
public class OrderForm {

    /** One row as typed. */
    public static class LineForm {
        public String productId;
        public String quantity;
        public String tolerance;
    }

    public List<LineForm> lines = new ArrayList<>();

    static OrderForm of(List<OfferedProduct> offer, Map<ProductId, OrderLine> current, Locale locale) {
        OrderForm form = new OrderForm();
        for (OfferedProduct product : offer) {
            LineForm line = new LineForm();
            line.productId = product.productId().value();
            OrderLine existing = current.get(product.productId());
            line.quantity = existing == null ? "" : InputNumbers.quantity(existing.quantity().value(), locale);
            line.tolerance = existing == null || existing.tolerance().isZero() ? "" : InputNumbers.quantity(existing.tolerance().value(), locale);
            form.lines.add(line);
        }
        return form;
    }

    /**
     * The rows as lines, each checked on its own against its product's step: a row refused keeps what was saved before
     * for its product (if anything) and its refusal, so that one bad row never stops the others from being saved.
     */
    Checked check(Map<ProductId, Quantity> steps, Map<ProductId, OrderLine> saved) {
        List<OrderLine> valid = new ArrayList<>();
        Map<ProductId, DomainException> refused = new LinkedHashMap<>();
        for (LineForm row : lines) {
            ProductId product = productOf(row.productId);
            try {
                OrderLine line = parse(row.productId, row.quantity, row.tolerance);
                Quantity step = steps.get(product);
                if (line != null) {
                    valid.add(step == null ? line : MemberOrder.checkedLine(line, step));
                }
            } catch (DomainException refusal) {
                refused.put(product, refusal);
                if (saved.containsKey(product)) {
                    valid.add(saved.get(product));
                }
            }
        }
        return new Checked(List.copyOf(valid), refused);
    }

    /** The lines to submit and the rows refused, by product. */
    record Checked(List<OrderLine> lines, Map<ProductId, DomainException> refused) {
    }

    private static ProductId productOf(String productId) {
        try {
            return ProductId.of(productId);
        } catch (IllegalArgumentException | NullPointerException malformed) {
            throw new DomainException("order.not-on-offer", productId);
        }
    }

    List<OrderLine> toLines() {
        List<OrderLine> result = new ArrayList<>();
        for (LineForm line : lines) {
            OrderLine parsed = parse(line.productId, line.quantity, line.tolerance);
            if (parsed != null) {
                result.add(parsed);
            }
        }
        return result;
    }

    /** A row, or null when its quantity is empty or zero (the product is not ordered). */
    static OrderLine parse(String productId, String quantity, String tolerance) {
        if (quantity == null || quantity.isBlank()) {
            return null;
        }
        Quantity asked = Quantity.of(quantity);
        if (asked.isZero()) {
            return null;
        }
        ProductId id;
        try {
            id = ProductId.of(productId);
        } catch (IllegalArgumentException malformed) {
            throw new DomainException("order.not-on-offer", productId);
        }
        return new OrderLine(id, asked, tolerance == null || tolerance.isBlank() ? Quantity.ZERO : tolerance(tolerance));
    }

    private static Quantity tolerance(String typed) {
        try {
            return Quantity.of(typed);
        } catch (DomainException unreadable) {
            throw new DomainException("order.tolerance-unreadable", typed);
        }
    }
}
