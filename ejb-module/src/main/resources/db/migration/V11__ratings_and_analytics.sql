-- Issue 17: customer ratings, the events analytics need, and the daily roll-up the shop's figures read.

-- The shop's own time zone (IANA name): its days and hours in the figures. Null: the server's (ALPHA01_ZONE).
alter table merchant add column time_zone varchar(60);

-- How the assistant came to an answer (reply field "kind": AI, EXTRACTIVE, HANDOFF, FALLBACK, GREETING;
-- null for staff and older clients), and the staff member who wrote a STAFF message.
alter table chat_message add column answer_kind varchar(12);
alter table chat_message add column author varchar(200);
-- The questions the assistant could not answer (its answer handed off or fell back): few rows.
create index chat_message_unanswered_idx on chat_message (created_at)
    where answer_kind in ('HANDOFF', 'FALLBACK');

-- A customer's rating of a closed conversation: one per closing (up_to_seq is the conversation's last
-- message when it was rated; the customer's next message reopens it, and the next closing may be rated).
create table conversation_rating (
    conversation_id uuid         not null references conversation (id),
    up_to_seq       bigint       not null,
    merchant_id     uuid         not null references merchant (id),
    score           smallint     not null check (score between 1 and 5),
    comment         varchar(500),
    rated_at        timestamptz  not null,
    primary key (conversation_id, up_to_seq)
);
create index conversation_rating_merchant_idx on conversation_rating (merchant_id, rated_at);

-- Who answers changes (TAKEOVER, HANDBACK, CLOSE) with when and by whom (actor: STAFF, IDLE; staff_name
-- for a take-over), for hand-off and resolution figures. Written with the change, rarely.
create table conversation_event (
    id              uuid         primary key,
    conversation_id uuid         not null references conversation (id),
    merchant_id     uuid         not null references merchant (id),
    kind            varchar(12)  not null,
    actor           varchar(12)  not null,
    staff_name      varchar(200),
    at              timestamptz  not null
);
create index conversation_event_conversation_idx on conversation_event (conversation_id, at);

-- The daily roll-up (AnalyticsRollup): one row per conversation and day (in the shop's time zone) with
-- messages, recomputed for the conversations that changed since the last pass. The figures of any period
-- read these rows, never the messages.
create table conversation_day (
    merchant_id         uuid        not null references merchant (id),
    day                 date        not null,
    conversation_id     uuid        not null references conversation (id),
    first_seen          date        not null,
    customer_messages   integer     not null,
    bot_messages        integer     not null,
    staff_messages      integer     not null,
    bot_answers         integer     not null,
    kb_answers          integer     not null,
    unanswered          integer     not null,
    first_customer_at   timestamptz,
    first_reply_seconds double precision,
    first_reply_by      varchar(10),
    resolution_seconds  double precision,
    handed_off          boolean     not null,
    staff_name          varchar(200),
    hours               integer[]   not null,
    primary key (merchant_id, day, conversation_id)
);
create index conversation_day_conversation_idx on conversation_day (conversation_id, day);

-- The clients' reported work by shop and day (growth of their report counts).
create table client_report_day (
    merchant_id         uuid    not null references merchant (id),
    day                 date    not null,
    ai_answers          bigint  not null default 0,
    staff_answers       bigint  not null default 0,
    hand_offs           bigint  not null default 0,
    model_errors        bigint  not null default 0,
    automation_runs     bigint  not null default 0,
    automation_failures bigint  not null default 0,
    primary key (merchant_id, day)
);

-- Where the roll-up got to: conversations updated since this instant are rolled up again.
create table analytics_watermark (
    name varchar(40) primary key,
    at   timestamptz not null
);

-- The QR funnel of a period reads a shop's scans by time.
create index qr_scan_merchant_time_idx on qr_scan (merchant_id, scanned_at);
