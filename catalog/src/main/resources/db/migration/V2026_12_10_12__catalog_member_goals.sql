-- Member structures' responsible-purchasing targets (ADR 22), as last set: whole percent, null for no target.
CREATE TABLE member_goals (
    member_id       VARCHAR(64) PRIMARY KEY,
    groupement_id   VARCHAR(64) NOT NULL,
    ess_percent     INTEGER CHECK (ess_percent BETWEEN 0 AND 100),
    organic_percent INTEGER CHECK (organic_percent BETWEEN 0 AND 100),
    local_percent   INTEGER CHECK (local_percent BETWEEN 0 AND 100),
    set_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX member_goals_groupement ON member_goals (groupement_id);
