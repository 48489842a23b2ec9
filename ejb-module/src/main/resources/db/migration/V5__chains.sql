-- Store chains: a chain's Keycloak group is /chains/<code>; its chain admins belong to it. A
-- merchant's chain is the "chain" attribute of its group /merchants/<code>, mirrored here.
create table chain (
    code       varchar(100) primary key,
    name       varchar(200) not null,
    created_at timestamptz  not null
);
alter table merchant add column chain_code varchar(100);
create index merchant_chain_idx on merchant (chain_code) where chain_code is not null;
