package coop.mutua.app.security;

/** What the login pages read from the session. */
public final class LoginMessages {

    /** When a throttled login may try again (an Instant, set by the login form's failure handler). */
    public static final String RETRY_AT = "mutua.login.retryAt";

    private LoginMessages() {
    }
}
