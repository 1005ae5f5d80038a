package coop.mutua.kernel;

/** A refusal for having asked too often in too short a time (a public form's quota): answered 429, to try again later. */
public class TooManyRequestsException extends DomainException {

    public TooManyRequestsException(String code, Object... arguments) {
        super(code, arguments);
    }
}
