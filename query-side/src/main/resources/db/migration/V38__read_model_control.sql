-- The read models' processor as the cluster should run it: every node follows this row (ProcessorControl), so a
-- pause, or the pause around a rebuild or a segment split or merge, holds on every node, not only the one asked.
create table read_model_control (
    processor  varchar(64)  not null primary key,
    state      varchar(16)  not null,              -- RUNNING or PAUSED
    generation bigint       not null,              -- each change counts one up; a node applies each once
    changed_at timestamp with time zone not null,
    changed_by varchar(255)                          -- the admin, or the operation under way
);
insert into read_model_control (processor, state, generation, changed_at) values
    ('read-models', 'RUNNING', 0, current_timestamp);
