package coop.mutua.catalog.api;

import coop.mutua.kernel.GeoPoint;
import java.util.Set;

/**
 * What registering or correcting a supplier states: who it is (name, SIRET, VAT number, ESS family, labels), where it
 * is (address and map location), where its orders are e-mailed, its ordering terms and a free description.
 */
public record SupplierDetails(String name, String siret, String vatNumber, EssFamily essFamily, Set<SupplierLabel> labels,
                              Address address, GeoPoint location, String orderEmail, OrderingTerms terms, String description) {

    public SupplierDetails {
        labels = labels == null ? Set.of() : Set.copyOf(labels);
    }
}
