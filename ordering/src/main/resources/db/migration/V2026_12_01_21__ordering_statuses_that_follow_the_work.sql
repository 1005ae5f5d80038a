-- Statuses that follow the work (DOMAIN.md, lifecycle). A round: DRAFT, OPEN, CLOSED, POOLED, RECEIVED, INVOICED,
-- SETTLED, CANCELLED, or a failed job (POOLING_FAILED, INVOICING_FAILED) with its reason until it is retried.
ALTER TABLE purchase_round ADD COLUMN invoiced_at TIMESTAMPTZ;
ALTER TABLE purchase_round ADD COLUMN settled_at TIMESTAMPTZ;
ALTER TABLE purchase_round ADD COLUMN failure_job VARCHAR(20);
ALTER TABLE purchase_round ADD COLUMN failure_reason VARCHAR(1000);
ALTER TABLE purchase_round ADD COLUMN failure_attempts INT;
ALTER TABLE purchase_round ADD COLUMN failed_at TIMESTAMPTZ;
ALTER TABLE purchase_round ADD COLUMN next_attempt_at TIMESTAMPTZ;

-- A supplier order: BELOW_MINIMUM (awaiting the coordinator), SENT, CONFIRMED, RECEIVED, INVOICED, or CANCELLED.
UPDATE supplier_order SET status = CASE
    WHEN status = 'CANCELLED' OR total_excl_vat_cents = 0 THEN 'CANCELLED'
    WHEN received_at IS NOT NULL THEN 'RECEIVED'
    WHEN below_minimum AND status = 'POOLED' THEN 'BELOW_MINIMUM'
    WHEN confirmed_version > 0 THEN 'CONFIRMED'
    ELSE 'SENT' END;
ALTER TABLE supplier_order ADD CONSTRAINT supplier_order_status
    CHECK (status IN ('BELOW_MINIMUM', 'SENT', 'CONFIRMED', 'RECEIVED', 'INVOICED', 'CANCELLED'));

UPDATE purchase_round SET status = 'POOLED' WHERE status = 'CLOSED' AND pooled_at IS NOT NULL;
UPDATE purchase_round r SET status = 'RECEIVED' WHERE status = 'POOLED'
    AND EXISTS (SELECT 1 FROM supplier_order o WHERE o.round_id = r.id AND o.status <> 'CANCELLED')
    AND NOT EXISTS (SELECT 1 FROM supplier_order o WHERE o.round_id = r.id AND o.status IN ('BELOW_MINIMUM', 'SENT', 'CONFIRMED'));
UPDATE purchase_round SET status = 'CLOSED' WHERE status = 'ORDERED';
ALTER TABLE purchase_round ADD CONSTRAINT purchase_round_status
    CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED', 'POOLING_FAILED', 'POOLED', 'RECEIVED', 'INVOICING_FAILED', 'INVOICED',
                      'SETTLED', 'CANCELLED'));
ALTER TABLE purchase_round ADD CONSTRAINT purchase_round_failure_job CHECK (failure_job IN ('POOLING', 'INVOICING'));
-- The rounds to invoice, to settle...: lists filter by status.
CREATE INDEX purchase_round_status ON purchase_round (groupement_id, status);
