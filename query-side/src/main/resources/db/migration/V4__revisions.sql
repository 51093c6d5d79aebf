-- Read model "revisions": every published GovConfig, whole and never changed.
create table gov_revision (
    gov                  varchar(64)                 not null,
    revision             bigint                      not null,
    fingerprint          varchar(64)                 not null,
    previous_fingerprint varchar(64),
    config               ${document}                        not null,
    published_at         timestamp(6) with time zone not null,
    published_by         varchar(64),
    notes                varchar(2000),
    cutover_of           varchar(64),
    primary key (gov, revision)
);
create index idx_revision_time on gov_revision (gov, published_at);
