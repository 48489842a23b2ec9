-- Queued conversations (no client of their shop online) are looked up by every failover sweep (5 s)
-- and counted for the metrics (alpha01_conversations_queued): a small partial index, not a scan of
-- every conversation ever held.
create index conversation_queued_idx on conversation (merchant_id) where state = 'QUEUED';
