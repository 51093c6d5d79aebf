-- Axon's event, token and saga stores are now its JDBC ones (io.govlife.app.axon.StorageConfiguration), not
-- Hibernate's: the same tables and rows, but plain INSERTs that leave the two generated ids to the database. Each
-- takes the next value of the sequence Hibernate drew from, so the global index stays one per event, in the order of
-- the inserts.
alter table domain_event_entry alter column global_index set default ${next-event-index};
alter table association_value_entry alter column id set default ${next-association-id};
