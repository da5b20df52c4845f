-- Seeds orders straight into PostgreSQL for bench/run.sh: orders numbered :from..:to (one line item each, spread
-- over 10,000 customers, all older than the orders the run itself makes) for account :account in test mode, on
-- price variant :variant of product :product.
--   psql -v account=1 -v product=1 -v variant=1 -v from=1 -v to=10000 -f bench/seed-orders.sql
\set ON_ERROR_STOP on
insert into customers (prefix_id, account_id, livemode, email, email_normalized, name, customer_type, orders_count,
  total_spend, blacklisted, created_at, updated_at)
select 'cus_seed' || g, :account, false, 'seed' || g || '@example.com', 'seed' || g || '@example.com',
  'Seed buyer ' || g, 'paid', 0, 0, false, now() - interval '400 days', now() - interval '400 days'
from generate_series(1, 10000) g
on conflict do nothing;

insert into orders (prefix_id, account_id, livemode, status, checkout_id, customer_id, currency, subtotal,
  discount_amount, amount, amount_refunded, is_free, is_seat_order, has_subscription, created_at, updated_at)
select 'ord_seed' || g, :account, false, 'succeeded', -g, c.id, 'USD', 1900, 0, 1900, 0, false, false, false,
  now() - interval '1 day' - g * interval '10 seconds', now() - interval '1 day' - g * interval '10 seconds'
from generate_series(:from, :to) g
join (select id, row_number() over (order by id) - 1 as n from customers
      where account_id = :account and prefix_id like 'cus_seed%') c on c.n = g % 10000;

insert into order_line_items (prefix_id, order_id, account_id, livemode, price_variant_id, product_id, quantity,
  unit_amount, discount_amount, total, position)
select 'oli_seed' || (-o.checkout_id), o.id, o.account_id, false, :variant, :product, 1, 1900, 0, 1900, 0
from orders o where o.checkout_id between -(:to) and -(:from);

vacuum analyze customers;
vacuum analyze orders;
vacuum analyze order_line_items;
