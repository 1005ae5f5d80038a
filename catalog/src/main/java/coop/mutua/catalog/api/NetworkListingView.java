package coop.mutua.catalog.api;

import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A listing of the network directory as it is shown (ADR 22): only what a listing states, never a groupement's own
 * dealings with the supplier. {@code municipalityName} comes from the bundled gazetteer; {@code listedBy} is how many
 * groupements list it (not which: that is theirs to say).
 */
public record NetworkListingView(ListingId id, String name, String siret, EssFamily essFamily, List<LabelClaim> labels, Sector sector,
                                 List<String> categories, String municipality, String municipalityName, String department,
                                 GeoPoint location, List<String> deliveryDepartments, Integer deliveryRadiusKm, Money minimumOrder,
                                 String contactEmail, String contactPhone, String website, String description, int listedBy,
                                 Instant updatedAt) {

    public NetworkListingView {
        labels = List.copyOf(labels);
        categories = List.copyOf(categories);
        deliveryDepartments = List.copyOf(deliveryDepartments);
    }

    /** The listing as the public sees it on that day: labels whose certificate has expired are left out. */
    public NetworkListingView publicOn(LocalDate today) {
        List<LabelClaim> valid = labels.stream().filter(claim -> claim.validOn(today)).toList();
        return valid.size() == labels.size() ? this : new NetworkListingView(id, name, siret, essFamily, valid, sector, categories,
                municipality, municipalityName, department, location, deliveryDepartments, deliveryRadiusKm, minimumOrder,
                contactEmail, contactPhone, website, description, listedBy, updatedAt);
    }

    /** The labels whose certificate has expired on that day: flagged to the coordinators who list it. */
    public List<LabelClaim> expiredOn(LocalDate today) {
        return labels.stream().filter(claim -> !claim.validOn(today)).toList();
    }
}
