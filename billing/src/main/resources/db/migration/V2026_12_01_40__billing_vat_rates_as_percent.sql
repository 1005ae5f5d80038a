-- VAT rates in the invoices' JSON documents as their percentage text, like everywhere else (ADR 12).
UPDATE supplier_invoice SET lines = mutua_vat_rates_as_percent(lines), charges = mutua_vat_rates_as_percent(charges),
    vat = mutua_vat_rates_as_percent(vat), differences = mutua_vat_rates_as_percent(differences);
UPDATE member_invoice SET document = mutua_vat_rates_as_percent(document);
