-- Personal API tokens (ADR 15): the way into the API for accounts with two-factor on, and a credential a person can
-- revoke without changing their password. Only the SHA-256 of each token is kept.
CREATE TABLE api_token (
    id           VARCHAR(64)  PRIMARY KEY,
    account_id   VARCHAR(64)  NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    token_hash   CHAR(64)     NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_token_account ON api_token (account_id);
