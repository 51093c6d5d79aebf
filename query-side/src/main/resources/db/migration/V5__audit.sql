-- Read model "audit": every event of every gov with who, when, why and its correlation.
create table audit_entry (
    gov             varchar(64)                 not null,
    sequence_number bigint                      not null,
    event_type      varchar(64)                 not null,
    occurred_at     timestamp(6) with time zone not null,
    operator        varchar(64),
    reason          varchar(500),
    correlation_id  varchar(100),
    causation_id    varchar(100),
    citizen         varchar(64),
    summary         varchar(1000)               not null,
    payload         ${document}                        not null,
    primary key (gov, sequence_number)
);
create index idx_audit_type on audit_entry (gov, event_type);
create index idx_audit_citizen on audit_entry (gov, citizen);
create index idx_audit_time on audit_entry (gov, occurred_at);
