-- The supplier order projection leaves the rounds' processor ("ordering-rounds") for one of its own
-- ("ordering-supplier-orders"), as every projection has (ARCHITECTURE.md). It continues exactly where the shared
-- processor was: its tokens are copied (on a new database there are none, and it starts from the first event as
-- any new processor). Dead letters of the shared processor are copied too: each processor retries them, and an
-- event that a processor does not handle is simply let go.
INSERT INTO tokenentry (processorname, segment, token, tokentype, timestamp, owner)
SELECT 'ordering-supplier-orders', segment, token, tokentype, timestamp, NULL
FROM tokenentry WHERE processorname = 'ordering-rounds'
ON CONFLICT DO NOTHING;

INSERT INTO deadletterentry (deadletteridentifier, processinggroup, sequenceidentifier, sequenceindex, messagetype, eventidentifier, timestamp, payloadtype, payloadrevision, payload,
       metadata, type, aggregateidentifier, sequencenumber, tokentype, token, enqueuedat, lasttouched, processingstarted,
       causetype, causemessage, diagnostics)
SELECT gen_random_uuid()::text, 'ordering-supplier-orders', sequenceidentifier, sequenceindex, messagetype, eventidentifier, timestamp, payloadtype, payloadrevision, payload,
       metadata, type, aggregateidentifier, sequencenumber, tokentype, token, enqueuedat, lasttouched, processingstarted,
       causetype, causemessage, diagnostics
FROM deadletterentry WHERE processinggroup = 'ordering-rounds';

INSERT INTO dead_letter_overflow (processing_group, sequence_identifier, dropped, first_dropped_at, last_dropped_at, last_event_type)
SELECT 'ordering-supplier-orders', sequence_identifier, dropped, first_dropped_at, last_dropped_at, last_event_type
FROM dead_letter_overflow WHERE processing_group = 'ordering-rounds';
