-- The supplier orders' list is read one page at a time, newest first, per groupement (years of rounds: thousands of orders).
CREATE INDEX supplier_order_groupement_pooled ON supplier_order (groupement_id, pooled_at DESC, supplier_id);
