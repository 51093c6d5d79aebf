-- Which node claimed an idempotency key: a claim left incomplete by a node that has since stopped beating is taken
-- over at once by a retry, instead of answering 409 until the claim expires.
alter table idempotent_request add column claimed_by varchar(255);
