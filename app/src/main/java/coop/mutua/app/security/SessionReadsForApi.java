package coop.mutua.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The pages link to files the API serves (a grouped order's PDF and CSV, an invoice's Factur-X): a logged-in browser
 * must be able to follow those links without HTTP Basic. So the API reads the page session, for GET and HEAD only
 * (reading changes nothing, so no CSRF token is needed), and only a complete login (a password waiting for its
 * second factor opens nothing). It never writes a session: API clients stay stateless.
 */
class SessionReadsForApi implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SessionReadsForApi() {
        sessions.setAllowSessionCreation(false);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        Supplier<SecurityContext> context = () -> {
            if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                return holder.createEmptyContext();
            }
            SecurityContext stored = sessions.loadDeferredContext(request).get();
            Authentication authentication = stored == null ? null : stored.getAuthentication();
            return authentication != null && !(authentication instanceof PendingLogin) && authentication.getPrincipal() instanceof MutuaUser
                    ? stored : holder.createEmptyContext();
        };
        return new DeferredSecurityContext() {
            private SecurityContext loaded;

            @Override
            public SecurityContext get() {
                if (loaded == null) {
                    loaded = context.get();
                }
                return loaded;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holderOfRequest) {
        return loadDeferredContext(holderOfRequest.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // Never: the API writes no session.
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return false;
    }
}
