package coop.mutua.kernel;

/** What a user may do within its groupement. */
public enum Role {
    /** Runs the groupement: suppliers, members, rounds, closing, receptions, invoices. */
    COORDINATOR,
    /** Orders on behalf of one member structure. */
    MEMBER,
    /** Sees the grouped orders and invoices of one supplier and maintains its catalog. */
    SUPPLIER
}
