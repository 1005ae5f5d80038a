-- People's own logins (issue 13, ADR 15): invitations, states, e-mail, session epoch, two-factor secrets, the operator.
-- An invited person has a row before choosing a login and a password; the operator belongs to no groupement.
ALTER TABLE user_account
    ALTER COLUMN username DROP NOT NULL,
    ALTER COLUMN password_hash DROP NOT NULL,
    ALTER COLUMN groupement_id DROP NOT NULL,
    ADD COLUMN email             VARCHAR(254),
    ADD COLUMN state             VARCHAR(10)  NOT NULL DEFAULT 'ACTIVE',
    ADD COLUMN locale            VARCHAR(5)   NOT NULL DEFAULT 'fr',
    ADD COLUMN invited_by        VARCHAR(64),
    ADD COLUMN joined_at         TIMESTAMPTZ,
    ADD COLUMN last_login_at     TIMESTAMPTZ,
    -- Raised by a password change, a reset, a disable and a two-factor change: every session and remembered API login
    -- of the account made before it stops working.
    ADD COLUMN credentials_epoch INTEGER      NOT NULL DEFAULT 0,
    ADD COLUMN password_changed_at TIMESTAMPTZ,
    ADD COLUMN totp_secret       VARCHAR(64),
    ADD COLUMN totp_enabled      BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN totp_last_step    BIGINT       NOT NULL DEFAULT 0;

UPDATE user_account SET state = CASE WHEN enabled THEN 'ACTIVE' ELSE 'DISABLED' END, joined_at = created_at;
ALTER TABLE user_account DROP COLUMN enabled;

ALTER TABLE user_account DROP CONSTRAINT IF EXISTS user_account_role_check;
ALTER TABLE user_account
    ADD CONSTRAINT user_account_role_check CHECK (role IN ('OPERATOR', 'COORDINATOR', 'MEMBER', 'SUPPLIER')),
    ADD CONSTRAINT user_account_state_check CHECK (state IN ('INVITED', 'ACTIVE', 'DISABLED', 'REVOKED')),
    ADD CONSTRAINT user_account_operator_has_no_groupement CHECK ((role = 'OPERATOR') = (groupement_id IS NULL)),
    ADD CONSTRAINT user_account_joined_has_credentials CHECK (
        state IN ('INVITED', 'REVOKED') OR (username IS NOT NULL AND password_hash IS NOT NULL)),
    ADD CONSTRAINT user_account_invited_has_email CHECK (state <> 'INVITED' OR email IS NOT NULL),
    ADD CONSTRAINT user_account_locale_check CHECK (locale IN ('fr', 'en'));
CREATE INDEX user_account_groupement ON user_account (groupement_id, role);
CREATE INDEX user_account_email ON user_account (lower(email));

-- Invitation and password reset links: only the SHA-256 of the random token is kept.
CREATE TABLE account_token (
    token_hash  CHAR(64)    PRIMARY KEY,
    account_id  VARCHAR(64) NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    purpose     VARCHAR(12) NOT NULL CHECK (purpose IN ('INVITATION', 'RESET')),
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX account_token_account ON account_token (account_id, purpose);

-- Two-factor recovery codes, each usable once, kept as hashes.
CREATE TABLE account_recovery_code (
    account_id  VARCHAR(64) NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    code_hash   CHAR(64)    NOT NULL,
    used_at     TIMESTAMPTZ,
    PRIMARY KEY (account_id, code_hash)
);

-- Failed logins per login as typed ('login:...') and per address ('address:...'), whether the login exists or not.
CREATE TABLE login_throttle (
    throttle_key    VARCHAR(300) PRIMARY KEY,
    failures        INTEGER      NOT NULL,
    last_failure_at TIMESTAMPTZ  NOT NULL,
    locked_until    TIMESTAMPTZ
);

-- The accounts' history, kept as the audit trail: who did what to which account, when, from where.
CREATE TABLE account_event (
    id            BIGSERIAL    PRIMARY KEY,
    at            TIMESTAMPTZ  NOT NULL,
    kind          VARCHAR(30)  NOT NULL,
    account_id    VARCHAR(64)  REFERENCES user_account (id) ON DELETE SET NULL,
    groupement_id VARCHAR(64),
    actor_id      VARCHAR(64),
    actor_name    VARCHAR(200),
    address       VARCHAR(64),
    detail        VARCHAR(300)
);
CREATE INDEX account_event_account ON account_event (account_id, at DESC);
CREATE INDEX account_event_groupement ON account_event (groupement_id, at DESC);

-- What a groupement asks of its accounts' security.
CREATE TABLE groupement_security (
    groupement_id                   VARCHAR(64) PRIMARY KEY,
    totp_required_for_coordinators  BOOLEAN     NOT NULL DEFAULT FALSE
);
