package coop.mutua.catalog.web;

import coop.mutua.kernel.DomainException;
import java.util.List;
import org.springframework.validation.BindingResult;

/**
 * Puts a refused command's reason on the form: next to the field it names when the form has that field, otherwise
 * at the top of the form. The message comes from the bundles by the error's code.
 */
final class FormErrors {

    private FormErrors() {
    }

    /** Puts every refusal on the form; true when there was any. */
    static boolean rejectAll(BindingResult errors, List<DomainException> refusals) {
        refusals.forEach(refused -> reject(errors, refused));
        return !refusals.isEmpty();
    }

    static void reject(BindingResult errors, DomainException refused) {
        String path = fieldPath(refused);
        if (path != null && hasField(errors, path)) {
            errors.rejectValue(path, refused.code(), refused.arguments(), refused.getMessage());
        } else {
            errors.reject(refused.code(), refused.arguments(), refused.getMessage());
        }
    }

    private static String fieldPath(DomainException refused) {
        if (refused.field().isPresent()) {
            return refused.field().get();
        }
        Object[] arguments = refused.arguments();
        if (arguments.length == 0 || !(arguments[0] instanceof String field)) {
            return switch (refused.code()) {
                case "siret.format", "siret.checksum", "siret.missing" -> "siret";
                case "vat-number.format", "vat-number.checksum" -> "vatNumber";
                case "location.format" -> "location";
                default -> null;
            };
        }
        return switch (refused.code()) {
            case "address.postal-code" -> field + ".postalCode";
            case "address.country" -> field + ".country";
            case "siret.format", "siret.checksum" -> "siret";
            case "vat-number.format", "vat-number.checksum" -> "vatNumber";
            case "location.format" -> "location";
            default -> null;
        };
    }

    private static boolean hasField(BindingResult errors, String path) {
        try {
            return errors.getFieldType(path) != null;
        } catch (RuntimeException notAField) {
            return false;
        }
    }
}
