-- Read model "channel": the change channel integrators follow (changelog and Atom feed).
create table channel_entry (
    gov             varchar(64)                 not null,
    sequence_number bigint                      not null,
    kind            varchar(32)                 not null,
    title           varchar(300)                not null,
    body            ${document}                        not null,
    occurred_at     timestamp(6) with time zone not null,
    primary key (gov, sequence_number)
);
-- The last published GovConfig per gov, so a publication's entry can say what changed since.
create table channel_published (
    gov    varchar(64) not null,
    config ${document}        not null,
    primary key (gov)
);
