-- The order lines are a read model written by one projection only, and rebuilt by replay: the foreign key to
-- member_order checked every inserted line (half the cost of projecting an order, benchmark) and protected nothing.
ALTER TABLE member_order_line DROP CONSTRAINT member_order_line_order_id_fkey;
