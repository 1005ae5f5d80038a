package coop.mutua.app.account;

import coop.mutua.kernel.Role;

/**
 * What an account is for: the three roles of a groupement, and the operator who runs the platform and belongs to no
 * groupement (so has no {@link coop.mutua.kernel.Actor} and reaches no groupement's data).
 */
public enum AccountRole {
    OPERATOR, COORDINATOR, MEMBER, SUPPLIER;

    public static AccountRole of(Role role) {
        return valueOf(role.name());
    }

    /** The role in a groupement; none for the operator. */
    public Role groupementRole() {
        return this == OPERATOR ? null : Role.valueOf(name());
    }
}
