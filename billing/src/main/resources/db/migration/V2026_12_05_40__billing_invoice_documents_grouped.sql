-- The invoice document of member invoices and credit notes groups its fields (revision 2 of the issued events, see
-- InvoiceDocumentUpcaster): parties, sale, payment and, on a credit note, cancels. The read model's copies move the same
-- way, field for field, so that invoices issued before still open, export and render.
UPDATE member_invoice
SET document = jsonb_build_object(
        'number', document -> 'number',
        'issueDate', document -> 'issueDate',
        'parties', jsonb_build_object('seller', document -> 'seller', 'sellerRegime', document -> 'sellerRegime',
                                      'buyer', document -> 'buyer'),
        'sale', jsonb_build_object('roundId', document -> 'roundId', 'roundTitle', document -> 'roundTitle',
                                   'deliveryDate', document -> 'deliveryDate'),
        'draft', document -> 'draft',
        'payment', jsonb_build_object('dueDate', document -> 'dueDate', 'latePaymentTerms', document -> 'latePaymentTerms'),
        'cancels', CASE WHEN (document ->> 'creditNote')::boolean
                        THEN jsonb_build_object('originalNumber', document -> 'originalNumber',
                                                'originalDate', document -> 'originalDate',
                                                'reason', document -> 'creditReason')
                        ELSE 'null'::jsonb END)
WHERE document ? 'creditNote';
