-- Used by the contexts' migrations of 2026-12-01 that rewrite stored VAT rates (ADR 12); dropped by V2026_12_01_99.
-- JSON documents written from events: a rate is the value of a "vatRate" or "rate" member, or the key of a map of
-- amounts per rate. Rewrites those (and only those) from the enum's name to the percentage.
CREATE OR REPLACE FUNCTION mutua_vat_rates_as_percent(document JSONB) RETURNS JSONB LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN CASE jsonb_typeof(document)
        WHEN 'object' THEN (
            SELECT coalesce(jsonb_object_agg(
                CASE key WHEN 'STANDARD' THEN '20' WHEN 'INTERMEDIATE' THEN '10' WHEN 'REDUCED' THEN '5.5'
                         WHEN 'SPECIAL' THEN '2.1' ELSE key END,
                CASE WHEN key IN ('vatRate', 'rate') AND jsonb_typeof(value) = 'string' THEN
                         CASE value #>> '{}' WHEN 'STANDARD' THEN '"20"'::jsonb WHEN 'INTERMEDIATE' THEN '"10"'::jsonb
                             WHEN 'REDUCED' THEN '"5.5"'::jsonb WHEN 'SPECIAL' THEN '"2.1"'::jsonb ELSE value END
                     ELSE mutua_vat_rates_as_percent(value) END), '{}'::jsonb)
            FROM jsonb_each(document))
        WHEN 'array' THEN (
            SELECT coalesce(jsonb_agg(mutua_vat_rates_as_percent(element) ORDER BY position), '[]'::jsonb)
            FROM jsonb_array_elements(document) WITH ORDINALITY AS elements(element, position))
        ELSE document END;
END
$$;

