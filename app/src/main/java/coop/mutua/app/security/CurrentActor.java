package coop.mutua.app.security;

import coop.mutua.app.account.Account;
import coop.mutua.kernel.Actor;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current thread's request, if someone of a groupement is fully logged in. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> get() {
        return user().map(MutuaUser::actor);
    }

    /** The logged-in account (operator included), once its login is complete. */
    public static Optional<Account> account() {
        return user().map(MutuaUser::account);
    }

    private static Optional<MutuaUser> user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && !(authentication instanceof PendingLogin)
                && authentication.getPrincipal() instanceof MutuaUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }
}
