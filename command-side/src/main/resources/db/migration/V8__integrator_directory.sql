-- The integrator directory: endpoints and signing secrets, kept beside the event log (a secret must never be in
-- it) and written in the transaction of the command that changes them, so the saga and notice delivery find it as
-- it stood when each event was appended. valid_until is null for the current secret, set for a rotated-out one
-- still signing during the overlap.
create table integrator_endpoint (
    gov           varchar(64)                 not null,
    integrator    varchar(64)                 not null,
    webhook_url   varchar(500)                not null,
    disabled      boolean                     not null,
    registered_at timestamp(6) with time zone not null,
    primary key (gov, integrator)
);

create table integrator_secret (
    gov         varchar(64)                 not null,
    integrator  varchar(64)                 not null,
    secret      varchar(100)                not null,
    created_at  timestamp(6) with time zone not null,
    valid_until timestamp(6) with time zone,
    primary key (gov, integrator, secret)
);
