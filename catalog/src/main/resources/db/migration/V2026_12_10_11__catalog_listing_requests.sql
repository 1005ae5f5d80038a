-- Suppliers' requests to be listed in the network directory (ADR 22), as the groupement's coordinators review them,
-- kept from the request events. The private link's key is kept as its SHA-256 only.
CREATE TABLE listing_request (
    id             VARCHAR(64)  PRIMARY KEY,
    groupement_id  VARCHAR(64)  NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    siret          CHAR(14)     NOT NULL,
    details        JSONB        NOT NULL,
    key_hash       CHAR(64)     NOT NULL,
    question       TEXT,
    refusal_reason TEXT,
    supplier_id    VARCHAR(64),
    submitted_at   TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX listing_request_groupement ON listing_request (groupement_id, status, submitted_at);

-- When the public form was sent, from which address (a hash of it): at most a few requests per address and hour. Not
-- a read model: nothing rebuilds it, and rows older than a day are deleted as new ones come.
CREATE TABLE listing_request_attempt (
    address_hash CHAR(64)    NOT NULL,
    sent_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX listing_request_attempt_address ON listing_request_attempt (address_hash, sent_at);
