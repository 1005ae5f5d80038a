-- The network directory (ADR 22): one row per listed legal entity, shared by every groupement of the instance and shown
-- without login; and which groupements list it (with their own supplier's id). Written from the listing events only:
-- no groupement's private table feeds it. Limits as the NetworkListing aggregate checks them.
CREATE TABLE network_listing (
    id                   VARCHAR(64) PRIMARY KEY,
    siret                CHAR(14)     NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    ess_family           VARCHAR(20),
    labels               JSONB        NOT NULL DEFAULT '[]',
    sector               VARCHAR(30)  NOT NULL,
    categories           VARCHAR(60)[] NOT NULL DEFAULT '{}',
    municipality         VARCHAR(5)   NOT NULL,
    department           VARCHAR(3)   NOT NULL,
    latitude             DOUBLE PRECISION NOT NULL,
    longitude            DOUBLE PRECISION NOT NULL,
    delivery_departments VARCHAR(3)[] NOT NULL DEFAULT '{}',
    delivery_radius_km   INTEGER,
    minimum_order_cents  BIGINT       NOT NULL,
    contact_email        VARCHAR(254) NOT NULL,
    contact_phone        VARCHAR(30),
    website              VARCHAR(200),
    description          TEXT,
    listed_by            INTEGER      NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX network_listing_siret ON network_listing (siret);
CREATE INDEX network_listing_sector ON network_listing (sector, department);

CREATE TABLE network_listing_groupement (
    listing_id    VARCHAR(64) NOT NULL,
    groupement_id VARCHAR(64) NOT NULL,
    supplier_id   VARCHAR(64) NOT NULL,
    listed_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (listing_id, groupement_id)
);
CREATE INDEX network_listing_groupement_supplier ON network_listing_groupement (groupement_id, supplier_id);
