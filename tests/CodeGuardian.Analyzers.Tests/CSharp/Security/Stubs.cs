namespace CodeGuardian.Analyzers.Tests.CSharp.Security;

/// <summary>
/// Minimal look-alikes of the library types the security rules resolve (ADO.NET providers, EF Core, Dapper,
/// ASP.NET Core, Json.NET, legacy formatters), so tests need no package downloads. The real types are matched by
/// metadata name, so these stubs use the same namespaces and member shapes.
/// </summary>
public static class Stubs
{
    public const string Ado = """
        namespace System.Data.SqlClient
        {
            public sealed class SqlConnection : System.Data.Common.DbConnection { }
            public sealed class SqlCommand : System.Data.Common.DbCommand
            {
                public SqlCommand() { }
                public SqlCommand(string cmdText) { }
                public SqlCommand(string cmdText, SqlConnection connection) { }
                public override string CommandText { get; set; } = "";
                public new SqlParameterCollection Parameters { get; } = new SqlParameterCollection();
            }
            public sealed class SqlParameterCollection : System.Data.Common.DbParameterCollection
            {
                public object AddWithValue(string parameterName, object value) => value;
            }
            public sealed class SqlParameter : System.Data.Common.DbParameter
            {
                public SqlParameter(string parameterName, object value) { }
            }
        }
        """;

    public const string Dapper = """
        namespace Dapper
        {
            public static class SqlMapper
            {
                public static System.Collections.Generic.IEnumerable<T> Query<T>(this System.Data.IDbConnection cnn, string sql, object param = null) => null;
                public static System.Threading.Tasks.Task<System.Collections.Generic.IEnumerable<T>> QueryAsync<T>(this System.Data.IDbConnection cnn, string sql, object param = null) => null;
                public static int Execute(this System.Data.IDbConnection cnn, string sql, object param = null) => 0;
                public static T QueryFirstOrDefault<T>(this System.Data.IDbConnection cnn, string sql, object param = null) => default;
            }
        }
        """;

    public const string EntityFramework = """
        namespace Microsoft.EntityFrameworkCore
        {
            using System;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore.Infrastructure;

            public class DbContext
            {
                public DatabaseFacade Database { get; } = new DatabaseFacade();
                public int SaveChanges() => 0;
                public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);
            }
            public abstract class DbSet<TEntity> : IQueryable<TEntity> where TEntity : class
            {
                public abstract Type ElementType { get; }
                public abstract System.Linq.Expressions.Expression Expression { get; }
                public abstract IQueryProvider Provider { get; }
                public abstract System.Collections.Generic.IEnumerator<TEntity> GetEnumerator();
                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
                public virtual TEntity Find(params object[] keyValues) => null;
                public virtual ValueTask<TEntity> FindAsync(params object[] keyValues) => default;
            }
            public static class RelationalQueryableExtensions
            {
                public static IQueryable<TEntity> FromSqlRaw<TEntity>(this DbSet<TEntity> source, string sql, params object[] parameters) where TEntity : class => source;
                public static IQueryable<TEntity> FromSqlInterpolated<TEntity>(this DbSet<TEntity> source, FormattableString sql) where TEntity : class => source;
                public static IQueryable<TEntity> FromSql<TEntity>(this DbSet<TEntity> source, FormattableString sql) where TEntity : class => source;
            }
            public static class RelationalDatabaseFacadeExtensions
            {
                public static int ExecuteSqlRaw(this DatabaseFacade databaseFacade, string sql, params object[] parameters) => 0;
                public static Task<int> ExecuteSqlRawAsync(this DatabaseFacade databaseFacade, string sql, CancellationToken cancellationToken = default) => Task.FromResult(0);
                public static int ExecuteSqlInterpolated(this DatabaseFacade databaseFacade, FormattableString sql) => 0;
                public static Task<int> ExecuteSqlInterpolatedAsync(this DatabaseFacade databaseFacade, FormattableString sql, CancellationToken cancellationToken = default) => Task.FromResult(0);
                public static IQueryable<TResult> SqlQueryRaw<TResult>(this DatabaseFacade databaseFacade, string sql, params object[] parameters) => null;
            }
            public static class EntityFrameworkQueryableExtensions
            {
                public static Task<System.Collections.Generic.List<TSource>> ToListAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) => null;
                public static Task<TSource> FirstOrDefaultAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) => null;
                public static Task<int> CountAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) => null;
                public static Task<bool> AnyAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) => null;
                public static IQueryable<TEntity> Include<TEntity, TProperty>(this IQueryable<TEntity> source, System.Linq.Expressions.Expression<Func<TEntity, TProperty>> navigationPropertyPath) where TEntity : class => source;
                public static System.Collections.Generic.IAsyncEnumerable<TSource> AsAsyncEnumerable<TSource>(this IQueryable<TSource> source) => null;
            }
        }
        namespace Microsoft.EntityFrameworkCore.Infrastructure
        {
            public class DatabaseFacade { }
        }
        """;

