package coop.mutua.platform.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address of Mutua as people reach it, for links in mails: {@code MUTUA_PUBLIC_URL}. Without it, an invitation
 * (made by a logged-in coordinator or the operator) follows the address of their own request, which is right behind a
 * proxy that sets the Host header and harmless otherwise: they could send any link anyway. A password reset is asked
 * by anyone, so its link never follows the request: without {@code MUTUA_PUBLIC_URL} it points at this machine
 * (http://localhost and the server's port), and the application warns at start.
 */
@Component
public class Links {

    private final Environment environment;

    Links(Environment environment) {
        this.environment = environment;
    }

    public boolean configured() {
        return !publicUrl().isBlank();
    }

    /** A link for a mail sent at a logged-in person's request. */
    public String to(String path) {
        if (configured()) {
            return publicUrl() + path;
        }
        if (RequestContextHolder.getRequestAttributes() == null) {
            return local() + path;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() + path;
    }

    /** A link for a mail anyone may ask for: never built from the request. */
    public String fixed(String path) {
        return (configured() ? publicUrl() : local()) + path;
    }

    /** This machine's own address (http://localhost and the server's port): what links point at without a public URL. */
    public String local() {
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    /** Read at each use (not at start), so that a value naming the server's port can be resolved once it listens. */
    private String publicUrl() {
        String url = environment.getProperty("mutua.public-url", "").strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
