-- A citizen operator's token (DOMAIN.md v2) announces the bumps of the citizens it was named for and reads their
-- notices; it reaches nothing else, not even what any operator token reads (audit trails, integrator lists).
alter table operator_token add column citizen_operator boolean default false not null;
