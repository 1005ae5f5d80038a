package coop.mutua.app.account;

import coop.mutua.kernel.Actor;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UserId;
import java.time.Instant;
import java.util.Locale;

/** A person's account as stored; the password only as a hash, the TOTP secret only while two-factor is set up or on. */
public record Account(UserId id, String username, String displayName, String email, AccountRole role,
                      GroupementId groupementId, MemberId memberId, SupplierId supplierId, AccountState state,
                      String passwordHash, Locale locale, int credentialsEpoch, boolean totpEnabled, String totpSecret,
                      long totpLastStep, Instant createdAt, Instant joinedAt, Instant lastLoginAt) {

    public boolean isOperator() {
        return role == AccountRole.OPERATOR;
    }

    public boolean active() {
        return state == AccountState.ACTIVE;
    }

    /** Who acts in the groupement's contexts; the operator has none. */
    public Actor actor() {
        if (isOperator()) {
            throw new IllegalStateException("the operator acts for no groupement");
        }
        return new Actor(id, username, displayName, role.groupementRole(), groupementId, memberId, supplierId);
    }
}
