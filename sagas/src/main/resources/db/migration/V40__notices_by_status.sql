-- Admins list notices of one status across every gov, oldest first (GET /api/admin/notices): the delivery index
-- (status, next_attempt_at) finds them but not in that order, and delivered notices are most of the table.
create index idx_notice_status on notice (status, created_at, id);
