package coop.mutua.catalog.api;

import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.Money;
import java.util.List;
import java.util.Set;

/**
 * What the network directory shows of a supplier, as a groupement lists it (ADR 22): its identity, ESS family and
 * labels with their certificates, sector and product categories, commune (INSEE code) and point, delivery area
 * (departments, and a radius in km when it delivers around itself), minimum order, public contact and description.
 * Nothing a groupement agreed with it (prices, orders, members) is part of it.
 */
public record ListingDetails(String name, String siret, EssFamily essFamily, List<LabelClaim> labels, Sector sector,
                             List<String> categories, String municipality, GeoPoint location, Set<String> deliveryDepartments,
                             Integer deliveryRadiusKm, Money minimumOrder, String contactEmail, String contactPhone, String website,
                             String description) {

    public ListingDetails {
        labels = labels == null ? List.of() : List.copyOf(labels);
        categories = categories == null ? List.of() : List.copyOf(categories);
        deliveryDepartments = deliveryDepartments == null ? Set.of() : Set.copyOf(deliveryDepartments);
    }

    /** The department of the commune: its INSEE code's first two characters, three overseas (97x, 98x). */
    public String department() {
        if (municipality == null || municipality.length() < 3) {
            return null;
        }
        return municipality.startsWith("97") || municipality.startsWith("98") ? municipality.substring(0, 3) : municipality.substring(0, 2);
    }
}
