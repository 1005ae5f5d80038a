package coop.mutua.app.account;

import coop.mutua.app.account.Invitations.Invitation;
import coop.mutua.app.account.Invitations.Invitee;
import coop.mutua.catalog.api.SupplierInvitations;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.SupplierId;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Invites the person who asked for a listing to its supplier's own login, as the coordinator who accepted it (the
 * invitation's history names them, as when they invite from the supplier's page). Someone already invited or active
 * for that supplier with that address is not invited twice.
 */
@Component
class ListingRequestInvitations implements SupplierInvitations {

    private final Invitations invitations;
    private final Accounts accounts;

    ListingRequestInvitations(Invitations invitations, Accounts accounts) {
        this.invitations = invitations;
        this.accounts = accounts;
    }

    @Override
    public Optional<String> invite(Actor by, SupplierId supplierId, String name, String email, Locale locale) {
        Account coordinator = accounts.findById(by.userId()).orElseThrow();
        try {
            Invitation invitation = invitations.invite(by.groupementId(), new Invitee(name, email, Role.SUPPLIER, null, supplierId, locale),
                    coordinator, address());
            return invitation.mailed() ? Optional.empty() : Optional.ofNullable(invitation.link());
        } catch (ConflictException alreadyThere) {
            return Optional.empty();
        }
    }

    private static String address() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : "";
    }
}
