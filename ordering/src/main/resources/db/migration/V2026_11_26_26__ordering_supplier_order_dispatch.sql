-- Supplier orders are sent once per version (a later change, e.g. a reported shortage, makes a new version).
ALTER TABLE supplier_order ADD COLUMN version INT NOT NULL DEFAULT 1;

-- One row per supplier order version e-mailed: the dispatcher skips a version already here (replays, redeliveries).
CREATE TABLE supplier_order_dispatch (
    supplier_order_id  VARCHAR(64)  NOT NULL,
    version            INT          NOT NULL,
    recipient          VARCHAR(254) NOT NULL,
    message_id         VARCHAR(200) NOT NULL,
    sent_at            TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (supplier_order_id, version)
);
