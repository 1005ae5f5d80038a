-- The supplier's confirmation of its grouped order and the changes it reports, projected from SupplierOrder's events.
ALTER TABLE supplier_order ADD COLUMN confirmed_version INT NOT NULL DEFAULT 0;
ALTER TABLE supplier_order ADD COLUMN confirmed_at TIMESTAMPTZ;

-- The latest change reported on each line (a new report replaces the previous one).
CREATE TABLE supplier_order_change (
    supplier_order_id  VARCHAR(64)    NOT NULL,
    product_id         VARCHAR(64)    NOT NULL,
    change             VARCHAR(20)    NOT NULL,
    new_quantity       NUMERIC(14,3),
    note               VARCHAR(500),
    reported_at        TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (supplier_order_id, product_id)
);
