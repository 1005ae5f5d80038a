-- A supplier order's shares are read by the order: its reception, its members' purchases, its page in the supplier
-- portal. The key (round, member, product) cannot find them: without this index each read went through every share of
-- the round (a round of 500 members: 10,000 shares read for one supplier's 500).
CREATE INDEX member_allocation_supplier_order ON member_allocation (supplier_order_id);
