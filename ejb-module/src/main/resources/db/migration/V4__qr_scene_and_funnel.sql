-- A code's scene or store tag (e.g. "counter", "table-12", "store-east"), for staff to tell codes apart.
alter table qr_code add column scene varchar(100);

-- The conversation a valid scan led into, for the per-code funnel
-- (scans -> signed in -> conversation started -> first reply).
alter table qr_scan add column conversation_id uuid references conversation (id);
create index qr_scan_conversation_idx on qr_scan (conversation_id) where conversation_id is not null;
