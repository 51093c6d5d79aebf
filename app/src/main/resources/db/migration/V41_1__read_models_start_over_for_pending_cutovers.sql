-- The read models' processor reads the log again from its start (V41 emptied what it built), so every gov's count
-- of pending cutovers is filled.
delete from token_entry where processor_name = 'read-models';
