-- One-off, for data written before rounds and supplier orders recorded their billing stages as events (their status
-- columns are ordering's read model; from now on they follow SupplierOrderInvoicedEvent, PurchaseRoundInvoicedEvent and
-- PurchaseRoundSettledEvent): what billing's own tables say of them.
UPDATE supplier_order o SET status = 'INVOICED'
    WHERE status = 'RECEIVED' AND EXISTS (SELECT 1 FROM supplier_invoice i WHERE i.supplier_order_id = o.id);
UPDATE purchase_round r SET status = 'INVOICED', invoiced_at = (SELECT min(issued_at) FROM member_invoice i WHERE i.round_id = r.id)
    WHERE status IN ('POOLED', 'RECEIVED') AND EXISTS (SELECT 1 FROM member_invoice i WHERE i.round_id = r.id AND NOT i.credit_note);
UPDATE purchase_round r SET status = 'SETTLED', settled_at = now()
    WHERE status = 'INVOICED'
      AND NOT EXISTS (SELECT 1 FROM member_invoice i WHERE i.round_id = r.id AND NOT i.credit_note AND i.status = 'ISSUED');
