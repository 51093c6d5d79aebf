-- Read model "fingerprints": which gov and revisions carried a fingerprint, and what changed after it.
-- One row per run of consecutive revisions in which a gov root or a citizen's fingerprint stayed the same.
create table fingerprint_run (
    fingerprint    varchar(64) not null,
    gov            varchar(64) not null,
    kind           varchar(16) not null,
    member         varchar(64) not null,  -- the citizen or service; '' for the gov root
    first_revision bigint      not null,
    last_revision  bigint      not null,
    primary key (fingerprint, gov, kind, member, first_revision)
);
-- What each revision changed, for the changes since a fingerprint: read by (gov, revision) ranges.
create table fingerprint_change (
    gov           varchar(64)                 not null,
    revision      bigint                      not null,
    fingerprint   varchar(64)                 not null,
    published_at  timestamp(6) with time zone not null,
    what          varchar(8000)               not null,
    reason        varchar(2000),
    cutover_of    varchar(64),
    metadata_only boolean                     not null,
    primary key (gov, revision)
);
-- The last revision of each gov and its config, which the next publication is compared with; and retirement.
create table fingerprint_gov (
    gov        varchar(64)                 not null primary key,
    revision   bigint                      not null,
    config     ${document}                 not null,
    retired_at timestamp(6) with time zone
);
-- Revision rows say whether they changed only what is outside the fingerprint.
alter table gov_revision add column metadata_only boolean default false not null;
-- Reports count the bumps a citizen announced at short notice and those that caught up with a move already made.
alter table report_bump add column short_notice boolean default false not null;
alter table report_bump add column catch_up boolean default false not null;
