package coop.mutua.kernel;

import java.util.Optional;

/**
 * A refusal about one field of the request (a password too short, a login taken): the API names the field in its
 * problem document, pages show the message next to it. The field is not an argument of the message.
 */
public class InvalidFieldException extends DomainException {

    private final String field;

    public InvalidFieldException(String field, String code, Object... arguments) {
        super(code, arguments);
        this.field = field;
    }

    @Override
    public Optional<String> field() {
        return Optional.of(field);
    }
}
