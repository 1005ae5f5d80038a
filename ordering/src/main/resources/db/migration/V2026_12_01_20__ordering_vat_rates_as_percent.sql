-- VAT rates are stored as their percentage text everywhere ("20", "10", "5.5", "2.1"; ADR 12). Supplier order lines
-- held the enum's name, which did not fit for INTERMEDIATE: converted, and the column sized like the catalog's.
UPDATE supplier_order_line SET vat_rate = CASE vat_rate
    WHEN 'STANDARD' THEN '20' WHEN 'INTERMEDIATE' THEN '10' WHEN 'REDUCED' THEN '5.5' WHEN 'SPECIAL' THEN '2.1'
    ELSE vat_rate END;
ALTER TABLE supplier_order_line ALTER COLUMN vat_rate TYPE VARCHAR(4);
ALTER TABLE supplier_order_line ADD CONSTRAINT supplier_order_line_vat_rate CHECK (vat_rate IN ('20', '10', '5.5', '2.1'));

-- JSON documents (function of V2026_12_01_01, ADR 12).
UPDATE round_offer SET offered = mutua_vat_rates_as_percent(offered);
