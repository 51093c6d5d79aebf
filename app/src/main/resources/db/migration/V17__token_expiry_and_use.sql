-- Tokens may expire and record when they were last used. The bootstrap admin token is no longer stored (it is
-- accepted only while configured): any stored copy from an earlier version is revoked, so a value once configured
-- does not stay an admin token for good.
alter table operator_token add column expires_at timestamp(6) with time zone;
alter table operator_token add column last_used_at timestamp(6) with time zone;
update operator_token set revoked_at = current_timestamp where id like 'tok_bootstrap_%' and revoked_at is null;
