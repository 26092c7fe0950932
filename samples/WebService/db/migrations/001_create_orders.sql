-- Creates the orders table.
CREATE TABLE orders (
    id INT PRIMARY KEY,
    customer NVARCHAR(200) NOT NULL,
    total DECIMAL(10, 2) NOT NULL,
    shipped BIT NOT NULL DEFAULT 0
);

-- TODO: add an index on customer once the query plan is known.
CREATE LOGIN reporting WITH PASSWORD = 'Reporting#2024';
GRANT ALL ON orders TO PUBLIC;
