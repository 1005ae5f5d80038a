-- Read models of the catalog context, written by coop.mutua.catalog.query.DirectoryProjection.
-- Every row carries its groupement: every query filters on it.

CREATE TABLE groupement (
    id            VARCHAR(64) PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    siret         CHAR(14)     NOT NULL,
    vat_number    VARCHAR(20),
    vat_regime    VARCHAR(20)  NOT NULL,
    street        VARCHAR(200) NOT NULL,
    postal_code   VARCHAR(10)  NOT NULL,
    city          VARCHAR(100) NOT NULL,
    country       CHAR(2)      NOT NULL,
    hub_latitude  DOUBLE PRECISION NOT NULL,
    hub_longitude DOUBLE PRECISION NOT NULL,
    contact_email VARCHAR(254) NOT NULL
);

CREATE TABLE member_structure (
    id                    VARCHAR(64) PRIMARY KEY,
    groupement_id         VARCHAR(64)  NOT NULL,
    name                  VARCHAR(200) NOT NULL,
    siret                 CHAR(14)     NOT NULL,
    vat_number            VARCHAR(20),
    ess_family            VARCHAR(20)  NOT NULL,
    billing_street        VARCHAR(200) NOT NULL,
    billing_postal_code   VARCHAR(10)  NOT NULL,
    billing_city          VARCHAR(100) NOT NULL,
    billing_country       CHAR(2)      NOT NULL,
    delivery_street       VARCHAR(200) NOT NULL,
    delivery_postal_code  VARCHAR(10)  NOT NULL,
    delivery_city         VARCHAR(100) NOT NULL,
    delivery_country      CHAR(2)      NOT NULL,
    contact_email         VARCHAR(254) NOT NULL,
    active                BOOLEAN      NOT NULL DEFAULT TRUE
);
CREATE INDEX member_structure_groupement ON member_structure (groupement_id, name);

CREATE TABLE supplier (
    id                     VARCHAR(64) PRIMARY KEY,
    groupement_id          VARCHAR(64)  NOT NULL,
    name                   VARCHAR(200) NOT NULL,
    siret                  CHAR(14)     NOT NULL,
    vat_number             VARCHAR(20),
    ess_family             VARCHAR(20),
    labels                 VARCHAR(20)[] NOT NULL DEFAULT '{}',
    street                 VARCHAR(200) NOT NULL,
    postal_code            VARCHAR(10)  NOT NULL,
    city                   VARCHAR(100) NOT NULL,
    country                CHAR(2)      NOT NULL,
    latitude               DOUBLE PRECISION NOT NULL,
    longitude              DOUBLE PRECISION NOT NULL,
    order_email            VARCHAR(254) NOT NULL,
    minimum_order_cents    BIGINT       NOT NULL,
    free_shipping_cents    BIGINT       NOT NULL,
    delivery_fee_cents     BIGINT       NOT NULL,
    description            TEXT,
    active                 BOOLEAN      NOT NULL DEFAULT TRUE
);
CREATE INDEX supplier_groupement ON supplier (groupement_id, name);

CREATE TABLE product (
    id                      VARCHAR(64) PRIMARY KEY,
    groupement_id           VARCHAR(64)   NOT NULL,
    supplier_id             VARCHAR(64)   NOT NULL,
    reference               VARCHAR(64)   NOT NULL,
    name                    VARCHAR(200)  NOT NULL,
    category                VARCHAR(100)  NOT NULL,
    sale_unit               VARCHAR(10)   NOT NULL,
    step                    NUMERIC(12,3) NOT NULL,
    case_size               NUMERIC(12,3) NOT NULL,
    minimum_order_quantity  NUMERIC(12,3) NOT NULL,
    unit_price              NUMERIC(14,4) NOT NULL,
    vat_rate                VARCHAR(4)    NOT NULL,
    tiers                   JSONB         NOT NULL DEFAULT '[]',
    origin                  VARCHAR(100),
    organic                 BOOLEAN       NOT NULL,
    available               BOOLEAN       NOT NULL DEFAULT TRUE,
    UNIQUE (supplier_id, reference)
);
CREATE INDEX product_groupement ON product (groupement_id, supplier_id);
