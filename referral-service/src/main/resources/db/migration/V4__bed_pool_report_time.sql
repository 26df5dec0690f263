-- When the hospital's bed report that set a ward's pool happened. Reports can arrive out of order
-- (a late or re-sent one): only a report at least as recent as the one applied may set the pool
-- again, as navigation-service treats the same reports. NULL for pools set before V4: the next
-- report sets it.
alter table reserved_bed_pool add column reported_at timestamptz;
