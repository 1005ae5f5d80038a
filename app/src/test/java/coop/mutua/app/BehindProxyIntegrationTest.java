package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.Pages;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a TLS proxy with MUTUA_PUBLIC_URL set (issue 15): redirects stay on the public address (a path, or the public
 * URL) whatever Host header came, the session cookie is Secure, HSTS is sent on requests that came through https, and every answer says
 * Referrer-Policy and Permissions-Policy.
 */
@IntegrationTest
@TestPropertySource(properties = "mutua.public-url=https://achats.example.org")
class BehindProxyIntegrationTest {

    private static final Pattern SESSION = Pattern.compile("(?i)Set-Cookie: (JSESSIONID=[^\\r\\n]+)");
    private static final Pattern LOCATION = Pattern.compile("(?i)Location: ([^\\r\\n]+)");

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;

    @Test
    void redirectsFollowThePublicAddressNotTheHostHeaderAndCookiesAreSecure() {
        String answer = HostHeader.exchange(port, "GET /rounds HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Proto: http\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(header(LOCATION, answer)).matches("(https://achats\\.example\\.org)?/login");
        assertThat(answer).containsIgnoringCase("Strict-Transport-Security: max-age=")
                .containsIgnoringCase("Referrer-Policy: same-origin")
                .containsIgnoringCase("Permissions-Policy: camera=()");
        assertThat(header(SESSION, answer)).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly");

        TestGroupement groupement = groupements.create("Réseau derrière le proxy");
        String login = HostHeader.exchange(port, "GET /login HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        String session = header(SESSION, login).split(";")[0];
        String form = "_csrf=" + Pages.enc(Pages.csrf(login)) + "&username=" + groupement.coordinator() + "&password="
                + Pages.enc(TestGroupements.PASSWORD);
        String loggedIn = HostHeader.exchange(port, "POST /login HTTP/1.1\r\nHost: evil.example\r\nCookie: " + session
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                + "\r\nConnection: close\r\n\r\n" + form);
        assertThat(header(LOCATION, loggedIn)).matches("(https://achats\\.example\\.org)?/.*").doesNotContain("evil");
        assertThat(header(SESSION, loggedIn)).containsIgnoringCase("Secure");

        String api = HostHeader.exchange(port, "GET /api/rounds HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(api).startsWith("HTTP/1.1 401").containsIgnoringCase("Referrer-Policy: same-origin");
    }

    private static String header(Pattern pattern, String answer) {
        Matcher matcher = pattern.matcher(answer);
        assertThat(matcher.find()).as(answer).isTrue();
        return matcher.group(1);
    }
}
