-- A checkout opened from a link that says allowDiscountCodes: false takes no code from the buyer.
alter table checkouts add column allow_discount_codes boolean default true not null;

-- A blog post's excerpt derived from its content once, when it is saved, rather than at each view.
alter table blog_posts add column derived_excerpt varchar(1000);
