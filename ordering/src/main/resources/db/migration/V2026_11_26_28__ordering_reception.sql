-- Reception: what arrived of each line, and what each member receives of it (re-allocated by the round's policy).
ALTER TABLE supplier_order_line ADD COLUMN delivered NUMERIC(14,3);
ALTER TABLE supplier_order_line ADD COLUMN delivered_unallocated NUMERIC(14,3);
ALTER TABLE supplier_order ADD COLUMN received_at TIMESTAMPTZ;
ALTER TABLE member_allocation ADD COLUMN received NUMERIC(12,3);
