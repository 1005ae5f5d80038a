-- Members' orders (one per round and member) and their lines, written by MemberOrderProjection.
CREATE TABLE member_order (
    order_id            VARCHAR(64) PRIMARY KEY,
    groupement_id       VARCHAR(64) NOT NULL,
    round_id            VARCHAR(64) NOT NULL,
    member_id           VARCHAR(64) NOT NULL,
    first_submitted_at  TIMESTAMPTZ NOT NULL,
    submitted_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (round_id, member_id)
);

CREATE TABLE member_order_line (
    order_id    VARCHAR(64)   NOT NULL REFERENCES member_order (order_id),
    round_id    VARCHAR(64)   NOT NULL,
    member_id   VARCHAR(64)   NOT NULL,
    product_id  VARCHAR(64)   NOT NULL,
    quantity    NUMERIC(12,3) NOT NULL,
    tolerance   NUMERIC(12,3) NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
CREATE INDEX member_order_line_round ON member_order_line (round_id, product_id);

-- Idempotency keys of order submissions already applied: a retried (or late) request is not applied twice.
CREATE TABLE order_idempotency_key (
    order_id    VARCHAR(64)  NOT NULL,
    key         VARCHAR(200) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, key)
);
