package coop.mutua.app.web;

import coop.mutua.app.problems.FilterProblems;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.TooManyRequestsException;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.platform.web.TypedIdConverters;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * RFC 9457 problem documents for the API: a stable {@code code} (also the {@code type}'s last segment) and a
 * human message in the caller's language (French unless Accept-Language prefers English).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {


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

    @ExceptionHandler(TooManyRequestsException.class)
    ProblemDetail tooMany(TooManyRequestsException e, Locale locale) {
        return problem(HttpStatus.TOO_MANY_REQUESTS, e, locale);
    }

    /**
     * Two changes of one aggregate at the same moment (two saves of one order): the later one lost the race for the
     * aggregate's next event. Nothing of it was stored; the client may read the result and try again (it was a 500).
     */
    @ExceptionHandler({ConcurrencyException.class,
            AggregateStreamCreationException.class})
    ProblemDetail concurrent(RuntimeException e, Locale locale) {
        return problem(HttpStatus.CONFLICT, new DomainException("request.concurrent-change"), locale);
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail refused(DomainException e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, e, locale);
        e.field().ifPresent(field -> problem.setProperty("field", field));
        return problem;
    }

    /**
     * A body that cannot be read: the field at fault (a JSON path such as {@code lines[0].labels[1]}), the value sent and,
     * for an enumeration, the values allowed; a body that is not JSON at all says so.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, Locale locale) {
        if (e.getCause() instanceof UnrecognizedPropertyException unknown && !unknown.getPath().isEmpty()) {
            // A field the operation does not know (a misspelling, another tool's name): refused, not silently dropped.
            String field = fieldOf(unknown.getPath());
            String known = unknown.getKnownPropertyIds() == null ? ""
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return withField(problem(HttpStatus.BAD_REQUEST, new DomainException("request.field-unknown", field, known), locale), field);
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = fieldOf(mismatch.getPath());
            Class<?> target = mismatch.getTargetType();
            Object value = mismatch instanceof InvalidFormatException format ? format.getValue() : null;
            return withField(problem(HttpStatus.BAD_REQUEST, mismatch(field, value, target), locale), field);
        }
        return problem(HttpStatus.BAD_REQUEST, new DomainException("request.unreadable"), locale);
    }

    /** A query or path parameter that cannot be read (an unknown status, a date that is not one): named, with what is allowed. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail parameter(MethodArgumentTypeMismatchException e, Locale locale) {
        Optional<NotFoundException> unknown = TypedIdConverters.notFound(e);
        if (unknown.isPresent()) {
            return notFound(unknown.get(), locale);
        }
        Class<?> target = e.getRequiredType();
        if (target != null && Collection.class.isAssignableFrom(target)) {
            target = ResolvableType.forMethodParameter(e.getParameter()).asCollection().resolveGeneric(0);
        } else if (target != null && target.isArray()) {
            target = target.getComponentType();
        }
        return withField(problem(HttpStatus.BAD_REQUEST, mismatch(e.getName(), e.getValue(), target), locale), e.getName());
    }

    /** Query parameters bound to an object (the directory's filter): the first one at fault, named. */
    @ExceptionHandler(BindException.class)
    ProblemDetail binding(BindException e, Locale locale) {
        FieldError error = e.getFieldError();
        if (error == null) {
            return problem(HttpStatus.BAD_REQUEST, new DomainException("request.unreadable"), locale);
        }
        Class<?> target = null;
        try {
            target = e.getTarget() == null ? null : e.getTarget().getClass().getField(error.getField()).getType();
            if (Collection.class.isAssignableFrom(target)) {
                Type element = ((ParameterizedType) e.getTarget().getClass()
                        .getField(error.getField()).getGenericType()).getActualTypeArguments()[0];
                target = element instanceof Class<?> type ? type : null;
            }
        } catch (NoSuchFieldException | ClassCastException notAField) {
            target = null;
        }
        return withField(problem(HttpStatus.BAD_REQUEST, mismatch(error.getField(), error.getRejectedValue(), target), locale),
                error.getField());
    }

    /** The framework's own refusals (method, media type, a missing parameter): their status, with a stable code. */
    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class, MissingServletRequestParameterException.class})
    ProblemDetail framework(Exception e, Locale locale) {
        return frameworkProblem(e, locale);
    }

    ProblemDetail frameworkProblem(Exception e, Locale locale) {
        ErrorResponse response = (ErrorResponse) e;
        String code = e instanceof HttpRequestMethodNotSupportedException ? "request.method-not-allowed"
                : e instanceof HttpMediaTypeNotSupportedException ? "request.media-type-not-supported"
                : e instanceof HttpMediaTypeNotAcceptableException ? "request.not-acceptable"
                : "request.parameter-missing";
        Object argument = e instanceof MissingServletRequestParameterException missing ? missing.getParameterName() : "";
        ProblemDetail problem = problem(HttpStatus.valueOf(response.getStatusCode().value()), new DomainException(code, argument), locale);
        if (e instanceof MissingServletRequestParameterException missing) {
            problem.setProperty("field", missing.getParameterName());
        }
        return problem;
    }

    private static DomainException mismatch(String field, Object value, Class<?> target) {
        String shown = value == null ? "" : String.valueOf(value);
        if (target != null && target.isEnum()) {
            return new DomainException("request.field-not-allowed", field, shown, allowed(target));
        }
        if (value == null) {
            // Not a value at all where one was expected (an object or a list instead of a text): what is expected, if known.
            return target == null ? new DomainException("request.field-shape", field)
                    : new DomainException("request.field-expected", field, expected(target));
        }
        return new DomainException("request.field-unreadable", field, shown, expected(target));
    }

    private static ProblemDetail withField(ProblemDetail problem, String field) {
        problem.setProperty("field", field);
        return problem;
    }

    /** What a value of that type looks like, in words a client understands (not a Java type's name). */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "?";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "AAAA-MM-JJ / YYYY-MM-DD";
            case "Instant", "OffsetDateTime", "ZonedDateTime", "LocalDateTime" -> "ISO 8601, 2026-12-20T18:00:00+01:00";
            case "Double", "double", "BigDecimal" -> "123.45";
            case "Integer", "int", "Long", "long", "Short", "short" -> "123";
            case "Boolean", "boolean" -> "true / false";
            case "String" -> "\"texte / text\"";
            default -> Collection.class.isAssignableFrom(type) || type.isArray() ? "[…]" : "{…}";
        };
    }

    /** Message keys of the labels users see for the statuses a refusal may name (never the constant's name). */
    private static final Map<String, String> LABELS = Map.of("RoundStatus", "round.status.",
            "SupplierOrderStatus", "pooling.status.", "RoundJob", "round.job.");

    private Object[] shown(Object[] arguments, Locale locale) {
        Object[] shown = arguments.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Enum<?> value && LABELS.containsKey(value.getDeclaringClass().getSimpleName())) {
                String key = LABELS.get(value.getDeclaringClass().getSimpleName()) + value.name();
                shown[i] = messages.getMessage(key, null, value.name(), locale);
            }
        }
        return shown;
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

    /** A refusal as a problem document in the reader's language, with its code (also used by MissingAddresses). */
    ProblemDetail problem(HttpStatus status, DomainException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(e.code(), shown(e.arguments(), locale), e.getMessage(), locale));
        problem.setType(URI.create(FilterProblems.TYPE_BASE + e.code()));
        problem.setProperty("code", e.code());
        return problem;
    }
}
