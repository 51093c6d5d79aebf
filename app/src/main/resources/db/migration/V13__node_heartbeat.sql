-- The application nodes sharing this database, each seen within the last few heartbeats counting as live; the
-- segment balancer divides every event processor's segments by their number.
create table node_heartbeat (
    node_id varchar(255)                not null,
    seen_at timestamp(6) with time zone not null,
    primary key (node_id)
);
