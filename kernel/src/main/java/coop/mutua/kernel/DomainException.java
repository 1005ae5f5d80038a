package coop.mutua.kernel;

import java.util.Arrays;

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
}
