using System.Threading.Tasks;

namespace CodeGuardian.Analyzers.Tests.Text.Python;

public class PyDevelopmentEndpointTests
{
    private const string Id = "CG2004";

    [Fact]
    public Task Loopback_and_wildcard_hosts_fire_on_the_host() => PyVerify.VerifyAsync(Id, """
        API = "http://{|CG2004:localhost:8000|}/api"
        DB = 'postgresql://user@{|CG2004:127.0.0.1:5432|}/app'
        BIND = "{|CG2004:0.0.0.0|}"
        V6 = "http://{|CG2004:[::1]:8080|}/"
        REDIS = f"redis://{|CG2004:localhost|}/{db}"
        HOST = b"{|CG2004:localhost|}"
        DSN = "host={|CG2004:localhost|} port=5432"
        """);

    [Fact]
    public Task Staging_and_dev_hosts_fire() => PyVerify.VerifyAsync(Id, """
        A = "https://{|CG2004:staging.example.com|}/v1"
        B = "https://{|CG2004:api.dev.example.com|}"
        C = "{|CG2004:dev.example.com|}"
        D = "amqp://guest:guest@{|CG2004:staging.mq.example.org:5672|}/"
        """);

    [Fact]
    public Task Triple_quoted_string_that_is_not_a_docstring_fires() => PyVerify.VerifyAsync(Id, """"
        CONFIG = """
        url: http://{|CG2004:localhost:3000|}
        """
        """");

    [Fact]
    public Task Comments_docstrings_and_non_hosts_do_not_fire() => PyVerify.VerifyAsync(Id, """"
        '''Connect to http://localhost:8000 in development.'''
        # BASE = "http://localhost:8000"
        def f():
            """Runs against 127.0.0.1."""
            return 1
        version = "10.127.0.0.15"
        cidr = "0.0.0.0/0"
        names = ["localhosts", "mylocalhost", "localhost_name"]
        device = "/dev/null"
        config = "settings.dev.json"
        site = "dev.to"
        text = "this is staging. nothing else"
        prod = "https://api.example.com"
        """");

    [Fact]
    public Task Hosts_anywhere_in_long_literals_fire_in_any_case() => PyVerify.VerifyAsync(Id, """
        A = "a long literal before the host, then http://{|CG2004:LOCALHOST:8000|}"
        B = "0123456789abcd {|CG2004:127.0.0.1|}"
        C = "many characters before the address ................. https://{|CG2004:api.Staging.example.com|}/v1"
        D = "{|CG2004:Dev.example.com|}"
        E = "café at http://{|CG2004:localhost:8080|}"
        F = ("service_local", "host.example", "logs/dev", "v.1")
        """);

    [Fact]
    public Task Literal_at_the_very_end_of_the_file_fires() => PyVerify.VerifyAsync(Id, "URL = 'http://{|CG2004:localhost|}'");

    [Fact]
    public Task Test_files_do_not_fire() => PyVerify.VerifyAsync(Id, "URL = 'http://localhost:8000'\n", "/src/tests/test_api.py");
}
