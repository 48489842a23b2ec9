-- The customer's display name is the masked user name alone; each app adds its own word for "customer" in the
-- reader's language (conversations opened before this stored the Chinese word with it).
update conversation set customer_name = substring(customer_name from 4)
 where customer_name like '顾客 %' and length(customer_name) > 3;
