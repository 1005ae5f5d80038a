package coop.mutua.catalog.web;

import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.SearchDirectoryQuery;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.Role;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The directory's search criteria, from the query string (page and API share it). */
public class DirectoryFilter {

    /** Free text: supplier name, description, town, or a product's name, category, origin or reference. */
    public String q;
    /** Every one of these labels. */
    public Set<SupplierLabel> label = EnumSet.noneOf(SupplierLabel.class);
    public EssFamily family;
    public String category;
    /** Largest distance from the groupement's hub, in km. */
    public Double maxKm;
    /** Coordinators may include deactivated suppliers. */
    public boolean inactive;

    /**
     * A blank label (the empty choice of the page's select, which the binding reads as none) filters nothing; a distance
     * that is not a finite number is refused at its parameter, as any unreadable number is.
     */
    SearchDirectoryQuery toQuery(Actor actor) {
        if (maxKm != null && !Double.isFinite(maxKm)) {
            throw new InvalidFieldException("maxKm", "request.field-unreadable", "maxKm", maxKm, "123.45");
        }
        Set<SupplierLabel> labels = label == null ? Set.of()
                : label.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        return new SearchDirectoryQuery(actor.groupementId(), q, labels, family, category, maxKm,
                inactive && actor.is(Role.COORDINATOR));
    }
}
