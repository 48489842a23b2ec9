-- Cluster-wide presence: the node holding a merchant client's socket (null: none) and which socket
-- it is. last_seen_at is refreshed by that node's heartbeat, so a crashed node's clients go stale.
alter table merchant_client add column node varchar(100);
alter table merchant_client add column socket_id varchar(100);

-- Read receipts: when the receiver's screen showed the message.
alter table chat_message add column read_at timestamptz;

-- The resend sweep for answers looks only at those no customer tab has acknowledged.
create index chat_message_answer_unacknowledged_idx on chat_message (created_at)
    where delivered_at is null and sender <> 'CUSTOMER';
