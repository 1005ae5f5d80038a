-- The impact report over every round reads one row per member and supplier of the groupement (ADR 21): the totals of
-- member_purchase, kept by the same projection (each order's rows taken out, then its new rows added in), with the number
-- of member_purchase rows behind each (a total with none behind it goes).
CREATE TABLE member_purchase_total (
    groupement_id  VARCHAR(64)  NOT NULL,
    member_id      VARCHAR(64)  NOT NULL,
    supplier_id    VARCHAR(64)  NOT NULL,
    spend_cents    BIGINT       NOT NULL,
    list_cents     BIGINT       NOT NULL,
    organic_cents  BIGINT       NOT NULL,
    purchases      INT          NOT NULL,
    PRIMARY KEY (groupement_id, member_id, supplier_id)
);

INSERT INTO member_purchase_total
SELECT groupement_id, member_id, supplier_id, sum(spend_cents), sum(list_cents), sum(organic_cents), count(*)
FROM member_purchase GROUP BY groupement_id, member_id, supplier_id;
