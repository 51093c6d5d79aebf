-- Notices to integrators and their delivery. Rows are created in the same transaction as the token of the
-- processor (saga or notices projection) that decided them, so each is created exactly once.
create table notice (
    id              varchar(64)                 not null,
    source          varchar(200)                not null,
    gov             varchar(64)                 not null,
    integrator      varchar(64),
    target_url      varchar(500)                not null,
    kind            varchar(32)                 not null,
    citizen         varchar(64),
    bump            varchar(64),
    body            ${document}                        not null,
    created_at      timestamp(6) with time zone not null,
    status          varchar(12)                 not null,
    attempts        integer                     not null,
    next_attempt_at timestamp(6) with time zone,
    retry_since     timestamp(6) with time zone not null,
    claimed_by      varchar(64),
    claimed_until   timestamp(6) with time zone,
    delivered_at    timestamp(6) with time zone,
    acknowledged_at timestamp(6) with time zone,
    primary key (id),
    constraint uk_notice_source unique (source)
);
create index idx_notice_due on notice (status, next_attempt_at);
create index idx_notice_gov on notice (gov, created_at);
create index idx_notice_bump on notice (gov, bump);

create table notice_attempt (
    notice_id    varchar(64)                 not null,
    attempt      integer                     not null,
    attempted_at timestamp(6) with time zone not null,
    http_status  integer,
    latency_ms   bigint                      not null,
    outcome      varchar(16)                 not null,
    error        varchar(300),
    primary key (notice_id, attempt)
);

-- Bumps between schedule and cutover, so an operator sees who has not acknowledged yet (ConnectTimeout risk).
create table notice_bump (
    gov        varchar(64)                 not null,
    citizen    varchar(64)                 not null,
    bump       varchar(64)                 not null,
    cutover_at timestamp(6) with time zone not null,
    primary key (gov, citizen)
);
