package coop.mutua.app.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address of Mutua as people reach it, for links in mails. {@code MUTUA_PUBLIC_URL} in production: without it the
 * link follows the request's Host header, which is fine behind a proxy that sets it but lets anyone who can reach the
 * server choose the host of a reset link (the application warns at start).
 */
@Component
public class Links {

    private final String publicUrl;
    private final String serverPort;

    Links(@Value("${mutua.public-url:}") String publicUrl, @Value("${server.port:8080}") String serverPort) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.serverPort = serverPort;
    }

    public boolean configured() {
        return !publicUrl.isBlank();
    }

    /** An absolute link to a path of the application ("/invitation/..."). */
    public String to(String path) {
        if (!publicUrl.isBlank()) {
            return publicUrl + path;
        }
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() == null) {
            // Outside a request (demo data at start-up): the local address.
            return "http://localhost:" + serverPort + path;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() + path;
    }
}
