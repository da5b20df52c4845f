-- The seller's look on their public pages: a brand colour (#rrggbb) and a picture (an https URL).
alter table accounts add column brand_color varchar(7);
alter table accounts add column avatar_url varchar(2000);
