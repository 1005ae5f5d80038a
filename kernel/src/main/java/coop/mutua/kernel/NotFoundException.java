package coop.mutua.kernel;

/**
 * The thing asked for does not exist, or exists in another groupement: the two are deliberately
 * indistinguishable so that nobody learns about another groupement's data.
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super("not-found", what, id);
    }
}
