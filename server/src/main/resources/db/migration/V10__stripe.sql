-- Stripe: a checkout paid through a payment processor keeps the processor's session id and client secret.
-- The checkout's own client_secret stays its permanent key (the hosted page's address); a storefront may also
-- use the processor's client secret, which changes when a new price needs a new session.

alter table checkouts add column processor_id varchar(255);
alter table checkouts add column processor_client_secret varchar(500);
create unique index checkouts_processor on checkouts (processor_id);
create unique index checkouts_processor_secret on checkouts (processor_client_secret);
create index orders_charge on orders (charge_id);
