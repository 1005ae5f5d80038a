package coop.mutua.catalog.query;

import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.NetworkDirectory;
import coop.mutua.catalog.api.NetworkListingView;
import coop.mutua.catalog.api.Sector;
import coop.mutua.catalog.domain.NetworkSearch;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.SupplierId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The network directory as read (ADR 22). Every listing is held in memory with its words folded once, and read again
 * from the table when the table has changed (its row count or latest change differ): a search ranks the listings in
 * memory, a page costs one small query. Answers only what the listings state; which groupement lists which of its
 * suppliers is asked for one groupement at a time, by that groupement.
 */
@Component
public class NetworkDirectoryQueries implements NetworkDirectory {

    private final JdbcClient jdbc;
    private final Gazetteer gazetteer;
    private volatile Snapshot snapshot = new Snapshot("", Map.of(), Map.of(), List.of());

    NetworkDirectoryQueries(JdbcClient jdbc, Gazetteer gazetteer) {
        this.jdbc = jdbc;
        this.gazetteer = gazetteer;
    }

    /** The listings and their search index, as of {@code version} (count and latest change of the table). */
    private record Snapshot(String version, Map<ListingId, NetworkListingView> byId, Map<String, NetworkListingView> byKey,
                            List<NetworkSearch.Indexed> index) {
    }

    /** A listing found, as shown on that day (expired labels left out), with its rank's reasons and its profile. */
    public record Hit(NetworkListingView listing, NetworkSearch.Result result) {
    }

    /** One page of a search: how many listings were found, and those of the page, as shown on that day. */
    public record Found(int total, List<Hit> hits) {
    }

    /** The listings found from the {@code from}-th (0-based), at most {@code count}: only those are made ready to show. */
    public Found search(NetworkSearch.Query query, LocalDate today, int from, int count) {
        Snapshot current = current();
        List<NetworkSearch.Result> results = NetworkSearch.searchIndexed(query, current.index(), today);
        int start = Math.min(from, results.size());
        List<Hit> hits = results.subList(start, Math.min(start + count, results.size())).stream()
                .map(result -> new Hit(current.byKey().get(result.entry().id()).publicOn(today), result))
                .toList();
        return new Found(results.size(), hits);
    }

    @Override
    public List<NetworkListingView> listings(LocalDate today) {
        return current().byId().values().stream().map(listing -> listing.publicOn(today)).toList();
    }

    @Override
    public Map<SupplierId, Sector> sectorsOf(GroupementId groupement) {
        Snapshot current = current();
        Map<SupplierId, Sector> sectors = new LinkedHashMap<>();
        listedBy(groupement).forEach((supplier, listing) -> {
            NetworkListingView view = current.byId().get(listing);
            if (view != null) {
                sectors.put(supplier, view.sector());
            }
        });
        return sectors;
    }

    /** How many listings the directory holds. */
    public int size() {
        return current().byId().size();
    }

    /** One listing, every label included (the caller shows {@link NetworkListingView#publicOn} to the public). */
    public Optional<NetworkListingView> listing(ListingId id) {
        return Optional.ofNullable(current().byId().get(id));
    }

    /** The listing of one of the groupement's suppliers, if that groupement lists it. */
    public Optional<NetworkListingView> listingOf(GroupementId groupement, SupplierId supplier) {
        return jdbc.sql("SELECT listing_id FROM network_listing_groupement WHERE groupement_id = :groupement AND supplier_id = :supplier")
                .param("groupement", groupement.value()).param("supplier", supplier.value())
                .query(String.class).optional().flatMap(id -> listing(ListingId.of(id)));
    }

    /** Which of the groupement's suppliers it lists, and under which listing. */
    public Map<SupplierId, ListingId> listedBy(GroupementId groupement) {
        Map<SupplierId, ListingId> listed = new LinkedHashMap<>();
        jdbc.sql("SELECT supplier_id, listing_id FROM network_listing_groupement WHERE groupement_id = :groupement ORDER BY listed_at")
                .param("groupement", groupement.value())
                .query((rs, n) -> listed.put(SupplierId.of(rs.getString(1)), ListingId.of(rs.getString(2)))).list();
        return listed;
    }

    /** The groupement's listings with a certificate past its expiry on that day: what its coordinators must renew. */
    public List<NetworkListingView> expiredListedBy(GroupementId groupement, LocalDate today) {
        Snapshot current = current();
        return listedBy(groupement).values().stream().map(current.byId()::get)
                .filter(listing -> listing != null && !listing.expiredOn(today).isEmpty()).toList();
    }

    /** Where a search starts from: a commune of the gazetteer (its INSEE code), with its department. */
    public Optional<NetworkSearch.Origin> communeOrigin(String code) {
        return gazetteer.byCode(code).map(commune -> new NetworkSearch.Origin(commune.point(), commune.department()));
    }

    private Snapshot current() {
        String version = jdbc.sql("SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM network_listing")
                .query(String.class).single();
        Snapshot current = snapshot;
        if (current.version().equals(version)) {
            return current;
        }
        synchronized (this) {
            if (!snapshot.version().equals(version)) {
                snapshot = load(version);
            }
            return snapshot;
        }
    }

    private Snapshot load(String version) {
        Map<ListingId, NetworkListingView> byId = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM network_listing ORDER BY id").query((rs, n) -> {
            NetworkListingView view = view(rs);
            return byId.put(view.id(), view);
        }).list();
        List<NetworkSearch.Indexed> index = byId.values().stream().map(view -> NetworkSearch.Indexed.of(entry(view))).toList();
        Map<String, NetworkListingView> byKey = new HashMap<>();
        byId.forEach((id, view) -> byKey.put(id.value(), view));
        return new Snapshot(version, Map.copyOf(byId), Map.copyOf(byKey), index);
    }

    private NetworkListingView view(ResultSet rs) throws SQLException {
        String municipality = rs.getString("municipality");
        String family = rs.getString("ess_family");
        Integer radius = rs.getObject("delivery_radius_km", Integer.class);
        return new NetworkListingView(ListingId.of(rs.getString("id")), rs.getString("name"), rs.getString("siret"),
                family == null ? null : EssFamily.valueOf(family), NetworkListingProjection.LabelJson.read(rs.getString("labels")),
                Sector.valueOf(rs.getString("sector")), strings(rs.getArray("categories")), municipality,
                gazetteer.byCode(municipality).map(Gazetteer.Commune::name).orElse(municipality), rs.getString("department"),
                new GeoPoint(rs.getDouble("latitude"), rs.getDouble("longitude")), strings(rs.getArray("delivery_departments")),
                radius, Money.ofCents(rs.getLong("minimum_order_cents")), rs.getString("contact_email"),
                rs.getString("contact_phone"), rs.getString("website"), rs.getString("description"), rs.getInt("listed_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    static NetworkSearch.Entry entry(NetworkListingView view) {
        Set<String> departments = new HashSet<>(view.deliveryDepartments());
        return new NetworkSearch.Entry(view.id().value(), view.name(), view.description(), view.sector(), view.categories(),
                view.essFamily(), view.labels(), view.municipalityName(), view.location(), view.department(), departments,
                view.deliveryRadiusKm());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
