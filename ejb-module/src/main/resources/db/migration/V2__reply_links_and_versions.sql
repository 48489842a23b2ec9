-- Which customer message an answer answers (null: not tied to one, e.g. a staff remark).
-- Questions without an answer are handed to the next client when their client goes away.
alter table chat_message add column in_reply_to bigint;
create index chat_message_in_reply_to_idx on chat_message (conversation_id, in_reply_to) where in_reply_to is not null;

-- Optimistic version of a conversation row: a stale copy can no longer overwrite last_seq.
alter table conversation add column version bigint not null default 0;

-- The 5-second resend sweep looks only at customer messages not yet acknowledged.
create index chat_message_unacknowledged_idx on chat_message (created_at)
    where delivered_at is null and sender = 'CUSTOMER';
