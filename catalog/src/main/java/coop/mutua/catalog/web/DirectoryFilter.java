package coop.mutua.catalog.web;

import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.SearchDirectoryQuery;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.Role;
import java.util.EnumSet;
import java.util.Set;

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

    SearchDirectoryQuery toQuery(Actor actor) {
        return new SearchDirectoryQuery(actor.groupementId(), q, label, family, category, maxKm,
                inactive && actor.is(Role.COORDINATOR));
    }
}
