-- Token buckets of the rate limits (vn.ocop.platform.ratelimit), one row per budget and client, shared by every
-- replica of the service. Bucket4j owns the state (its serialised bucket); expires_at (epoch milliseconds) is when the
-- bucket would be full again, after which the row is only garbage and RateLimits deletes it.
create table rate_limit_bucket (
    id         varchar(300) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
