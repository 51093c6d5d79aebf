-- Read model "reports": bump notice lead times, publications, composition over time.
create table report_bump (
    gov               varchar(64)                 not null,
    scheduled_seq     bigint                      not null,
    citizen           varchar(64)                 not null,
    scheduled_at      timestamp(6) with time zone not null,
    cutover_at        timestamp(6) with time zone not null,
    lead_seconds      bigint                      not null,
    outcome           varchar(16)                 not null,
    ended_at          timestamp(6) with time zone,
    published_at      timestamp(6) with time zone,
    published_revision bigint,
    primary key (gov, scheduled_seq)
);
create index idx_report_bump_citizen on report_bump (gov, citizen, outcome);

create table report_publication (
    gov          varchar(64)                 not null,
    revision     bigint                      not null,
    published_at timestamp(6) with time zone not null,
    published_month varchar(7)               not null,
    cutover_of   varchar(64),
    lattices     integer                     not null,
    organisms    integer                     not null,
    confluences  integer                     not null,
    services     integer                     not null,
    primary key (gov, revision)
);
