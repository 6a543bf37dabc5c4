-- An Idempotency-Key is unique per client (IETF httpapi Idempotency-Key draft), and the
-- client is the customer the token names: one customer's key must neither replay, block
-- nor reveal another customer's order.
ALTER TABLE orders DROP CONSTRAINT orders_idempotency_key_key;
ALTER TABLE orders ADD CONSTRAINT orders_customer_idempotency_key_key UNIQUE (customer_id, idempotency_key);
