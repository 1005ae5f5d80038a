package coop.mutua.catalog.web;

import coop.mutua.catalog.api.FindGroupementQuery;
import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.GroupementSummary;
import coop.mutua.catalog.api.LabelClaim;
import coop.mutua.catalog.api.NetworkListingView;
import coop.mutua.catalog.api.ProfileInWords;
import coop.mutua.catalog.api.ResponsibleProfile;
import coop.mutua.catalog.api.ResponsibleProfiles;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.catalog.query.NetworkDirectoryQueries;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@link ResponsibleProfiles} from the groupement's directory and its listings, put in words as the network directory does. */
@Component
class ResponsibleProfilesInWords implements ResponsibleProfiles {

    private final DirectoryQueries directory;
    private final NetworkDirectoryQueries network;
    private final NetworkTexts texts;
    private final Clock clock;

    ResponsibleProfilesInWords(DirectoryQueries directory, NetworkDirectoryQueries network, NetworkTexts texts, Clock clock) {
        this.directory = directory;
        this.network = network;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public Map<ProductId, ProfileInWords> of(GroupementId groupement, Collection<OfferedItem> items, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        GeoPoint hub = directory.handle(new FindGroupementQuery(groupement)).map(GroupementSummary::hub).orElse(null);
        Map<SupplierId, SupplierSummary> suppliers = directory.handle(new FindSuppliersQuery(groupement)).stream()
                .collect(Collectors.toMap(SupplierSummary::id, Function.identity()));
        Map<SupplierId, ListingId> listed = network.listedBy(groupement);
        Map<SupplierId, List<LabelClaim>> claims = new LinkedHashMap<>();
        Map<ProductId, ProfileInWords> profiles = new LinkedHashMap<>();
        for (OfferedItem item : items) {
            SupplierSummary supplier = suppliers.get(item.supplierId());
            if (supplier == null) {
                continue;
            }
            List<LabelClaim> labels = claims.computeIfAbsent(supplier.id(), id -> labels(supplier, listed.get(id)));
            ResponsibleProfile profile = ResponsibleProfile.of(new ResponsibleProfile.Facts(supplier.essFamily(), labels, item.labels(),
                    item.origin(), supplier.location(), null), new ResponsibleProfile.Buyer(hub, null), today);
            profiles.put(item.productId(), texts.profile(profile, locale));
        }
        return profiles;
    }

    @Override
    public Map<SupplierId, List<LabelClaim>> labelClaims(GroupementId groupement) {
        Map<SupplierId, ListingId> listed = network.listedBy(groupement);
        Map<SupplierId, List<LabelClaim>> claims = new LinkedHashMap<>();
        directory.handle(new FindSuppliersQuery(groupement)).forEach(supplier -> claims.put(supplier.id(), labels(supplier, listed.get(supplier.id()))));
        return claims;
    }

    /** The listing's certified labels when the groupement lists the supplier, else the labels its coordinators declared. */
    private List<LabelClaim> labels(SupplierSummary supplier, ListingId listing) {
        return (listing == null ? Optional.<NetworkListingView>empty() : network.listing(listing))
                .map(NetworkListingView::labels)
                .orElseGet(() -> supplier.labels().stream().sorted().map(LabelClaim::declared).toList());
    }
}
