-- Read model of purchase rounds, written by coop.mutua.ordering.query.PurchaseRoundProjection.
CREATE TABLE purchase_round (
    id              VARCHAR(64) PRIMARY KEY,
    groupement_id   VARCHAR(64)  NOT NULL,
    title           VARCHAR(200) NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    closes_at       TIMESTAMPTZ  NOT NULL,
    delivery_date   DATE         NOT NULL,
    delivery_place  VARCHAR(200) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX purchase_round_groupement ON purchase_round (groupement_id, closes_at DESC);
