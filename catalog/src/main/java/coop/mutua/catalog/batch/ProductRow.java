package coop.mutua.catalog.batch;

import coop.mutua.catalog.api.ProductDetails;
import coop.mutua.catalog.api.ProductPrice;

/** A valid row of a catalog file, ready to become an import command. */
public record ProductRow(int line, String reference, ProductDetails details, ProductPrice price, boolean available) {
}
