-- A shop's figures for today (GET /api/v1/merchant/stats) count its customer messages of one day:
-- per conversation of the merchant, a range of this index instead of the whole history.
create index chat_message_customer_day_idx on chat_message (conversation_id, created_at)
    where sender = 'CUSTOMER';
