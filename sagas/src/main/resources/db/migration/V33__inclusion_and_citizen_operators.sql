-- What each gov last published, one row per lattice, organism, confluence and service (a digest of its reference),
-- plus one row naming the revision. The notices processor compares a publication with it to tell a citizen's
-- operator of its inclusion at the first publication naming it (or changing its reference), and to link the docs of
-- what a publication shipped, commissioned or upgraded, without reading another module's tables.
create table notice_published_part (
    gov    varchar(64)  not null,
    part   varchar(100) not null,
    digest varchar(64)  not null,
    primary key (gov, part)
);

-- Citizens' operators: each reads the notices about its own citizen, nothing else of the gov. Kept by the
-- notice-authority processor beside notice_operator.
create table notice_citizen_operator (
    gov      varchar(64) not null,
    citizen  varchar(64) not null,
    operator varchar(64) not null,
    primary key (gov, citizen, operator)
);
create index idx_notice_citizen_operator on notice_citizen_operator (gov, operator);
