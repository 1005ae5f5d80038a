package coop.mutua.ordering.application;

import coop.mutua.catalog.api.Directory;
import coop.mutua.catalog.api.FindMembersQuery;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.catalog.api.NetworkDirectory;
import coop.mutua.catalog.api.NetworkListingView;
import coop.mutua.catalog.api.Sector;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.FindMemberPurchasesQuery;
import coop.mutua.ordering.api.MemberPurchases;
import coop.mutua.ordering.query.SupplierOrderQueries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who buys and who offers, per sector and department (ADR 22), for the coordinator's territorial meetings: the network
 * directory's listings of each sector in each department (every groupement's: they are public), and the groupement's
 * members of that department that bought from its listed suppliers of that sector, with what they spent (excl. VAT, at
 * the pooled price, over every round). A supplier the groupement does not list has no sector: its purchases are not
 * counted here.
 */
@Component
public class SectorMeetings {

    private final Directory directory;
    private final NetworkDirectory network;
    private final SupplierOrderQueries purchases;

    SectorMeetings(Directory directory, NetworkDirectory network, SupplierOrderQueries purchases) {
        this.directory = directory;
        this.network = network;
        this.purchases = purchases;
    }

    /** A member that buys in the sector, and how much. */
    public record Buyer(MemberId memberId, String name, Money spend) {
    }

    /** A listing that offers in the sector, and whether the groupement lists it itself. */
    public record Offer(String name, String municipality, int listedBy) {
    }

    /** One sector in one department: who offers, who buys. */
    public record Row(Sector sector, String department, List<Offer> offers, List<Buyer> buyers) {
    }

    public List<Row> of(GroupementId groupement, LocalDate today) {
        Map<SupplierId, Sector> sectors = network.sectorsOf(groupement);
        Map<MemberId, MemberSummary> members = directory.handle(new FindMembersQuery(groupement)).stream()
                .collect(Collectors.toMap(MemberSummary::id, Function.identity()));
        Map<String, Map<MemberId, Long>> spend = new TreeMap<>();
        for (MemberPurchases bought : purchases.handle(new FindMemberPurchasesQuery(groupement, null, null))) {
            Sector sector = sectors.get(bought.supplierId());
            MemberSummary member = members.get(bought.memberId());
            String department = member == null ? null : department(member.billingAddress().postalCode());
            if (sector == null || department == null) {
                continue;
            }
            spend.computeIfAbsent(key(sector, department), k -> new TreeMap<>(Comparator.comparing(MemberId::value)))
                    .merge(member.id(), bought.spendCents(), Long::sum);
        }
        Map<String, List<Offer>> offers = new TreeMap<>();
        for (NetworkListingView listing : network.listings(today)) {
            offers.computeIfAbsent(key(listing.sector(), listing.department()), k -> new ArrayList<>())
                    .add(new Offer(listing.name(), listing.municipalityName(), listing.listedBy()));
        }
        TreeMap<String, Row> rows = new TreeMap<>();
        for (String key : union(offers.keySet(), spend.keySet())) {
            String[] parts = key.split("\\|");
            List<Buyer> buyers = spend.getOrDefault(key, Map.of()).entrySet().stream()
                    .map(entry -> new Buyer(entry.getKey(), members.get(entry.getKey()).name(), Money.ofCents(entry.getValue())))
                    .sorted(Comparator.comparing(Buyer::spend, Comparator.comparingLong(Money::cents)).reversed().thenComparing(Buyer::name))
                    .toList();
            List<Offer> offered = offers.getOrDefault(key, List.of()).stream().sorted(Comparator.comparing(Offer::name)).toList();
            rows.put(key, new Row(Sector.valueOf(parts[0]), parts[1], offered, buyers));
        }
        return List.copyOf(rows.values());
    }

    private static String key(Sector sector, String department) {
        return sector.name() + "|" + department;
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The department of a French postal code: 2 digits, 3 overseas (97x, 98x), Corsica's 2A (200xx-201xx) and 2B. */
    static String department(String postalCode) {
        if (postalCode == null || !postalCode.strip().matches("\\d{5}")) {
            return null;
        }
        String code = postalCode.strip();
        if (code.startsWith("97") || code.startsWith("98")) {
            return code.substring(0, 3);
        }
        if (code.startsWith("20")) {
            return code.charAt(2) <= '1' ? "2A" : "2B";
        }
        return code.substring(0, 2);
    }
}
