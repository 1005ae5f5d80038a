package coop.mutua.app.web;

import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.NotFoundException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem documents for the API: a stable {@code code} (also the {@code type}'s last segment) and a
 * human message in the caller's language (French unless Accept-Language prefers English).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    static final String TYPE_BASE = "https://mutua.coop/problems/";

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, e, locale);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e, Locale locale) {
        return problem(HttpStatus.CONFLICT, e, locale);
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail refused(DomainException e, Locale locale) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e, locale);
    }

    /**
     * A body that cannot be read: the field at fault (a JSON path such as {@code lines[0].labels[1]}), the value sent and,
     * for an enumeration, the values allowed; a body that is not JSON at all says so.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, Locale locale) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = fieldOf(mismatch.getPath());
            Class<?> target = mismatch.getTargetType();
            Object value = mismatch instanceof InvalidFormatException format ? format.getValue() : null;
            DomainException reason = target != null && target.isEnum()
                    ? new DomainException("request.field-not-allowed", field, String.valueOf(value), allowed(target))
                    : new DomainException("request.field-unreadable", field, value == null ? "?" : String.valueOf(value),
                            target == null ? "?" : target.getSimpleName());
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, reason, locale);
            problem.setProperty("field", field);
            return problem;
        }
        return problem(HttpStatus.BAD_REQUEST, new DomainException("request.unreadable"), locale);
    }

    private static String fieldOf(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String allowed(Class<?> enumeration) {
        return Arrays.stream(enumeration.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e, Locale locale) {
        return problem(HttpStatus.FORBIDDEN, new DomainException("forbidden"), locale);
    }

    private ProblemDetail problem(HttpStatus status, DomainException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(e.code(), e.arguments(), e.getMessage(), locale));
        problem.setType(URI.create(TYPE_BASE + e.code()));
        problem.setProperty("code", e.code());
        return problem;
    }
}
