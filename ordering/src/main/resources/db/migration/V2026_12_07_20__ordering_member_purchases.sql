-- What each member received from each supplier order, in cents excl. VAT: the impact report over years of rounds reads
-- these totals (one row per member and supplier order) instead of every share (ADR 21). Maintained by the supplier
-- orders' projection whenever an order's status or reception changes; only orders RECEIVED or INVOICED count.
ALTER TABLE supplier_order_line ADD COLUMN organic BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE supplier_order_line l SET organic = TRUE
FROM supplier_order o, round_offer r
WHERE o.id = l.supplier_order_id AND r.round_id = o.round_id AND r.product_id = l.product_id
  AND r.offered -> 'details' -> 'labels' ? 'ORGANIC_AB';

CREATE TABLE member_purchase (
    supplier_order_id  VARCHAR(64)  NOT NULL,
    member_id          VARCHAR(64)  NOT NULL,
    groupement_id      VARCHAR(64)  NOT NULL,
    round_id           VARCHAR(64)  NOT NULL,
    supplier_id        VARCHAR(64)  NOT NULL,
    -- Each share's quantity x the pooled price, rounded to the cent (half up), summed.
    spend_cents        BIGINT       NOT NULL,
    -- The same at the list price (never below the spend).
    list_cents         BIGINT       NOT NULL,
    -- The spend on products labelled organic in the round's offer.
    organic_cents      BIGINT       NOT NULL,
    PRIMARY KEY (supplier_order_id, member_id)
);
CREATE INDEX member_purchase_groupement ON member_purchase (groupement_id, member_id);
CREATE INDEX member_purchase_round ON member_purchase (round_id);

INSERT INTO member_purchase
SELECT o.id, a.member_id, o.groupement_id, o.round_id, o.supplier_id,
       sum(round(a.received * l.unit_price, 2) * 100)::BIGINT,
       sum(greatest(round(a.received * l.unit_price, 2), round(a.received * l.list_price, 2)) * 100)::BIGINT,
       sum(CASE WHEN l.organic THEN round(a.received * l.unit_price, 2) * 100 ELSE 0 END)::BIGINT
FROM supplier_order o
JOIN member_allocation a ON a.round_id = o.round_id AND a.supplier_order_id = o.id
JOIN supplier_order_line l ON l.supplier_order_id = o.id AND l.product_id = a.product_id
WHERE o.status IN ('RECEIVED', 'INVOICED') AND a.received > 0
GROUP BY o.id, a.member_id, o.groupement_id, o.round_id, o.supplier_id;
