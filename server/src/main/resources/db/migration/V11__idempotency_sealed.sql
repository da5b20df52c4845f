-- A stored first response that carries a secret (a new API token, a webhook secret) is
-- kept encrypted (AES-GCM) so that its replay can be the same bytes; the access level its
-- route needs is kept so a replay re-checks the caller's access before answering.
alter table idempotency_keys add column sealed boolean default false not null;
alter table idempotency_keys add column required_access varchar(8);
create index idempotency_keys_created on idempotency_keys (created_at);
