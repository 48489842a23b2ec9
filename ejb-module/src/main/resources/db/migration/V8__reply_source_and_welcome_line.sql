-- What a shop's answer rests on ("常见问题 · 第3条", "价目表.pdf · 第2页"), as the merchant client sent it
-- with the reply (frame field "source", at most 200 characters); null for staff's answers and for
-- answers that rest on no shop knowledge. Shown discreetly under the answer on the customer's page.
alter table chat_message add column source varchar(200);

-- The line a shop opens an empty chat with (PUT /api/v1/merchant/welcome-line, at most 200
-- characters); null: the customer page's default, built from the shop's name. Shown, never stored
-- as a message.
alter table merchant add column welcome_line varchar(200);
