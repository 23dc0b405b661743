-- Covering indexes for the library's lead-pool checks at scale (docs/benchmarks.md, "The query
-- library"). Each lets a query read the leads it needs in key order from the index alone (an
-- index-only scan; the pipeline runner leaves the tables vacuumed, so the visibility map is set),
-- instead of reading the whole of lead_status and sorting or hashing it. None holds a column the
-- pipelines write, so their link updates stay HOT (migration 0009).
--
-- * data-quality/contacts-shared-across-names: e-mail addresses seen under several names, with the
--   names and dates of their leads. The import stores e-mail lower-cased.
create index lead_status_email_name_idx on lead_status (email, first_name, last_name)
  include (received_at, raw_customer_name) where email is not null;

-- * the same query's phones seen with several e-mail addresses; it replaces the plain phone index
--   (a lookup by phone uses its first column the same way).
drop index lead_status_phone_idx;
create index lead_status_phone_email_idx on lead_status (phone, email) include (received_at);

-- * data-quality/date-order-violations: the first lead of each lost quote; it replaces the plain
--   quote-number index.
drop index lead_status_quote_number_idx;
create index lead_status_quote_received_idx on lead_status (quote_number, received_at);
