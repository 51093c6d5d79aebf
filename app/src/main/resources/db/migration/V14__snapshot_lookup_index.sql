-- Axon reads a gov's latest snapshot by aggregate identifier and deletes the older ones the same way, but the
-- snapshot table's key starts with the sequence number: without this index both read every snapshot stored.
create index ix_snapshot_event_entry_aggregate on snapshot_event_entry (aggregate_identifier, sequence_number);
