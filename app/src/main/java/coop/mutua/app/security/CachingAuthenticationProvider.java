package coop.mutua.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password checks with bcrypt cost tens of milliseconds by design; an API client sending HTTP Basic on every request
 * would pay it every time. A successful check is remembered for a few minutes under a SHA-256 of the credentials
 * (never the password itself). A remembered login reloads the account at most once per {@code recheck} (a second by
 * default; before, on every request: a query per API call) and is forgotten if the account was disabled or its
 * password hash changed since: a disabled account or a changed password takes effect within that delay.
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    /** A verified login: the account as last loaded, its password hash then, until when it is remembered, when checked. */
    private record Remembered(UserDetails user, String passwordHash, Instant until, Instant checkedAt) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final DaoAuthenticationProvider delegate;
    private final UserDetailsService users;
    private final Duration ttl;
    private final Duration recheck;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    CachingAuthenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder, Duration ttl, Duration recheck,
                                  Clock clock) {
        this(users, passwordEncoder, null, ttl, recheck, clock);
    }

    /** With a service storing a password hashed again when the encoder's default changed since it was stored. */
    CachingAuthenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder,
                                  UserDetailsPasswordService upgrades,
                                  Duration ttl, Duration recheck, Clock clock) {
        this.delegate = new DaoAuthenticationProvider(users);
        this.delegate.setPasswordEncoder(passwordEncoder);
        // The account's state is checked after the password, never before: a disabled account must not answer faster
        // (no hash computed) or differently from a wrong password.
        this.delegate.setPreAuthenticationChecks(user -> { });
        this.delegate.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("disabled");
            }
        });
        if (upgrades != null) {
            this.delegate.setUserDetailsPasswordService(upgrades);
        }
        this.users = users;
        this.ttl = ttl;
        this.recheck = recheck;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Authentication known = remembered(authentication);
        if (known != null) {
            return known;
        }
        Authentication result = delegate.authenticate(authentication);
        String key = key(authentication);
        if (key != null && result.getPrincipal() instanceof UserDetails user) {
            if (remembered.size() >= MAX_ENTRIES) {
                remembered.clear();
            }
            Instant now = clock.instant();
            remembered.put(key, new Remembered(user, user.getPassword(), now.plus(ttl), now));
        }
        return result;
    }

    /**
     * The authentication of credentials verified within the last few minutes, if the account is still as it was
     * (enabled, same password hash, same credentials epoch); null if they must be checked.
     */
    Authentication remembered(Authentication authentication) {
        String key = key(authentication);
        if (key == null) {
            return null;
        }
        Remembered entry = remembered.get(key);
        Instant now = clock.instant();
        if (entry == null || !now.isBefore(entry.until())) {
            return null;
        }
        if (now.isBefore(entry.checkedAt().plus(recheck))) {
            return UsernamePasswordAuthenticationToken.authenticated(entry.user(), null, entry.user().getAuthorities());
        }
        UserDetails user;
        try {
            user = users.loadUserByUsername(authentication.getName());
        } catch (UsernameNotFoundException gone) {
            remembered.remove(key);
            return null;
        }
        if (user.isEnabled() && entry.passwordHash().equals(user.getPassword()) && sameEpoch(entry.user(), user)) {
            remembered.put(key, new Remembered(user, entry.passwordHash(), entry.until(), now));
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        }
        remembered.remove(key);
        return null;
    }

    private static boolean sameEpoch(UserDetails before, UserDetails now) {
        return !(before instanceof MutuaUser a && now instanceof MutuaUser b)
                || a.epoch() == b.epoch() && a.secondFactorDue() == b.secondFactorDue();
    }

    private static String key(Authentication authentication) {
        Object credentials = authentication.getCredentials();
        return credentials == null || authentication.getName() == null ? null : key(authentication.getName(), credentials.toString());
    }

    /** Forgets every remembered login of this account (its password or state just changed). */
    void forget(String username) {
        remembered.values().removeIf(entry -> entry.user().getUsername() != null
                && entry.user().getUsername().equalsIgnoreCase(username));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String key(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
