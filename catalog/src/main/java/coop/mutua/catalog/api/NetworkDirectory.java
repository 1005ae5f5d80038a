package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.SupplierId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The network directory as other contexts read it in process (ADR 22): what is listed, and under which sector. */
public interface NetworkDirectory {

    /** Every listing of the directory as the public sees it on that day (labels past their expiry left out). */
    List<NetworkListingView> listings(LocalDate today);

    /** The sector of each of the groupement's suppliers it lists. */
    Map<SupplierId, Sector> sectorsOf(GroupementId groupement);
}
