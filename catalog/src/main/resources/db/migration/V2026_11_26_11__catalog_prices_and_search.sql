-- Catalog issue: price history ("price in force at T"), product labels, accent-free search text, and a rebuild of
-- the directory projection (its token is removed, so it replays every event into the new shape on next start).

ALTER TABLE product DROP COLUMN organic;
ALTER TABLE product DROP COLUMN unit_price;
ALTER TABLE product DROP COLUMN tiers;
ALTER TABLE product ADD COLUMN labels VARCHAR(20)[] NOT NULL DEFAULT '{}';
ALTER TABLE product ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE supplier ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

CREATE TABLE product_price (
    product_id     VARCHAR(64)   NOT NULL,
    groupement_id  VARCHAR(64)   NOT NULL,
    effective_at   TIMESTAMPTZ   NOT NULL,
    unit_price     NUMERIC(14,4) NOT NULL,
    tiers          JSONB         NOT NULL DEFAULT '[]',
    PRIMARY KEY (product_id, effective_at)
);

CREATE INDEX product_category ON product (groupement_id, lower(category));

TRUNCATE groupement, member_structure, supplier, product;
DELETE FROM tokenentry WHERE processorname = 'catalog-directory';
