package coop.mutua.kernel;

/**
 * A command anyone may send to a groupement, without an account (a supplier's request to be listed): its groupement
 * goes into the events' metadata like a {@link GroupementScoped} command's, but is never checked against the caller's
 * own groupement (a logged-in person of another groupement may use a public form too).
 */
public interface AddressedToGroupement {

    GroupementId groupementId();
}
