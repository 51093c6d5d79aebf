-- The hash of each event's audit line as the audit projection first saw it, right after the event was appended.
-- Never emptied, not even by a rebuild: an export compares the log as it now is with these, so a row edited in the
-- database behind the log's back is named (README "Tamper-evident audit export").
create table audit_seal (
    gov             varchar(64) not null,
    sequence_number bigint      not null,
    line_hash       varchar(64) not null,  -- what the next line's prev carries
    seal            varchar(64) not null,  -- line_hash under the audit key (AuditSigningKey.seal)
    primary key (gov, sequence_number)
);
