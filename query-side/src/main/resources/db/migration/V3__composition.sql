-- Read model "composition": one row per gov, its current published GovConfig, draft and pending bumps.
create table composition (
    gov               varchar(64)                 not null,
    archetype         varchar(16)                 not null,
    description       varchar(500),
    status            varchar(8)                  not null,
    version           bigint                      not null,
    revision          bigint,
    fingerprint       varchar(64),
    draft_fingerprint varchar(64)                 not null,
    document          ${document}                        not null,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null,
    primary key (gov)
);
create index idx_composition_status on composition (status, gov);
