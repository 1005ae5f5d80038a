package coop.mutua.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class CachingAuthenticationProviderTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return raw.toString();
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return NoOpPasswordEncoder.getInstance().matches(raw, encoded);
        }
    };
    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
            User.withUsername("claire").password("secret").roles("COORDINATOR").build());
    private Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final CachingAuthenticationProvider provider = new CachingAuthenticationProvider(users, counting, Duration.ofMinutes(5),
            Duration.ofSeconds(1), clock);

    @Test
    void aGoodPasswordIsCheckedOnceThenRemembered() {
        assertThat(provider.authenticate(login("claire", "secret")).isAuthenticated()).isTrue();
        assertThat(provider.authenticate(login("claire", "secret")).getName()).isEqualTo("claire");
        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsNeverAcceptedFromMemory() {
        provider.authenticate(login("claire", "secret"));
        assertThatThrownBy(() -> provider.authenticate(login("claire", "Secret"))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aChangedPasswordOrADisabledAccountIsNoLongerRememberedOnceTheAccountIsRechecked() {
        provider.authenticate(login("claire", "secret"));
        users.updateUser(User.withUsername("claire").password("new secret").roles("COORDINATOR").build());
        assertThat(provider.authenticate(login("claire", "secret")).isAuthenticated()).as("within the recheck delay").isTrue();
        now = now.plusSeconds(1);
        assertThatThrownBy(() -> provider.authenticate(login("claire", "secret"))).isInstanceOf(BadCredentialsException.class);

        provider.authenticate(login("claire", "new secret"));
        users.updateUser(User.withUsername("claire").password("new secret").roles("COORDINATOR").disabled(true).build());
        now = now.plusSeconds(1);
        assertThatThrownBy(() -> provider.authenticate(login("claire", "new secret"))).isInstanceOf(DisabledException.class);
    }

    @Test
    void aRememberedLoginReloadsItsAccountAtMostOncePerRecheckDelay() {
        AtomicInteger loads = new AtomicInteger();
        CachingAuthenticationProvider counted = new CachingAuthenticationProvider(username -> {
            loads.incrementAndGet();
            return users.loadUserByUsername(username);
        }, counting, Duration.ofMinutes(5), Duration.ofSeconds(1), clock);
        counted.authenticate(login("claire", "secret"));
        for (int i = 0; i < 10; i++) {
            counted.authenticate(login("claire", "secret"));
        }
        assertThat(loads).as("the password check's load only").hasValue(1);
        now = now.plusMillis(1500);
        counted.authenticate(login("claire", "secret"));
        counted.authenticate(login("claire", "secret"));
        assertThat(loads).hasValue(2);
        assertThat(checks).as("the password itself is checked once").hasValue(1);
    }

    private static UsernamePasswordAuthenticationToken login(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }
}
