package coop.mutua.catalog.application;

import coop.mutua.catalog.api.LabelClaim;
import coop.mutua.catalog.api.NetworkListingView;
import coop.mutua.catalog.query.ListingRequestQueries;
import coop.mutua.catalog.query.NetworkDirectoryQueries;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.SupplierId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What the network directory asks of a groupement's coordinators (their home page): requests to decide, certificates to renew. */
@Component
public class NetworkWork {

    private final ListingRequestQueries requests;
    private final NetworkDirectoryQueries network;

    NetworkWork(ListingRequestQueries requests, NetworkDirectoryQueries network) {
        this.requests = requests;
        this.network = network;
    }

    /** A certificate of a listing the groupement lists, past its expiry: hidden from the public until renewed. */
    public record ExpiredCertificate(String supplierName, SupplierId supplierId, ListingId listingId, LabelClaim claim) {
    }

    public int waitingRequests(GroupementId groupement) {
        return requests.waiting(groupement);
    }

    public List<ExpiredCertificate> expiredCertificates(GroupementId groupement, LocalDate today) {
        Map<SupplierId, ListingId> listed = network.listedBy(groupement);
        List<ExpiredCertificate> expired = new ArrayList<>();
        for (NetworkListingView listing : network.expiredListedBy(groupement, today)) {
            SupplierId supplier = listed.entrySet().stream().filter(entry -> entry.getValue().equals(listing.id()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            listing.expiredOn(today).forEach(claim -> expired.add(new ExpiredCertificate(listing.name(), supplier, listing.id(), claim)));
        }
        return expired;
    }
}
