-- API requests made with an Idempotency-Key (IdempotencyFilter): per caller and key, the request's fingerprint (method,
-- path, body) and, once it succeeded, the answer to replay. A key reused with another request is refused (422); a key in
-- use by a request still running answers 409. Rows older than a day are removed.
CREATE TABLE idempotency_record (
    caller        VARCHAR(64)   NOT NULL,
    key           VARCHAR(200)  NOT NULL,
    fingerprint   CHAR(64)      NOT NULL,
    state         VARCHAR(10)   NOT NULL CHECK (state IN ('RUNNING', 'DONE')),
    status        INTEGER,
    content_type  VARCHAR(200),
    location      VARCHAR(500),
    body          BYTEA,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_record_age ON idempotency_record (created_at);
