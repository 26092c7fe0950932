using System.Threading.Tasks;
using CodeGuardian.Analyzers.Secrets;
using CodeGuardian.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.Analyzers.Tests.Secrets;

public class HardCodedCredentialTextTests
{
    /// <summary>Only CG4007 is under test here; the token rule would add low-confidence findings on random values.</summary>
    private const string OnlyCg4007 = "root = true\n[*]\ndotnet_diagnostic.CG4008.severity = none\n";

    private static DiagnosticResult At(int location, string name, string value) =>
        TextFileVerifier.Diagnostic("CG4007").WithLocation(location).WithArguments(name, Redaction.Describe(value));

    private static Task Verify(string path, string markup, params DiagnosticResult[] expected)
    {
        var test = TextFileVerifier.Create(path, markup, OnlyCg4007);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task JavaScript_assignments_object_keys_and_defaults_fire() => Verify(
        "/src/db.ts",
        """
        const password = {|#0:"Winter2024!"|};
        this.apiKey = {|#1:'k3y-9f8e7d6c'|};
        const options = { clientSecret: {|#2:`cs-8a7b6c5d`|}, "access_token": {|#3:"at-99887766"|} };
        config["db_password"] = {|#4:'s3cr3t!x'|};
        function connect(user, pwd = {|#5:"hunter22"|}) {}
        let authToken: string = {|#6:"tok-123456"|};
        const url = {|#7:"postgres://app:Sup3rS3cret@db.internal/app"|};
        """,
        At(0, "password", "Winter2024!"),
        At(1, "apiKey", "k3y-9f8e7d6c"),
        At(2, "clientSecret", "cs-8a7b6c5d"),
        At(3, "access_token", "at-99887766"),
        At(4, "db_password", "s3cr3t!x"),
        At(5, "pwd", "hunter22"),
        At(6, "authToken", "tok-123456"),
        At(7, "URL user-info", "Sup3rS3cret"));

    [Fact]
    public Task JavaScript_negatives() => Verify(
        "/src/app.js",
        """
        const password = "";
        const apiKey = process.env.API_KEY;
        const token = process.env.TOKEN || "";
        const secret = `${prefix}-value`;
        const passwordLength = "12";
        const tokenType = "Bearer";
        const header = "Bearer " + token;
        const clientSecret = "changeme";
        const pwd = "<password>";
        // const password = "Winter2024!";
        const message = "password = 'Winter2024!'";
        const ok = isAdmin ? password : "guest-mode-1";
        """);

    [Fact]
    public Task Python_assignments_keyword_arguments_and_dicts_fire() => Verify(
        "/app/settings.py",
        """
        PASSWORD = {|#0:'Winter2024!'|}
        api_key: str = {|#1:"k3y-9f8e7d6c"|}
        conn = psycopg2.connect(host="db", password={|#2:"hunter22"|})
        CONFIG = {
            "client_secret": {|#3:'''cs-8a7b6c5d'''|},
        }
        settings["token"] = {|#4:r"tok-123456"|}
        DSN = {|#5:"Server=db;Database=app;User Id=sa;Password=Sup3rS3cret;"|}
        """,
        At(0, "PASSWORD", "Winter2024!"),
        At(1, "api_key", "k3y-9f8e7d6c"),
        At(2, "password", "hunter22"),
        At(3, "client_secret", "cs-8a7b6c5d"),
        At(4, "token", "tok-123456"),
        At(5, "connection string password", "Sup3rS3cret"));

    [Fact]
    public Task Python_negatives() => Verify(
        "/app/config.py",
        """
        import os
        PASSWORD = os.environ["DB_PASSWORD"]
        API_KEY = os.getenv("API_KEY", "")
        token = f"{prefix}abc"
        password_length = "12"
        SECRET = "${SECRET}"
        secret_name = "db-password"
        # password = "Winter2024!"
        doc = "set password = 'Winter2024!' in the form"
        """);

    [Fact]
    public Task Rust_lets_consts_struct_fields_and_wrappers_fire() => Verify(
        "/native/src/config.rs",
        """
        const API_KEY: &str = {|#0:"k3y-9f8e7d6c"|};
        static DB_PASSWORD: &'static str = {|#1:r#"Winter2024!"#|};
        fn main() {
            let token = {|#2:"tok-123456"|}.to_string();
            let cfg = Config { password: String::from({|#3:"hunter22"|}), user: "app".into() };
            let url = {|#4:"redis://:Sup3rS3cret@cache:6379"|};
        }
        """,
        At(0, "API_KEY", "k3y-9f8e7d6c"),
        At(1, "DB_PASSWORD", "Winter2024!"),
        At(2, "token", "tok-123456"),
        At(3, "password", "hunter22"),
        At(4, "URL user-info", "Sup3rS3cret"));

    [Fact]
    public Task Rust_negatives() => Verify(
        "/native/src/env.rs",
        """
        fn main() {
            let password = std::env::var("DB_PASSWORD").unwrap_or_default();
            let password_length = "12";
            let token = "";
            let secret = format!("{}-x", prefix);
            // let password = "Winter2024!";
        }
        """);

    [Fact]
    public Task Sql_logins_users_and_variables_fire() => Verify(
        "/db/setup.sql",
        """
        CREATE LOGIN app_login WITH PASSWORD = {|#0:'Winter2024!'|};
        CREATE USER reporting WITH
            PASSWORD {|#1:'hunter22x'|};
        CREATE USER 'app'@'%' IDENTIFIED BY {|#2:'s3cr3t!x'|};
        DECLARE @pwd NVARCHAR(50) = {|#3:N'P@ssw0rd-deploy'|};
        SET @api_key = {|#4:'k3y-9f8e7d6c'|};
        """,
        At(0, "PASSWORD", "Winter2024!"),
        At(1, "PASSWORD", "hunter22x"),
        At(2, "IDENTIFIED BY", "s3cr3t!x"),
        At(3, "@pwd", "P@ssw0rd-deploy"),
        At(4, "@api_key", "k3y-9f8e7d6c"));

    [Fact]
    public Task Sql_negatives() => Verify(
        "/db/users.sql",
        """
        -- CREATE LOGIN x WITH PASSWORD = 'Winter2024!';
        CREATE LOGIN app_login WITH PASSWORD = '';
        CREATE LOGIN app_login2 WITH PASSWORD = '$(AppPassword)';
        SELECT 'PASSWORD = ''x''' AS hint;
        UPDATE users SET password_hash = 'a1b2c3' WHERE id = 1;
        """);

    [Fact]
    public Task Appsettings_json_keys_and_connection_strings_fire() => Verify(
        "/appsettings.Development.json",
        """
        {
          // development settings
          "ConnectionStrings": {
            "Default": "{|#0:Server=db;Database=app;User Id=sa;Password=Sup3rS3cret;|}",
            "Cache": "cache:6379"
          },
          "Smtp": { "Password": "{|#1:Winter2024!|}", "PasswordLength": "12" },
          "Jwt": { "SigningKey": "", "Issuer": "app" },
          "Api": { "ApiKey": "${API_KEY}", "ClientSecret": "@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/x)" }
        }
        """,
        At(0, "connection string password", "Sup3rS3cret"),
        At(1, "Password", "Winter2024!"));

    [Fact]
    public Task Dotenv_yaml_toml_ini_and_properties_fire() => Task.WhenAll(
        Verify("/.env.local", "export DB_PASSWORD={|#0:Winter2024!|}\nAPI_KEY=\nTOKEN=${TOKEN}\n# SECRET=hunter22\nCLIENT_SECRET=\"{|#1:cs-8a7b6c5d|}\" # prod\n",
            At(0, "DB_PASSWORD", "Winter2024!"), At(1, "CLIENT_SECRET", "cs-8a7b6c5d")),
        Verify("/deploy/values.yaml", "db:\n  password: {|#0:Winter2024!|} # set by ops\n  user: app\nsecrets:\n  - api_key: '{|#1:k3y-9f8e7d6c|}'\n  - token: \"{{ vault_token }}\"\nvault_password: !vault |\n  abc\n",
            At(0, "password", "Winter2024!"), At(1, "api_key", "k3y-9f8e7d6c")),
        Verify("/config/app.toml", "[database]\npassword = \"{|#0:Winter2024!|}\"\nurl = \"{|#1:mysql://app:hunter22@db/app|}\"\npassword_length = \"12\"\n",
            At(0, "password", "Winter2024!"), At(1, "URL user-info", "hunter22")),
        Verify("/config/app.ini", "; comment password = x\n[smtp]\npassword={|#0:Winter2024!|}\n",
            At(0, "password", "Winter2024!")),
        Verify("/src/main/resources/app.properties", "spring.datasource.password={|#0:Winter2024#1|}\nspring.datasource.username=app\n",
            At(0, "spring.datasource.password", "Winter2024#1")));

    [Fact]
    public Task Xml_config_add_keys_connection_strings_and_attributes_fire() => Verify(
        "/Web.config",
        """
        <configuration>
          <!-- <add key="DbPassword" value="Winter2024!" /> -->
          <appSettings>
            <add key="DbPassword" value="{|#0:Winter2024!|}" />
            <add key="PasswordLength" value="12" />
            <add key="ApiKey" value="" />
          </appSettings>
          <connectionStrings>
            <add name="Default" connectionString="{|#1:Data Source=db;Initial Catalog=app;User ID=sa;Pwd=hunter22x|}" />
          </connectionStrings>
          <smtp password="{|#2:s3cr3t!x|}" />
          <dependentAssembly><assemblyIdentity name="Newtonsoft.Json" publicKeyToken="30ad4fe6b2a6aeed" culture="neutral" /></dependentAssembly>
        </configuration>
        """,
        At(0, "DbPassword", "Winter2024!"),
        At(1, "connection string password", "hunter22x"),
        At(2, "password", "s3cr3t!x"));

    [Fact]
    public async Task Test_files_are_skipped_unless_included()
    {
        await Verify("/tests/test_login.py", "PASSWORD = 'Winter2024!'\n");
        var test = TextFileVerifier.Create("/tests/test_login.py", "PASSWORD = {|#0:'Winter2024!'|}\n", OnlyCg4007 + "codeguardian.CG4007.include_tests = true\n");
        test.ExpectedDiagnostics.Add(At(0, "PASSWORD", "Winter2024!"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("/appsettings.json", "{ \"Password\": \"unterminated")]
    [InlineData("/appsettings.json", "{ \"a\": [ \"b\", { \"c\": /* unterminated comment")]
    [InlineData("/Web.config", "<add key=\"DbPassword\" value=\"unterminated")]
    [InlineData("/Web.config", "<!-- unterminated comment <add key=\"Password\" value=\"Winter2024!\" />")]
    [InlineData("/.env", "export\n=\nPASSWORD\n\"PASSWORD\nTOKEN=\"")]
    [InlineData("/config/a.yml", "- \n-\n: :\n'password\npassword: '")]
    [InlineData("/src/a.js", "const password = \"unterminated")]
    [InlineData("/src/a.py", "password = '''unterminated")]
    [InlineData("/src/a.rs", "let password = r#\"unterminated")]
    [InlineData("/db/a.sql", "CREATE LOGIN x WITH PASSWORD = 'unterminated")]
    public Task Unterminated_and_half_typed_input_does_not_throw(string path, string source) => Verify(path, source);

    [Fact]
    public Task JavaScript_multi_line_objects_and_calls_fire_on_the_literal() => Verify(
        "/src/client.js",
        """
        const client = createClient({
          user: "app",
          password:
            {|#0:"Winter2024!"|},
        });
        module.exports = {
          "api_key": {|#1:'k3y-9f8e7d6c'|}
        };
        """,
        At(0, "password", "Winter2024!"),
        At(1, "api_key", "k3y-9f8e7d6c"));
}
