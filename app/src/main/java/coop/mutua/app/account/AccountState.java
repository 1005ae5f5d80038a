package coop.mutua.app.account;

/** Where an account stands: invited (no login yet), active, disabled by a coordinator, or an invitation revoked. */
public enum AccountState {
    INVITED, ACTIVE, DISABLED, REVOKED
}
