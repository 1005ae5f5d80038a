package coop.mutua.catalog.api;

import coop.mutua.kernel.Actor;
import coop.mutua.kernel.SupplierId;
import java.util.Locale;
import java.util.Optional;

/**
 * Invites a person to a supplier's own login, as a coordinator does from the supplier's page (the accounts live in the
 * application, which implements this): what accepting a listing request ends with.
 */
public interface SupplierInvitations {

    /** The invitation's link when it could not be mailed (to be passed on by hand), else empty. */
    Optional<String> invite(Actor by, SupplierId supplierId, String name, String email, Locale locale);
}
