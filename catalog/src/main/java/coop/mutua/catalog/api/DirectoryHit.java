package coop.mutua.catalog.api;

import java.util.List;

/** A supplier found by the directory search, with the products that matched the text or the category. */
public record DirectoryHit(SupplierSummary supplier, List<ProductSummary> matchingProducts) {
}
