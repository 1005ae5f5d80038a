package coop.mutua.billing.application;

import coop.mutua.billing.domain.GoalProgress;
import coop.mutua.billing.domain.GoalProgress.Line;
import coop.mutua.billing.domain.GoalProgress.Period;
import coop.mutua.billing.domain.GoalProgress.Share;
import coop.mutua.catalog.api.Directory;
import coop.mutua.catalog.api.FindGroupementQuery;
import coop.mutua.catalog.api.FindMemberGoalsQuery;
import coop.mutua.catalog.api.FindMembersQuery;
import coop.mutua.catalog.api.FindProductsQuery;
import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.GroupementSummary;
import coop.mutua.catalog.api.LabelClaim;
import coop.mutua.catalog.api.MemberGoals;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.catalog.api.ProductLabel;
import coop.mutua.catalog.api.ProductSummary;
import coop.mutua.catalog.api.ResponsibleProfile;
import coop.mutua.catalog.api.ResponsibleProfiles;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.SupplierId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Members' responsible purchasing against their goals (ADR 22), from what they were invoiced: every product line of
 * every member invoice (credit notes negatively), excl. VAT, the groupement's fee and delivery charges aside; a line is ESS when its supplier's social
 * dimension is met on the invoice's date (its ESS family, or a social label valid that day), organic when the product
 * is labelled organic, local when its supplier lies within {@value ResponsibleProfile#LOCAL_KM} km of the hub. The
 * groupement's figures are all its members' lines together.
 */
@Component
public class TrackingGoals {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final QueryGateway queries;
    private final ResponsibleProfiles profiles;

    TrackingGoals(JdbcClient jdbc, Directory directory, QueryGateway queries, ResponsibleProfiles profiles) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.queries = queries;
        this.profiles = profiles;
    }

    /** One member: its goals (null: none set), its figures per quarter and per year. */
    public record MemberProgress(MemberId memberId, String name, MemberGoals goals, SortedMap<Period, Share> quarters,
                                 SortedMap<Period, Share> years) {

        public GoalProgress.Goals targets() {
            return goals == null ? GoalProgress.Goals.NONE
                    : new GoalProgress.Goals(goals.essPercent(), goals.organicPercent(), goals.localPercent());
        }
    }

    /** The groupement: each member's progress (members with nothing invoiced included) and all of them together. */
    public record Progress(List<MemberProgress> members, SortedMap<Period, Share> quarters, SortedMap<Period, Share> years) {

        public MemberProgress of(MemberId member) {
            return members.stream().filter(progress -> progress.memberId().equals(member)).findFirst().orElse(null);
        }
    }

    /** The facts a line is judged by: its product's supplier and labels. */
    private record ProductFacts(SupplierId supplierId, Set<ProductLabel> labels, String origin) {
    }

    public Progress of(GroupementId groupement) {
        GeoPoint hub = directory.handle(new FindGroupementQuery(groupement)).map(GroupementSummary::hub).orElse(null);
        Map<SupplierId, SupplierSummary> suppliers = new HashMap<>();
        Map<String, ProductFacts> products = new HashMap<>();
        for (SupplierSummary supplier : directory.handle(new FindSuppliersQuery(groupement))) {
            suppliers.put(supplier.id(), supplier);
            for (ProductSummary product : queries.query(new FindProductsQuery(groupement, supplier.id()),
                    ResponseTypes.multipleInstancesOf(ProductSummary.class)).join()) {
                products.put(product.id().value(), new ProductFacts(supplier.id(), product.details().labels(), product.details().origin()));
            }
        }
        Map<SupplierId, List<LabelClaim>> claims = profiles.labelClaims(groupement);
        Map<MemberId, List<Line>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT i.member_id, i.credit_note, i.issue_date, item ->> 'productKey' AS product, (item ->> 'amountCents')::BIGINT AS cents
                FROM member_invoice i CROSS JOIN LATERAL jsonb_array_elements(i.document -> 'draft' -> 'items') AS item
                WHERE i.groupement_id = :groupement""")
                .param("groupement", groupement.value())
                .query((rs, n) -> {
                    LocalDate date = rs.getObject("issue_date", LocalDate.class);
                    long cents = rs.getLong("cents") * (rs.getBoolean("credit_note") ? -1 : 1);
                    ProductFacts product = products.get(rs.getString("product"));
                    SupplierSummary supplier = product == null ? null : suppliers.get(product.supplierId());
                    if (supplier == null) {
                        return false; // the groupement's fee or a charge: not a purchase of a product
                    }
                    ResponsibleProfile profile = ResponsibleProfile.of(new ResponsibleProfile.Facts(supplier.essFamily(),
                            claims.getOrDefault(supplier.id(), List.of()), product.labels(), product.origin(), supplier.location(), null),
                            new ResponsibleProfile.Buyer(hub, null), date);
                    Line line = new Line(date, cents, profile.social().met(), product.labels().contains(ProductLabel.ORGANIC_AB),
                            profile.local().met());
                    return lines.computeIfAbsent(MemberId.of(rs.getString("member_id")), id -> new ArrayList<>()).add(line);
                }).list();
        Map<MemberId, MemberGoals> goals = directory.handle(new FindMemberGoalsQuery(groupement));
        List<MemberProgress> members = new ArrayList<>();
        List<Line> all = new ArrayList<>();
        for (MemberSummary member : directory.handle(new FindMembersQuery(groupement))) {
            List<Line> own = lines.getOrDefault(member.id(), List.of());
            all.addAll(own);
            members.add(new MemberProgress(member.id(), member.name(), goals.get(member.id()), GoalProgress.byQuarter(own),
                    GoalProgress.byYear(own)));
        }
        return new Progress(members, GoalProgress.byQuarter(all), GoalProgress.byYear(all));
    }
}
