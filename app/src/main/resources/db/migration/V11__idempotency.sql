-- Answers to writes sent with an Idempotency-Key, per operator, kept at least govlife.idempotency.retention so a
-- retried write gets the first answer and appends nothing, across restarts too.
create table idempotent_request (
    operator     varchar(64)                 not null,
    idem_key     varchar(100)                not null,
    request_hash varchar(64)                 not null,
    completed    boolean                     not null,
    status       integer,
    location     varchar(500),
    etag         varchar(100),
    content_type varchar(100),
    body         ${document},
    created_at   timestamp(6) with time zone not null,
    primary key (operator, idem_key)
);
create index idx_idempotent_request_created on idempotent_request (created_at);
