-- A merchant client's own cap on open conversations (POST /api/v1/clients "capacity", 1-500);
-- null: the server's ALPHA01_CLIENT_CAPACITY. Assignment uses the smaller of the two.
alter table merchant_client add column capacity integer;
alter table merchant_client add constraint merchant_client_capacity_range check (capacity between 1 and 500);
