package coop.mutua.catalog.application;

import coop.mutua.catalog.api.LabelClaim;
import coop.mutua.catalog.api.Sector;
import java.util.List;
import java.util.Set;

/**
 * What a listing states beyond the supplier's own record: sector and categories, commune (INSEE code), delivery area,
 * labels with their certificates, public contact and description. Checked by the listing aggregate, field by field.
 */
public record ListingDraft(Sector sector, List<String> categories, String municipality, Set<String> deliveryDepartments,
                           Integer deliveryRadiusKm, List<LabelClaim> labels, String contactEmail, String contactPhone,
                           String website, String description) {
}
