-- db-scheduler's table: persisted deadlines (the bump saga's reminder and cutover) that survive restarts and fire
-- on exactly one node.
create table scheduled_tasks (
    task_name            varchar(100)                not null,
    task_instance        varchar(200)                not null,
    task_data            ${binary},
    execution_time       timestamp(6) with time zone not null,
    picked               boolean                     not null,
    picked_by            varchar(50),
    last_success         timestamp(6) with time zone,
    last_failure         timestamp(6) with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp(6) with time zone,
    version              bigint                      not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index idx_scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index idx_scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index idx_scheduled_tasks_priority on scheduled_tasks (priority desc, execution_time asc);
