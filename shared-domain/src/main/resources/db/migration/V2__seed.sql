-- Deterministic seed, generated inside PostgreSQL in a few seconds: 10,000 products in 20
-- categories, 10,000 customers, 50,000 historical orders. Every value is a function of the row
-- number (no random(), no now()), so every machine gets the same bytes and responses can be
-- compared across services and runs.

INSERT INTO products (id, sku, name, description, category, price_cents, stock, version, updated_at)
SELECT i,
       'SKU-' || lpad(i::text, 5, '0'),
       name,
       'The ' || lower(name) || ' from our ' || category || ' range.',
       category,
       199 + (i::bigint * 7919) % 49801,
       100 + (i * 104729) % 901,
       0,
       timestamptz '2026-01-01 00:00:00+00'
FROM (
    SELECT i,
           (ARRAY['books', 'electronics', 'garden', 'kitchen', 'toys', 'sports', 'music', 'movies',
                  'fashion', 'beauty', 'health', 'automotive', 'tools', 'office', 'pets', 'baby',
                  'grocery', 'outdoors', 'games', 'home'])[1 + (i - 1) % 20] AS category,
           (ARRAY['Classic', 'Compact', 'Deluxe', 'Eco', 'Essential', 'Handmade', 'Modern', 'Portable',
                  'Premium', 'Rugged', 'Smart', 'Vintage', 'Wireless', 'Everyday', 'Studio', 'Travel'])[1 + i % 16]
           || ' ' ||
           (ARRAY['Oak', 'Steel', 'Linen', 'Cotton', 'Ceramic', 'Bamboo', 'Carbon', 'Copper', 'Glass',
                  'Leather', 'Wool', 'Granite'])[1 + (i / 16) % 12]
           || ' ' ||
           (ARRAY['Lamp', 'Kettle', 'Backpack', 'Speaker', 'Notebook', 'Chair', 'Jacket', 'Planter',
                  'Puzzle', 'Headphones', 'Bottle', 'Blanket', 'Clock', 'Mug', 'Toolkit', 'Board Game',
                  'Candle', 'Camera Strap', 'Desk Organiser', 'Yoga Mat', 'Cookbook', 'Bike Light',
                  'Pet Bed', 'Serum', 'Stroller Fan'])[1 + (i / 192) % 25] AS name
    FROM generate_series(1, 10000) AS i
) AS p;

INSERT INTO customers (id, name, email, tier)
SELECT i,
       (ARRAY['Ada', 'Grace', 'Alan', 'Barbara', 'Edsger', 'Frances', 'Donald', 'Margaret', 'Ken',
              'Radia', 'Dennis', 'Sophie', 'Tony', 'Hedy', 'John', 'Annie', 'Niklaus', 'Karen',
              'Leslie', 'Jean'])[1 + i % 20]
       || ' ' ||
       (ARRAY['Lovelace', 'Hopper', 'Turing', 'Liskov', 'Dijkstra', 'Allen', 'Knuth', 'Hamilton',
              'Thompson', 'Perlman', 'Ritchie', 'Wilson', 'Hoare', 'Lamarr', 'Backus', 'Easley',
              'Wirth', 'Jones', 'Lamport', 'Bartik', 'Kay', 'Goldberg', 'Cerf', 'Kahn', 'Ellis'])[1 + (i / 20) % 25],
       'customer' || i || '@example.com',
       CASE WHEN i % 10 = 0 THEN 'gold' WHEN i % 3 = 0 THEN 'silver' ELSE 'standard' END
FROM generate_series(1, 10000) AS i;

INSERT INTO orders (id, customer_id, status, total_cents, idempotency_key, request_hash, created_at)
SELECT o,
       1 + (o::bigint * 7919) % 10000,
       'DELIVERED',
       0,
       'seed-' || o,
       md5('seed-' || o),
       timestamptz '2025-01-01 00:00:00+00' + o * interval '10 minutes'
FROM generate_series(1, 50000) AS o;

-- one to three items per order; k * 977 keeps the product ids of one order distinct
INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
SELECT o, p.id, 1 + (o + k) % 3, p.price_cents
FROM generate_series(1, 50000) AS o
CROSS JOIN LATERAL generate_series(0, o % 3) AS k
JOIN products p ON p.id = 1 + (o::bigint * 31 + k * 977) % 10000;

UPDATE orders o
SET total_cents = t.total
FROM (SELECT order_id, sum(quantity * unit_price_cents) AS total FROM order_items GROUP BY order_id) AS t
WHERE o.id = t.order_id;

-- new rows continue after the seeded ids
SELECT setval(pg_get_serial_sequence('products', 'id'), 10000);
SELECT setval(pg_get_serial_sequence('customers', 'id'), 10000);
SELECT setval(pg_get_serial_sequence('orders', 'id'), 50000);

ANALYZE products;
ANALYZE customers;
ANALYZE orders;
ANALYZE order_items;
