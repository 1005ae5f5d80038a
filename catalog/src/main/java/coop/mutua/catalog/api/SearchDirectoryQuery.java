package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import java.util.Set;

/**
 * The directory search: suppliers of the groupement that carry every label asked for, belong to the ESS family,
 * sell in the category, match the free text (their name, description, town, or one of their products), and lie
 * within {@code maxKm} of the hub. Null or empty criteria do not filter. Inactive suppliers only on request.
 */
public record SearchDirectoryQuery(GroupementId groupementId, String text, Set<SupplierLabel> labels,
                                   EssFamily essFamily, String category, Double maxKm, boolean includeInactive) {

    public SearchDirectoryQuery {
        labels = labels == null ? Set.of() : Set.copyOf(labels);
    }
}
