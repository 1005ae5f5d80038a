package coop.mutua.kernel;

/**
 * The request is well formed but the thing it acts on is in a state that does not allow it: a later stage of its
 * lifecycle locks the earlier ones (a reception on an invoiced supplier order, a confirmation before the coordinator's
 * decision...). The API answers 409 with the reason.
 */
public class ConflictException extends DomainException {

    public ConflictException(String code, Object... arguments) {
        super(code, arguments);
    }
}
