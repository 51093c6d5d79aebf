-- How many bumps of the gov are pending (scheduled, neither cut over nor cancelled; blocked ones included), so that
-- GET /api/govs?pendingCutovers=true filters in SQL instead of reading every document. The projection writes it
-- with each document; rows from before this column hold a document that says it but no count, so every read model
-- is emptied to be rebuilt from the log (as V35 did; the processor's tokens go in V41.1, in the app's migrations
-- beside the token store). What the read models had parked goes too: the rebuild hands them those events again.
-- On a new database this changes nothing.
alter table composition add column pending_cutovers integer default 0 not null;
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
delete from dead_letter;
