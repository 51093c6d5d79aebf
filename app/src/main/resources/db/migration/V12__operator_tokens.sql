-- Operators' bearer tokens: only a hash is kept (the token is shown once, at creation); revoked ones stay listed.
create table operator_token (
    id         varchar(40)                 not null,
    operator   varchar(64)                 not null,
    token_hash varchar(64)                 not null,
    admin      boolean                     not null,
    created_at timestamp(6) with time zone not null,
    revoked_at timestamp(6) with time zone,
    primary key (id),
    constraint uk_operator_token_hash unique (token_hash)
);
