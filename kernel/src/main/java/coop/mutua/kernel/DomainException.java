package coop.mutua.kernel;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A business rule refused a request. Carries a stable code (also the message key of the French and English
 * bundles) and the arguments of the message, so that every layer can show a clear, translated reason.
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final transient Object[] arguments;

    public DomainException(String code, Object... arguments) {
        super(code + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.code = code;
        this.arguments = arguments.clone();
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** Codes whose first argument is the name of the field at fault. */
    private static final Set<String> FIELD_CODES = Set.of("field.required", "field.too-long", "field.email",
            "field.positive", "field.negative", "field.amount", "field.characters", "field.date-range", "field.too-large");

    /** The field at fault, when the refusal names one (the API's problem documents and the forms show it). */
    public Optional<String> field() {
        return FIELD_CODES.contains(code) && arguments.length > 0 && arguments[0] instanceof String field
                ? Optional.of(field) : Optional.empty();
    }
}
