-- Set-based validation of gov names: written in the transaction that appends a gov's first event, never deleted,
-- so a name belongs to one gov forever, retired or not.
create table gov_name_claim (
    name       varchar(64)                 not null,
    claimed_at timestamp(6) with time zone not null,
    primary key (name)
);
