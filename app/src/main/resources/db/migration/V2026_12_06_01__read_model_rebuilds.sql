-- Rebuilds of read models from the event store (ReadModelRebuilds, README "Rebuilding read models"): one row per
-- rebuild, its progress updated every second by the node running it, so that every node's operator page shows it.
CREATE TABLE read_model_rebuild (
    id           VARCHAR(64)   PRIMARY KEY,
    read_models  VARCHAR(1000) NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    node         VARCHAR(255)  NOT NULL,
    started_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    replaying_at TIMESTAMPTZ,
    swapping_at  TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    position     BIGINT        NOT NULL DEFAULT 0,
    head         BIGINT        NOT NULL DEFAULT 0,
    failure      TEXT
);
CREATE INDEX read_model_rebuild_started ON read_model_rebuild (started_at DESC);
