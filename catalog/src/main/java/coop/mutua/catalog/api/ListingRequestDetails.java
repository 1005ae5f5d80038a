package coop.mutua.catalog.api;

import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.Money;
import java.util.List;
import java.util.Set;

/**
 * What a supplier states when it asks to be listed (ADR 22): what its listing would show (identity, ESS family, labels
 * with certificates, sector and categories, commune and its point, delivery area, minimum order, public contact and
 * description), and what the groupement needs to register it: its street address and postal code, and the person to
 * invite to its own login.
 */
public record ListingRequestDetails(String name, String siret, EssFamily essFamily, List<LabelClaim> labels, Sector sector,
                                    List<String> categories, String street, String postalCode, String municipality, GeoPoint location,
                                    Set<String> deliveryDepartments, Integer deliveryRadiusKm, Money minimumOrder, String contactName,
                                    String contactEmail, String contactPhone, String website, String description) {

    public ListingRequestDetails {
        labels = labels == null ? List.of() : List.copyOf(labels);
        categories = categories == null ? List.of() : List.copyOf(categories);
        deliveryDepartments = deliveryDepartments == null ? Set.of() : Set.copyOf(deliveryDepartments);
    }

    /** The listing these details would make. */
    public ListingDetails listing() {
        return new ListingDetails(name, siret, essFamily, labels, sector, categories, municipality, location, deliveryDepartments,
                deliveryRadiusKm, minimumOrder, contactEmail, contactPhone, website, description);
    }
}
