-- Gap-free invoice numbering: one row per groupement and year, incremented in the issuing transaction.
CREATE TABLE invoice_series (
    groupement_id  VARCHAR(64)  NOT NULL,
    year           INT          NOT NULL,
    last_number    BIGINT       NOT NULL,
    PRIMARY KEY (groupement_id, year)
);

-- Member invoices and credit notes, projected from MemberInvoice's events in the issuing transaction (subscribing group
-- billing-member-invoices). The whole document (parties, lines, totals) is kept as the event states it.
CREATE TABLE member_invoice (
    id              VARCHAR(64)   PRIMARY KEY,
    groupement_id   VARCHAR(64)   NOT NULL,
    round_id        VARCHAR(64)   NOT NULL,
    member_id       VARCHAR(64)   NOT NULL,
    member_name     VARCHAR(300)  NOT NULL,
    number          VARCHAR(20)   NOT NULL,
    credit_note     BOOLEAN       NOT NULL,
    issue_date      DATE          NOT NULL,
    due_date        DATE,
    total_excl_vat  BIGINT        NOT NULL,
    vat_total       BIGINT        NOT NULL,
    total_incl_vat  BIGINT        NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    paid_on         DATE,
    related_id      VARCHAR(64),
    issued_at       TIMESTAMPTZ   NOT NULL,
    document        JSONB         NOT NULL,
    UNIQUE (groupement_id, number)
);
-- One invoice per member per round, whatever happens.
CREATE UNIQUE INDEX member_invoice_one_per_round ON member_invoice (round_id, member_id) WHERE NOT credit_note;
CREATE INDEX member_invoice_member ON member_invoice (member_id);

-- The issued files (Factur-X PDF/A-3), written in the issuing transaction, never rewritten.
CREATE TABLE member_invoice_file (
    invoice_id  VARCHAR(64)  PRIMARY KEY,
    pdf         BYTEA        NOT NULL
);

-- Invoices e-mailed to their member (once each).
CREATE TABLE member_invoice_mail (
    invoice_id  VARCHAR(64)  PRIMARY KEY,
    sent_at     TIMESTAMPTZ  NOT NULL
);
