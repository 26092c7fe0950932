using Samples.WebService.Data;
using Samples.WebService.Orders;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<OrderRepository>();
builder.Services.AddSingleton<OrderService>();

var app = builder.Build();

// Finding (CG4014): the developer exception page is not guarded by IsDevelopment().
app.UseDeveloperExceptionPage();

app.UseStaticFiles();

app.MapGet("/orders/{customer}", (string customer, OrderService orders) => orders.FindForCustomer(customer));
app.MapPost("/orders/{id:int}/ship", (int id, OrderService orders) =>
{
    orders.Ship(id);
    return Results.Accepted();
});

// Negative: a task-tag word inside a string is data, not a comment.
app.MapGet("/health", () => "ok: no TODO items pending");

app.Run();
