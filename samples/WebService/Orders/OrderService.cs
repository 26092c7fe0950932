using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Samples.WebService.Data;

namespace Samples.WebService.Orders;

public sealed class OrderService
{
    private readonly OrderRepository _repository;

    public OrderService(OrderRepository repository) => _repository = repository;

    public IReadOnlyList<Order> FindForCustomer(string customer)
    {
        // TODO: page the results instead of loading every order.
        Console.WriteLine("Loading orders for " + customer);
        return _repository.FindByCustomer(customer);
    }

    public void Ship(int id)
    {
        try
        {
            _repository.MarkShipped(id);
        }
        catch (InvalidOperationException)
        {
        }

        NotifyWarehouse(id);
    }

    // FIXME: fire-and-forget; exceptions here crash the process.
    private async void NotifyWarehouse(int id)
    {
        await Task.Delay(10).ConfigureAwait(false);
        _repository.MarkShipped(id);
    }

    public string Fingerprint(Order order)
    {
        // HACK: MD5 is fast, but not collision resistant.
        var bytes = MD5.HashData(Encoding.UTF8.GetBytes(order.Customer + order.Id));
        return Convert.ToHexString(bytes);
    }

    public decimal Total(IEnumerable<Order> orders)
    {
        // Negative: "todoList" is an identifier and the catch below logs and rethrows.
        var todoList = orders.Where(o => !o.Shipped).ToList();
        try
        {
            return todoList.Sum(o => o.Total);
        }
        catch (OverflowException ex)
        {
            Trace.TraceError(ex.Message);
            throw;
        }
    }
}
