-- Login accounts. Not event-sourced on purpose: password hashes must be replaceable and erasable (GDPR), which an
-- append-only event store is not. See docs/adr/0004-accounts-outside-the-event-store.md.
CREATE TABLE user_account (
    id             VARCHAR(64)  PRIMARY KEY,
    username       VARCHAR(254) NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    display_name   VARCHAR(200) NOT NULL,
    role           VARCHAR(20)  NOT NULL CHECK (role IN ('COORDINATOR', 'MEMBER', 'SUPPLIER')),
    groupement_id  VARCHAR(64)  NOT NULL,
    member_id      VARCHAR(64),
    supplier_id    VARCHAR(64),
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (role <> 'MEMBER' OR member_id IS NOT NULL),
    CHECK (role <> 'SUPPLIER' OR supplier_id IS NOT NULL)
);
CREATE UNIQUE INDEX user_account_username ON user_account (lower(username));
