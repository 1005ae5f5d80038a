package coop.mutua.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    private final CachingAuthenticationProvider provider = new CachingAuthenticationProvider(users, counting, Duration.ofMinutes(5),
            Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

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
    void aChangedPasswordOrADisabledAccountIsNoLongerRemembered() {
        provider.authenticate(login("claire", "secret"));
        users.updateUser(User.withUsername("claire").password("new secret").roles("COORDINATOR").build());
        assertThatThrownBy(() -> provider.authenticate(login("claire", "secret"))).isInstanceOf(BadCredentialsException.class);

        provider.authenticate(login("claire", "new secret"));
        users.updateUser(User.withUsername("claire").password("new secret").roles("COORDINATOR").disabled(true).build());
        assertThatThrownBy(() -> provider.authenticate(login("claire", "new secret"))).isInstanceOf(DisabledException.class);
    }

    private static UsernamePasswordAuthenticationToken login(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }
}
