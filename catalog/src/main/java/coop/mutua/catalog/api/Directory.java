package coop.mutua.catalog.api;

import coop.mutua.kernel.MemberId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory as other parts of the application read it in process (the accounts, the layout): groupements, member
 * structures and suppliers, always within one groupement except the operator's list of groupements. The same answers
 * as the published queries sent through the query bus, without its cost on every page.
 */
public interface Directory {

    Optional<GroupementSummary> handle(FindGroupementQuery query);

    List<GroupementSummary> handle(FindGroupementsQuery query);

    List<MemberSummary> handle(FindMembersQuery query);

    Optional<MemberSummary> handle(FindMemberQuery query);

    Map<MemberId, MemberGoals> handle(FindMemberGoalsQuery query);

    List<SupplierSummary> handle(FindSuppliersQuery query);

    Optional<SupplierSummary> handle(FindSupplierQuery query);
}
