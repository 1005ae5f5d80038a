package coop.mutua.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a TLS proxy, with {@code MUTUA_PUBLIC_URL} set (https://achats.example.org): every request is seen as addressed to
 * that public address, whatever Host header it carried, so that redirects (the login page, the page asked before login)
 * never point at a host an attacker typed, and a request that came through https is secure (HSTS, Secure cookies).
 * Without it, Tomcat's own handling of X-Forwarded-Proto from trusted proxies ({@code server.forward-headers-strategy}).
 */
class PublicAddressFilter extends OncePerRequestFilter {

    private final String scheme;
    private final String host;
    private final int port;

    PublicAddressFilter(URI publicUrl) {
        this.scheme = publicUrl.getScheme();
        this.host = publicUrl.getHost();
        this.port = publicUrl.getPort() != -1 ? publicUrl.getPort() : "https".equals(scheme) ? 443 : 80;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getScheme() {
                return scheme;
            }

            @Override
            public String getServerName() {
                return host;
            }

            @Override
            public int getServerPort() {
                return port;
            }

            @Override
            public boolean isSecure() {
                return "https".equals(scheme);
            }

            @Override
            public String getHeader(String name) {
                return "Host".equalsIgnoreCase(name) ? host + (port == 443 || port == 80 ? "" : ":" + port) : super.getHeader(name);
            }

            @Override
            public StringBuffer getRequestURL() {
                StringBuffer url = new StringBuffer(scheme).append("://").append(host);
                if (!(port == 443 && "https".equals(scheme)) && !(port == 80 && "http".equals(scheme))) {
                    url.append(':').append(port);
                }
                return url.append(getRequestURI());
            }
        }, response);
    }
}
