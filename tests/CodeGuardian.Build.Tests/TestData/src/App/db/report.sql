SELECT * FROM orders
WHERE total > 10;

SELECT id FROM customers;
