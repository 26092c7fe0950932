using System.Data.Common;
using Samples.WebService.Orders;

namespace Samples.WebService.Data;

public sealed class OrderRepository
{
    private readonly List<Order> _orders = new() { new Order(1, "contoso", 42m, false) };

    // Finding (CG4007): a credential in source; the value is never printed in the diagnostic.
    private const string ConnectionString = "Server=db.internal;Database=orders;User Id=app;Password=Winter2024!";

    public IReadOnlyList<Order> FindByCustomer(string customer) =>
        _orders.Where(o => o.Customer == customer).ToList();

    public void MarkShipped(int id)
    {
        var index = _orders.FindIndex(o => o.Id == id);
        if (index < 0)
        {
            throw new InvalidOperationException($"Order {id} does not exist.");
        }

        _orders[index] = _orders[index] with { Shipped = true };
    }

    public int CountForCustomer(DbConnection connection, string customer)
    {
        using var command = connection.CreateCommand();
        // Finding (CG4001): SQL built by concatenating a request value.
        command.CommandText = "SELECT COUNT(*) FROM orders WHERE customer = '" + customer + "'";
        return Convert.ToInt32(command.ExecuteScalar());
    }

    public int CountForCustomerSafely(DbConnection connection, string customer)
    {
        using var command = connection.CreateCommand();
        // Negative: a parameterized query.
        command.CommandText = "SELECT COUNT(*) FROM orders WHERE customer = @customer";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@customer";
        parameter.Value = customer;
        command.Parameters.Add(parameter);
        return Convert.ToInt32(command.ExecuteScalar());
    }

    public string DescribeConnection() => ConnectionString.Split(';')[0];
}
