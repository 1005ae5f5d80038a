package coop.mutua.kernel;

import java.util.function.Function;

/**
 * The thing asked for does not exist, or exists in another groupement: the two are deliberately
 * indistinguishable so that nobody learns about another groupement's data.
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super("not-found", what, id);
    }

    /** An id from a request's path: one that cannot even be read is simply not found (nothing says more). */
    public static <T> T unlessReadable(String what, String id, Function<String, T> read) {
        try {
            return read.apply(id);
        } catch (IllegalArgumentException | NullPointerException malformed) {
            throw new NotFoundException(what, id);
        }
    }
}
