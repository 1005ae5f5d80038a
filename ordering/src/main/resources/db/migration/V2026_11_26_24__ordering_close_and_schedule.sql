-- Rounds open and close on schedule; the intake gate serialises order submissions with the close.
ALTER TABLE purchase_round ADD COLUMN opens_at TIMESTAMPTZ;
ALTER TABLE purchase_round ADD COLUMN closed_at TIMESTAMPTZ;
ALTER TABLE purchase_round ADD COLUMN closed_by VARCHAR(20);
-- The schedule looks for drafts due to open and open rounds due to close.
CREATE INDEX purchase_round_due ON purchase_round (status, closes_at);

-- Written in the same transaction as the round's events (subscribing handler RoundIntake), never replayed.
CREATE TABLE round_intake (
    round_id       VARCHAR(64) PRIMARY KEY,
    groupement_id  VARCHAR(64) NOT NULL,
    state          VARCHAR(20) NOT NULL CHECK (state IN ('OPEN', 'CLOSED', 'CANCELLED'))
);
INSERT INTO round_intake (round_id, groupement_id, state)
SELECT id, groupement_id, CASE status WHEN 'OPEN' THEN 'OPEN' WHEN 'CANCELLED' THEN 'CANCELLED' ELSE 'CLOSED' END
FROM purchase_round WHERE status <> 'DRAFT';
