-- Events a projection could not keep as dead letters because their sequence (one aggregate) already held as many as
-- allowed (mutua.dead-letters.max-per-sequence): counted here instead of stopping the projection for every groupement.
-- The operator page shows them; that projection needs a rebuild for that aggregate once its cause is fixed.
CREATE TABLE dead_letter_overflow (
    processing_group     VARCHAR(255) NOT NULL,
    sequence_identifier  VARCHAR(255) NOT NULL,
    dropped              BIGINT       NOT NULL,
    first_dropped_at     TIMESTAMPTZ  NOT NULL,
    last_dropped_at      TIMESTAMPTZ  NOT NULL,
    last_event_type      VARCHAR(255),
    PRIMARY KEY (processing_group, sequence_identifier)
);
