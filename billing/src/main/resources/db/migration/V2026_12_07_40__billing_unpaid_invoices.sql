-- The home page counts the invoices still to be paid: few, among years of paid ones.
CREATE INDEX member_invoice_unpaid ON member_invoice (groupement_id) WHERE status = 'ISSUED' AND NOT credit_note;
