/* FIXME: run in batches; this locks the table. */
UPDATE orders SET shipped = 1;

SELECT * FROM orders;

-- Negatives: counting and existence checks are fine, and markers in strings are data.
SELECT COUNT(*) FROM orders WHERE customer = 'TODO: not a tag';
IF EXISTS (SELECT * FROM orders WHERE shipped = 0) PRINT 'pending';

CREATE PROCEDURE find_orders @customer NVARCHAR(200) AS
BEGIN
    DECLARE @sql NVARCHAR(MAX) = 'SELECT id FROM orders WHERE customer = ''' + @customer + '''';
    EXEC(@sql);
END;
