-- V32 added the read model "fingerprints" to the processor that feeds every read model. On a database that had
-- published revisions before, that processor's token was already past them, so the lookup would never learn of any
-- fingerprint published before the upgrade. The processor starts over from the start of the log instead (its tokens
-- go in V35.1, in the app's migrations beside the token store), so every read model is emptied to be rebuilt, as V15
-- did. On a new database this changes nothing.
delete from composition;
delete from gov_revision;
delete from audit_entry;
delete from channel_entry;
delete from channel_published;
delete from report_bump;
delete from report_publication;
delete from fingerprint_run;
delete from fingerprint_change;
delete from fingerprint_gov;
