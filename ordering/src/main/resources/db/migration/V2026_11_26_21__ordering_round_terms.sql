-- Purchase rounds: terms, opening and cancellation, and the frozen offer of an open round.
ALTER TABLE purchase_round ADD COLUMN allocation_policy VARCHAR(20) NOT NULL DEFAULT 'PRO_RATA';
ALTER TABLE purchase_round ADD COLUMN fee_split_policy VARCHAR(20) NOT NULL DEFAULT 'BY_VALUE';
ALTER TABLE purchase_round ADD COLUMN groupement_fee_percent NUMERIC(5,2) NOT NULL DEFAULT 0;
ALTER TABLE purchase_round ADD COLUMN opened_at TIMESTAMPTZ;
ALTER TABLE purchase_round ADD COLUMN cancel_reason TEXT;

CREATE TABLE round_supplier (
    round_id     VARCHAR(64) NOT NULL,
    supplier_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (round_id, supplier_id)
);

CREATE TABLE round_offer (
    round_id       VARCHAR(64)   NOT NULL,
    product_id     VARCHAR(64)   NOT NULL,
    groupement_id  VARCHAR(64)   NOT NULL,
    supplier_id    VARCHAR(64)   NOT NULL,
    reference      VARCHAR(64)   NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    category       VARCHAR(100)  NOT NULL,
    offered        JSONB         NOT NULL,
    PRIMARY KEY (round_id, product_id)
);
