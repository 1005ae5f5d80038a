package coop.mutua.kernel;

import java.util.Objects;
import java.util.Optional;

/**
 * The authenticated user on whose behalf something happens. Always bound to one groupement, and for members and
 * suppliers to the structure they act for. Web layers receive it from the security context, never from a request.
 */
public record Actor(UserId userId, String username, String displayName, Role role, GroupementId groupementId,
                    MemberId memberId, SupplierId supplierId) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(groupementId, "groupementId");
        if (role == Role.MEMBER && memberId == null) {
            throw new IllegalArgumentException("a member user must be bound to a member structure");
        }
        if (role == Role.SUPPLIER && supplierId == null) {
            throw new IllegalArgumentException("a supplier user must be bound to a supplier");
        }
    }

    public boolean is(Role expected) {
        return role == expected;
    }

    public Optional<MemberId> member() {
        return Optional.ofNullable(memberId);
    }

    public Optional<SupplierId> supplier() {
        return Optional.ofNullable(supplierId);
    }
}
