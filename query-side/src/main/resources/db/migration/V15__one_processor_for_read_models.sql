-- The read models now share one event processor ("read-models") instead of one each. What their own processors
-- had built goes (their tokens go in V16, in the app's migrations beside the token store): the new processor starts
-- from the start of the log and rebuilds every read model at first start. On a new database this changes nothing.
delete from composition;
delete from gov_revision;
delete from audit_entry;
delete from channel_entry;
delete from channel_published;
delete from report_bump;
delete from report_publication;
