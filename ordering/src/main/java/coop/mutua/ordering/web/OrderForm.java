package coop.mutua.ordering.web;

import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.OrderLine;
import java.util.ArrayList;
import java.util.List;
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

    static OrderForm of(List<OfferedProduct> offer, Map<ProductId, OrderLine> current) {
        OrderForm form = new OrderForm();
        for (OfferedProduct product : offer) {
            LineForm line = new LineForm();
            line.productId = product.productId().value();
            OrderLine existing = current.get(product.productId());
            line.quantity = existing == null ? "" : existing.quantity().toString();
            line.tolerance = existing == null || existing.tolerance().isZero() ? "" : existing.tolerance().toString();
            form.lines.add(line);
        }
        return form;
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
        return new OrderLine(id, asked, tolerance == null || tolerance.isBlank() ? Quantity.ZERO : Quantity.of(tolerance));
    }
}