    public const string AspNet = """
        namespace Microsoft.AspNetCore.Html
        {
            public interface IHtmlContent { }
            public class HtmlString : IHtmlContent { public HtmlString(string value) { } }
        }
        namespace Microsoft.AspNetCore.Mvc.Rendering
        {
            public interface IHtmlHelper { Microsoft.AspNetCore.Html.IHtmlContent Raw(string value); Microsoft.AspNetCore.Html.IHtmlContent Raw(object value); }
            public interface IHtmlHelper<TModel> : IHtmlHelper { }
        }
        namespace Microsoft.AspNetCore.Components
        {
            public readonly struct MarkupString
            {
                public MarkupString(string value) { Value = value; }
                public string Value { get; }
                public static explicit operator MarkupString(string value) => new MarkupString(value);
            }
        }
        namespace Microsoft.AspNetCore.Http
        {
            public interface IFormFile { string FileName { get; } string Name { get; } long Length { get; } }
            public interface IQueryCollection { Microsoft.Extensions.Primitives.StringValues this[string key] { get; } }
            public interface IFormCollection { Microsoft.Extensions.Primitives.StringValues this[string key] { get; } }
            public abstract class HttpRequest
            {
                public abstract IQueryCollection Query { get; }
                public abstract IFormCollection Form { get; }
                public abstract Microsoft.AspNetCore.Routing.RouteValueDictionary RouteValues { get; }
            }
            public abstract class HttpContext { public abstract HttpRequest Request { get; } }
        }
        namespace Microsoft.AspNetCore.Routing
        {
            public class RouteValueDictionary { public object this[string key] { get => null; set { } } }
        }
        namespace Microsoft.Extensions.Primitives
        {
            public readonly struct StringValues
            {
                public static implicit operator string(StringValues values) => null;
                public override string ToString() => "";
            }
        }
        namespace Microsoft.AspNetCore.Mvc
        {
            public interface IActionResult { }
            [System.AttributeUsage(System.AttributeTargets.Class)] public sealed class ApiControllerAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class NonActionAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Parameter)] public sealed class FromServicesAttribute : System.Attribute { }
            public abstract class ControllerBase
            {
                public Microsoft.AspNetCore.Http.HttpRequest Request => null;
                public IActionResult PhysicalFile(string physicalPath, string contentType) => null;
                public IActionResult File(string virtualPath, string contentType) => null;
                public IActionResult File(byte[] fileContents, string contentType, string fileDownloadName) => null;
                public IActionResult Ok() => null;
            }
            public abstract class Controller : ControllerBase { }
        }
        namespace Microsoft.AspNetCore.Builder
        {
            public interface IApplicationBuilder { }
            public static class DeveloperExceptionPageExtensions
            {
                public static IApplicationBuilder UseDeveloperExceptionPage(this IApplicationBuilder app) => app;
            }
            public static class ExceptionHandlerExtensions
            {
                public static IApplicationBuilder UseExceptionHandler(this IApplicationBuilder app, string errorHandlingPath) => app;
            }
            public sealed class WebApplication : IApplicationBuilder
            {
                public Microsoft.AspNetCore.Hosting.IWebHostEnvironment Environment => null;
            }
        }
        namespace Microsoft.Extensions.Hosting
        {
            public interface IHostEnvironment { string EnvironmentName { get; } }
            public static class HostEnvironmentEnvExtensions
            {
                public static bool IsDevelopment(this IHostEnvironment hostEnvironment) => false;
                public static bool IsEnvironment(this IHostEnvironment hostEnvironment, string environmentName) => false;
                public static bool IsProduction(this IHostEnvironment hostEnvironment) => false;
            }
        }
        namespace Microsoft.AspNetCore.Hosting
        {
            public interface IWebHostEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment { }
        }
        """;

    public const string Newtonsoft = """
        namespace Newtonsoft.Json
        {
            [System.Flags] public enum TypeNameHandling { None = 0, Objects = 1, Arrays = 2, All = 3, Auto = 4 }
            public class JsonSerializerSettings { public TypeNameHandling TypeNameHandling { get; set; } }
            [System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field)]
            public sealed class JsonPropertyAttribute : System.Attribute
            {
                public TypeNameHandling TypeNameHandling { get; set; }
                public TypeNameHandling ItemTypeNameHandling { get; set; }
            }
            public static class JsonConvert
            {
                public static T DeserializeObject<T>(string value, JsonSerializerSettings settings) => default;
            }
        }
        """;

    public const string LegacyFormatters = """
        namespace System.Runtime.Serialization.Formatters.Soap
        {
            public sealed class SoapFormatter { public object Deserialize(System.IO.Stream serializationStream) => null; }
        }
        namespace System.Runtime.Serialization
        {
            public sealed class NetDataContractSerializer { public object Deserialize(System.IO.Stream stream) => null; public object ReadObject(System.IO.Stream stream) => null; }
        }
        namespace System.Web.UI
        {
            public sealed class LosFormatter { public object Deserialize(string input) => null; }
            public sealed class ObjectStateFormatter { public object Deserialize(string inputString) => null; }
        }
        """;
}
