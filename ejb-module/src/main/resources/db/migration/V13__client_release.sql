-- The merchant client release the server publishes per target (D60): the newest version, the lowest one still
-- allowed, the package with its SHA-256 and Ed25519 signature, and the share of clients offered it so far.
create table client_release (
    target           varchar(32)  primary key,
    version          varchar(32)  not null,
    minimum_version  varchar(32)  not null,
    package_url      varchar(2000) not null,
    package_sha256   char(64)     not null,
    package_size     bigint       not null check (package_size > 0),
    signature        varchar(200) not null,
    rollout_percent  smallint     not null check (rollout_percent between 0 and 100),
    notes            varchar(2000) not null default '',
    published_at     timestamptz  not null,
    published_by     varchar(200) not null
);
