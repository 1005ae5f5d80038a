package coop.mutua.kernel;

/**
 * A message that belongs to exactly one groupement. Every command implements it, so that infrastructure can put
 * the groupement in the metadata of every resulting event and check it against the acting user.
 */
public interface GroupementScoped {

    GroupementId groupementId();
}
