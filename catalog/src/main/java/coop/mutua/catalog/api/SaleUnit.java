package coop.mutua.catalog.api;

/** The unit in which a product is priced and ordered. */
public enum SaleUnit {
    PIECE, KG, LITRE, PACK
}
