package coop.mutua.catalog.web;

import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.GroupementSummary;
import coop.mutua.catalog.api.Sector;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.domain.NetworkSearch;
import coop.mutua.catalog.query.Gazetteer;
import coop.mutua.kernel.InvalidFieldException;
import java.util.Optional;

/**
 * The network directory's search criteria from the query string (public page and API share it): text, sector, label,
 * ESS family, where to measure distances from (a commune, typed or chosen; else the viewer's groupement hub when logged
 * in) and the largest distance.
 */
public class NetworkFilter {

    public String q;
    public Sector sector;
    public SupplierLabel label;
    public EssFamily family;
    /** A commune: its INSEE code or its name, "Bordeaux" or "Bordeaux (33)". */
    public String commune;
    /** Largest distance from the origin, in km. */
    public Integer maxKm;

    /** The origin the search measures from, and what the page calls it. */
    record From(NetworkSearch.Origin origin, String label, String communeCode) {
    }

    Optional<From> from(Gazetteer gazetteer, Optional<GroupementSummary> viewer) {
        if (commune != null && !commune.isBlank()) {
            Gazetteer.Commune found = gazetteer.resolve(commune)
                    .orElseThrow(() -> new InvalidFieldException("commune", "network.commune-unknown", commune.strip()));
            return Optional.of(new From(new NetworkSearch.Origin(found.point(), found.department()), found.label(), found.code()));
        }
        return viewer.filter(groupement -> groupement.hub() != null).map(groupement -> new From(new NetworkSearch.Origin(groupement.hub(),
                hubDepartment(gazetteer, groupement)), groupement.name(), null));
    }

    NetworkSearch.Query query(Optional<From> from) {
        if (maxKm != null && (maxKm < 0 || maxKm > 2000)) {
            throw new InvalidFieldException("maxKm", "network.max-km", maxKm);
        }
        if (maxKm != null && from.isEmpty()) {
            throw new InvalidFieldException("maxKm", "network.max-km-origin");
        }
        return new NetworkSearch.Query(q, sector, label, family, from.map(From::origin).orElse(null), maxKm);
    }

    /** The department of the hub: that of the communes with the groupement's postal code, if any. */
    private static String hubDepartment(Gazetteer gazetteer, GroupementSummary groupement) {
        String postalCode = groupement.address() == null ? null : groupement.address().postalCode();
        if (postalCode == null || !postalCode.matches("\\d{5}")) {
            return null;
        }
        return gazetteer.search(postalCode, 1).stream().findFirst().map(Gazetteer.Commune::department).orElse(null);
    }
}
