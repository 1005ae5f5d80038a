package coop.mutua.catalog.application;

import coop.mutua.catalog.api.ListSupplierCommand;
import coop.mutua.catalog.api.ListingDetails;
import coop.mutua.catalog.api.NetworkListingView;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.api.UnlistSupplierCommand;
import coop.mutua.catalog.query.Gazetteer;
import coop.mutua.catalog.query.NetworkDirectoryQueries;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.Siret;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * A groupement lists one of its suppliers in the network directory, states its listing again, or withdraws it (ADR 22),
 * and the answer that follows shows the directory as changed. The listing's commune must be one the gazetteer knows
 * (by its INSEE code or its name as the lists show it), and the listing's point is the commune's: the public sees
 * where a supplier is, not its door. A supplier whose SIRET changed since
 * it was listed leaves its old listing as it joins the new one.
 */
@Component
public class ListingSuppliers {

    static final String NETWORK = "catalog-network";

    private final CommandGateway commands;
    private final ProjectionCatchUp catchUp;
    private final NetworkDirectoryQueries network;
    private final Gazetteer gazetteer;

    ListingSuppliers(CommandGateway commands, ProjectionCatchUp catchUp, NetworkDirectoryQueries network, Gazetteer gazetteer) {
        this.commands = commands;
        this.catchUp = catchUp;
        this.network = network;
        this.gazetteer = gazetteer;
    }

    /** Lists the supplier with these details (name, SIRET, family and minimum order are the supplier's own). */
    public NetworkListingView list(GroupementId groupement, SupplierSummary supplier, ListingDraft draft) {
        Gazetteer.Commune commune = gazetteer.resolve(draft.municipality())
                .orElseThrow(() -> new InvalidFieldException("municipality", "listing.municipality-unknown",
                        draft.municipality() == null ? "" : draft.municipality()));
        ListingId id = ListingId.ofSiret(new Siret(supplier.siret()));
        Optional<NetworkListingView> before = network.listingOf(groupement, supplier.id());
        ListingDetails details = new ListingDetails(supplier.name(), supplier.siret(), supplier.essFamily(), draft.labels(),
                draft.sector(), draft.categories(), commune.code(), commune.point(), draft.deliveryDepartments(),
                draft.deliveryRadiusKm(), supplier.minimumOrder(), draft.contactEmail(), draft.contactPhone(), draft.website(),
                draft.description());
        commands.sendAndWait(new ListSupplierCommand(id, groupement, supplier.id(), details));
        catchUp.await(NETWORK, id);
        if (before.isPresent() && !before.get().id().equals(id)) {
            unlist(groupement, before.get().id());
        }
        return network.listing(id).orElseThrow(() -> new NotFoundException("listing", id));
    }

    /** Withdraws the groupement's listing of the supplier; the entry stays while another groupement lists it. */
    public void unlist(GroupementId groupement, SupplierSummary supplier) {
        NetworkListingView listing = network.listingOf(groupement, supplier.id())
                .orElseThrow(() -> new NotFoundException("listing", supplier.id()));
        unlist(groupement, listing.id());
    }

    private void unlist(GroupementId groupement, ListingId id) {
        commands.sendAndWait(new UnlistSupplierCommand(id, groupement));
        catchUp.await(NETWORK, id);
    }
}
