using System.Threading.Tasks;
using CodeGuardian.Analyzers.Secrets;
using Verify = CodeGuardian.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CodeGuardian.Analyzers.CSharp.Security.HardCodedCredentialAnalyzer>;

namespace CodeGuardian.Analyzers.Tests.CSharp.Security;

/// <summary>Destinations the syntax pre-filter must not lose: attribute arguments, '!', casts, yield, local functions, indexers with constant keys.</summary>
public class HardCodedCredentialFilterTests
{
    [Fact]
    public async Task Attribute_arguments_and_wrapped_literals_fire_like_any_other_destination()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            class A : Attribute { public A(string password) { } public string? Password { get; set; } }
            [A({|#0:"Tr0ub4dor-9x"|}, Password = {|#1:"Tr0ub4dor-9y"|})]
            [Obsolete({|#2:"Server=db;Password=Tr0ub4dor-9z;"|})]
            class C
            {
                const string Key = "api_key";
                string? _secret = ({|#3:"Tr0ub4dor-9w"|})!;
                object AuthToken = (object){|#4:"Tr0ub4dor-9v"|};
                IEnumerable<string> Passwords() { yield return "x"; }
                void M(Dictionary<string, string> settings)
                {
                    settings[Key] = {|#5:"Tr0ub4dor-9u"|};
                    string ClientSecret() => {|#6:"Tr0ub4dor-9t"|};
                    Func<string> password = () => "Tr0ub4dor-9s";
                    var list = new[] { "Tr0ub4dor-9r" };
                    var name = "Tr0ub4dor-9q";
                }
            }
            """,
            Verify.Diagnostic("CG4007").WithLocation(0).WithArguments("password", Redaction.Describe("Tr0ub4dor-9x")),
            Verify.Diagnostic("CG4007").WithLocation(1).WithArguments("Password", Redaction.Describe("Tr0ub4dor-9y")),
            Verify.Diagnostic("CG4007").WithLocation(2).WithArguments("connection string password", Redaction.Describe("Tr0ub4dor-9z")),
            Verify.Diagnostic("CG4007").WithLocation(3).WithArguments("_secret", Redaction.Describe("Tr0ub4dor-9w")),
            Verify.Diagnostic("CG4007").WithLocation(4).WithArguments("AuthToken", Redaction.Describe("Tr0ub4dor-9v")),
            Verify.Diagnostic("CG4007").WithLocation(5).WithArguments("api_key", Redaction.Describe("Tr0ub4dor-9u")),
            Verify.Diagnostic("CG4007").WithLocation(6).WithArguments("ClientSecret", Redaction.Describe("Tr0ub4dor-9t")));
    }
}
