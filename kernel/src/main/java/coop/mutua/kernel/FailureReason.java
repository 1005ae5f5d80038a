package coop.mutua.kernel;

import java.util.List;

/**
 * The reason a background job failed, told in one line to the coordinator who has to act on it: a refused business
 * rule by its code and arguments, anything else by the message of its root cause (a database's refusal, a mail
 * server's...). Never a stack trace: that stays in the log.
 */
public final class FailureReason {

    /** The longest reason kept (the round's read model holds it). */
    public static final int MAX_LENGTH = 1000;

    private FailureReason() {
    }

    public static String of(List<? extends Throwable> failures) {
        if (failures == null || failures.isEmpty()) {
            return "?";
        }
        return of(failures.get(0));
    }

    public static String of(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof DomainException)) {
            cause = cause.getCause();
        }
        String text = cause instanceof DomainException domain ? domain.getMessage()
                : cause.getMessage() == null || cause.getMessage().isBlank() ? cause.getClass().getSimpleName() : cause.getMessage();
        String firstLine = text.strip().lines().findFirst().orElse("?").strip();
        return firstLine.length() > MAX_LENGTH ? firstLine.substring(0, MAX_LENGTH - 1) + "…" : firstLine;
    }
}
