-- Events a read model's handler failed on, parked per gov with the gov's later events (Axon's sequenced dead-letter
-- queue, JdbcSequencedDeadLetterQueue, under the column names of query-side's ReadModels). Axon writes its instants
-- as ISO-8601 text.
create table dead_letter (
    dead_letter_id       varchar(255)  not null primary key,
    processing_group     varchar(255)  not null,
    sequence_identifier  varchar(255)  not null,
    sequence_index       bigint        not null,
    message_type         varchar(255)  not null,
    event_identifier     varchar(255)  not null,
    time_stamp           varchar(255)  not null,
    payload_type         varchar(255)  not null,
    payload_revision     varchar(255),
    payload              ${binary}     not null,
    meta_data            ${binary},
    aggregate_type       varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                ${binary},
    enqueued_at          varchar(255)  not null,
    last_touched         varchar(255),
    processing_started   varchar(255),
    cause_type           varchar(255),
    cause_message        varchar(1024),  -- Axon's default enqueue policy cuts the message at 1,024 characters
    diagnostics          ${binary},
    constraint dead_letter_in_sequence unique (processing_group, sequence_identifier, sequence_index)
);
