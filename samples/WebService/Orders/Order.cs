namespace Samples.WebService.Orders;

public sealed record Order(int Id, string Customer, decimal Total, bool Shipped);
