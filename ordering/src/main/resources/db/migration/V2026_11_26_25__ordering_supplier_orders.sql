-- Supplier orders and members' shares, written by the pooling job (coop.mutua.ordering.batch) at close.
ALTER TABLE purchase_round ADD COLUMN pooled_at TIMESTAMPTZ;

CREATE TABLE supplier_order (
    id                    VARCHAR(64)  PRIMARY KEY,
    groupement_id         VARCHAR(64)  NOT NULL,
    round_id              VARCHAR(64)  NOT NULL,
    supplier_id           VARCHAR(64)  NOT NULL,
    total_excl_vat_cents  BIGINT       NOT NULL,
    delivery_fee_cents    BIGINT       NOT NULL,
    minimum_order_cents   BIGINT       NOT NULL,
    below_minimum         BOOLEAN      NOT NULL,
    -- POOLED; below the minimum the coordinator CONFIRMS it or CANCELS the supplier's lines.
    status                VARCHAR(20)  NOT NULL,
    pooled_at             TIMESTAMPTZ  NOT NULL,
    UNIQUE (round_id, supplier_id)
);

CREATE TABLE supplier_order_line (
    supplier_order_id      VARCHAR(64)    NOT NULL,
    product_id             VARCHAR(64)    NOT NULL,
    reference              VARCHAR(64)    NOT NULL,
    name                   VARCHAR(200)   NOT NULL,
    sale_unit              VARCHAR(20)    NOT NULL,
    vat_rate               VARCHAR(10)    NOT NULL,
    step                   NUMERIC(12,3)  NOT NULL,
    case_size              NUMERIC(12,3)  NOT NULL,
    asked                  NUMERIC(14,3)  NOT NULL,
    tolerance              NUMERIC(14,3)  NOT NULL,
    cases                  BIGINT         NOT NULL,
    quantity               NUMERIC(14,3)  NOT NULL,
    unit_price             NUMERIC(12,4)  NOT NULL,
    list_price             NUMERIC(12,4)  NOT NULL,
    amount_excl_vat_cents  BIGINT         NOT NULL,
    unallocated            NUMERIC(14,3)  NOT NULL,
    PRIMARY KEY (supplier_order_id, product_id)
);

CREATE TABLE member_allocation (
    round_id           VARCHAR(64)    NOT NULL,
    member_id          VARCHAR(64)    NOT NULL,
    product_id         VARCHAR(64)    NOT NULL,
    supplier_order_id  VARCHAR(64)    NOT NULL,
    asked              NUMERIC(12,3)  NOT NULL,
    tolerance          NUMERIC(12,3)  NOT NULL,
    allocated          NUMERIC(12,3)  NOT NULL,
    PRIMARY KEY (round_id, member_id, product_id)
);
-- No other index: the pooling writes 100,000 of these rows for a round of 2,000 members (benchmark); a supplier
-- order's shares are read through the round's part of the primary key.
