-- The rewrite of stored VAT rates is done (ADR 12).
DROP FUNCTION mutua_vat_rates_as_percent(JSONB);
