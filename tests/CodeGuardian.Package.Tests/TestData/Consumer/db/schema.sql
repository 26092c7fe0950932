CREATE TABLE items (id INT PRIMARY KEY, name NVARCHAR(100) NOT NULL);

-- TODO: sql task tag in a comment
INSERT INTO items (id, name) VALUES (1, 'TODO: sql text inside a string');
