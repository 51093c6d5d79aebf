-- Read model "fingerprints": which gov and revisions carried a fingerprint, answered in one indexed read.

-- One row per run of consecutive revisions in which a gov carried a fingerprint, as its root (citizen '') or as a
-- citizen's or service's. last_revision is null while the gov's latest revision still carries it, so a publication
-- writes only what it changed, never a row per citizen per revision. A fingerprint that comes back later (a drop
-- reverted) starts a new run, so the revisions listed are exactly those that carried it.
create table fingerprint_carried (
    fingerprint      varchar(64) not null,
    gov              varchar(64) not null,
    citizen          varchar(64) not null,
    first_revision   bigint      not null,
    kind             varchar(16) not null,
    last_revision    bigint,
    next_fingerprint varchar(64),
    primary key (fingerprint, gov, citizen, first_revision)
);

-- Where each gov stands now: its latest revision (and that revision's config, to see what the next one changes).
create table fingerprint_gov (
    gov         varchar(64)                 not null,
    revision    bigint                      not null,
    fingerprint varchar(64)                 not null,
    config      ${document}                 not null,
    retired_at  timestamp(6) with time zone,
    primary key (gov)
);

-- Every revision of every gov with a line on what it changed: "changes since" is one range read of this key.
create table fingerprint_change (
    gov           varchar(64)                 not null,
    revision      bigint                      not null,
    fingerprint   varchar(64)                 not null,
    published_at  timestamp(6) with time zone not null,
    metadata_only boolean                     not null,
    what          varchar(2000)               not null,
    reason        varchar(2000),
    cutover_of    varchar(64),
    primary key (gov, revision)
);

-- Reports count short-notice and catch-up bumps per citizen (bumps before these flags existed were neither).
alter table report_bump add column short_notice boolean default false not null;
alter table report_bump add column late_seconds bigint;

-- A read model added to a running database must see the whole log: the read models' processor starts over from
-- its beginning, as at first start, so every read model is rebuilt (V15 did the same; its tokens go in V32.1, in the
-- app's migrations beside the token store). On a new database this changes nothing.
delete from composition;
delete from gov_revision;
delete from audit_entry;
delete from channel_entry;
delete from channel_published;
delete from report_bump;
delete from report_publication;
