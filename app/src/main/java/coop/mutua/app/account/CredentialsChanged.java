package coop.mutua.app.account;

/**
 * An account's credentials or state changed (password changed or reset, disabled, two-factor switched): logins this
 * node remembers for it must be forgotten at once (other nodes recheck within a second).
 */
public record CredentialsChanged(String username) {
}
