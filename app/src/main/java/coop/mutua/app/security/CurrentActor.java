package coop.mutua.app.security;

import coop.mutua.kernel.Actor;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current thread's request, if someone is logged in. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MutuaUser user) {
            return Optional.of(user.actor());
        }
        return Optional.empty();
    }
}
