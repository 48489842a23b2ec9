-- Alpha 01 baseline schema. Applied once by SchemaMigrator; never edit after release, add V2__… instead.

create table merchant (
    id          uuid primary key,
    code        varchar(100) not null unique,
    name        varchar(200) not null,
    created_at  timestamptz  not null
);

create table merchant_client (
    id            uuid primary key,
    merchant_id   uuid         not null references merchant (id),
    device_id     varchar(100) not null,
    name          varchar(200) not null,
    version       varchar(50),
    registered_at timestamptz  not null,
    last_seen_at  timestamptz,
    unique (merchant_id, device_id)
);

create table qr_code (
    id          uuid primary key,
    merchant_id uuid         not null references merchant (id),
    client_id   uuid references merchant_client (id),
    token_hash  bytea        not null,
    label       varchar(200),
    created_at  timestamptz  not null,
    expires_at  timestamptz,
    revoked_at  timestamptz,
    max_uses    integer,
    uses        integer      not null default 0
);
create index qr_code_merchant_idx on qr_code (merchant_id);
create unique index qr_code_token_idx on qr_code (token_hash);

create table qr_scan (
    id          uuid primary key,
    qr_code_id  uuid references qr_code (id),
    merchant_id uuid,
    client_id   uuid,
    outcome     varchar(20) not null,
    scanned_at  timestamptz not null,
    customer_subject varchar(100)
);
create index qr_scan_code_idx on qr_scan (qr_code_id);

create table conversation (
    id               uuid primary key,
    merchant_id      uuid         not null references merchant (id),
    client_id        uuid references merchant_client (id),
    customer_subject varchar(100) not null,
    customer_name    varchar(200) not null,
    state            varchar(20)  not null,
    last_seq         bigint       not null default 0,
    qr_code_id       uuid references qr_code (id),
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
create index conversation_customer_idx on conversation (merchant_id, customer_subject);
create index conversation_client_idx on conversation (client_id, state);

create table chat_message (
    id              uuid primary key,
    conversation_id uuid         not null references conversation (id),
    seq             bigint       not null,
    sender          varchar(10)  not null,
    sender_msg_id   varchar(64)  not null,
    body            text         not null,
    created_at      timestamptz  not null,
    delivered_at    timestamptz,
    unique (conversation_id, seq),
    unique (conversation_id, sender, sender_msg_id)
);
create index chat_message_undelivered_idx on chat_message (conversation_id) where delivered_at is null;

create table entry_ticket (
    token_hash       varchar(64) primary key,
    conversation_id  uuid         not null references conversation (id),
    customer_subject varchar(100) not null,
    expires_at       timestamptz  not null,
    used_at          timestamptz
);
