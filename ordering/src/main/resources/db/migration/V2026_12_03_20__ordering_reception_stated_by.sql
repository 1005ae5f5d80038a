-- Who stated what arrived (the user id of the reception's command, from its event's metadata): a later dispute knows
-- whom to ask. Null for receptions recorded before this column.
ALTER TABLE supplier_order ADD COLUMN received_by VARCHAR(64);
