-- Supplier invoices and credit notes of grouped orders, projected from SupplierInvoice's events (group billing-invoices).
-- Lines, charges, VAT and the three-way match's differences are kept as the event states them (JSON): they are shown
-- and split as a whole, never queried line by line.
CREATE TABLE supplier_invoice (
    id                 VARCHAR(64)    PRIMARY KEY,
    groupement_id      VARCHAR(64)    NOT NULL,
    round_id           VARCHAR(64)    NOT NULL,
    supplier_order_id  VARCHAR(64)    NOT NULL,
    supplier_id        VARCHAR(64)    NOT NULL,
    number             VARCHAR(100)   NOT NULL,
    issue_date         DATE           NOT NULL,
    due_date           DATE,
    credit_note        BOOLEAN        NOT NULL,
    status             VARCHAR(20)    NOT NULL,
    note               VARCHAR(1000),
    total_excl_vat     BIGINT         NOT NULL,
    vat_total          BIGINT         NOT NULL,
    lines              JSONB          NOT NULL,
    charges            JSONB          NOT NULL,
    vat                JSONB          NOT NULL,
    differences        JSONB          NOT NULL,
    recorded_at        TIMESTAMPTZ    NOT NULL,
    resolved_at        TIMESTAMPTZ
);
CREATE INDEX supplier_invoice_round ON supplier_invoice (round_id);
CREATE INDEX supplier_invoice_order ON supplier_invoice (supplier_order_id);
