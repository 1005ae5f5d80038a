package coop.mutua.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Using the pages as a browser without JavaScript does: a session, the login form, CSRF tokens from the HTML. */
public final class Pages {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private Pages() {
    }

    /** A client with a session, logged in through the login form. */
    public static Http loggedIn(int port, String username) {
        return loggedIn(port, username, TestGroupements.PASSWORD);
    }

    /** The same with another password (the demo's accounts). */
    public static Http loggedIn(int port, String username, String password) {
        Http browser = new Http(port, true);
        String login = browser.get("/login", null, null).body();
        Http.Reply reply = browser.postForm("/login", "_csrf=" + enc(csrf(login)) + "&username=" + enc(username)
                + "&password=" + enc(password));
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location")).doesNotContain("error");
        return browser;
    }

    /** The first CSRF token of a page. */
    public static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("page has a CSRF token").isTrue();
        return matcher.group(1);
    }

    /** A form body: the page's CSRF token, then the fields given as name, value, name, value... */
    public static String form(String page, String... fields) {
        StringBuilder form = new StringBuilder("_csrf=" + enc(csrf(page)));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.append('&').append(fields[i]).append('=').append(enc(fields[i + 1]));
        }
        return form.toString();
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
