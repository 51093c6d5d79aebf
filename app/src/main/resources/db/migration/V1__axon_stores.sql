-- Axon's JPA event store, token store, saga store and dead-letter queue, as Hibernate maps Axon 4.13's entities
-- (spring.jpa.hibernate.ddl-auto=validate checks this file against them at every start).

-- One id per event: the global index must follow commit order (see META-INF/orm.xml).
create sequence domain_event_entry_seq start with 1 increment by 1;
create sequence association_value_entry_seq start with 1 increment by 50;

create table domain_event_entry (
    global_index         bigint       not null,
    sequence_number      bigint       not null,
    aggregate_identifier varchar(255) not null,
    event_identifier     varchar(255) not null unique,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    type                 varchar(255),
    meta_data            ${binary},
    payload              ${binary}         not null,
    primary key (global_index),
    constraint uk_domain_event_aggregate_sequence unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    sequence_number      bigint       not null,
    aggregate_identifier varchar(255) not null,
    event_identifier     varchar(255) not null unique,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    type                 varchar(255) not null,
    meta_data            ${binary},
    payload              ${binary}         not null,
    primary key (sequence_number, aggregate_identifier, type)
);

create table token_entry (
    segment        integer      not null,
    owner          varchar(255),
    processor_name varchar(255) not null,
    timestamp      varchar(255) not null,
    token_type     varchar(255),
    token          ${binary},
    primary key (segment, processor_name)
);

create table saga_entry (
    revision        varchar(255),
    saga_id         varchar(255) not null,
    saga_type       varchar(255),
    serialized_saga ${binary},
    primary key (saga_id)
);

create table association_value_entry (
    id                bigint       not null,
    association_key   varchar(255) not null,
    association_value varchar(255),
    saga_id           varchar(255) not null,
    saga_type         varchar(255),
    primary key (id)
);
create index idx_association_lookup on association_value_entry (saga_type, association_key, association_value);
create index idx_association_saga on association_value_entry (saga_id, saga_type);

create table dead_letter_entry (
    enqueued_at          timestamp(6) with time zone not null,
    last_touched         timestamp(6) with time zone,
    processing_started   timestamp(6) with time zone,
    sequence_index       bigint       not null,
    sequence_number      bigint,
    cause_message        varchar(1023),
    aggregate_identifier varchar(255),
    cause_type           varchar(255),
    dead_letter_id       varchar(255) not null,
    event_identifier     varchar(255) not null,
    message_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    processing_group     varchar(255) not null,
    sequence_identifier  varchar(255) not null,
    time_stamp           varchar(255) not null,
    token_type           varchar(255),
    type                 varchar(255),
    diagnostics          ${binary},
    meta_data            ${binary},
    payload              ${binary}         not null,
    token                ${binary},
    primary key (dead_letter_id),
    constraint uk_dead_letter_sequence unique (processing_group, sequence_identifier, sequence_index)
);
create index idx_dead_letter_group on dead_letter_entry (processing_group);
create index idx_dead_letter_sequence on dead_letter_entry (processing_group, sequence_identifier);
