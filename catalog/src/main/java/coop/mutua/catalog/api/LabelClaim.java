package coop.mutua.catalog.api;

import java.time.LocalDate;

/**
 * A label a supplier claims, with its certificate when one was given: the reference of the certificate (organic
 * certifier's number, ESUS approval, IAE agreement...) and the day it expires. A label stated by a coordinator in its
 * own directory may have neither; a label in the network directory has both (ADR 22).
 */
public record LabelClaim(SupplierLabel label, String certificate, LocalDate expiresOn) {

    public LabelClaim {
        if (label == null) {
            throw new IllegalArgumentException("label");
        }
    }

    public static LabelClaim declared(SupplierLabel label) {
        return new LabelClaim(label, null, null);
    }

    /** False once its certificate has expired (the day of expiry still counts). */
    public boolean validOn(LocalDate today) {
        return expiresOn == null || !expiresOn.isBefore(today);
    }
}
