-- Webhooks: a deliverer claims a batch of due deliveries with one update, marking them with a token of its own, and
-- reads back which it got (one statement each instead of one update per delivery).
alter table webhook_deliveries add column claim_token varchar(40);
