package coop.mutua.app.security;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this login or address: the attempt was not checked. Says until when, nothing more. */
public class LoginThrottledException extends AuthenticationException {

    private final transient Instant retryAt;
    private final boolean locked;

    LoginThrottledException(Instant retryAt, boolean locked) {
        super("too many failed logins");
        this.retryAt = retryAt;
        this.locked = locked;
    }

    public Instant retryAt() {
        return retryAt;
    }

    public boolean locked() {
        return locked;
    }
}
