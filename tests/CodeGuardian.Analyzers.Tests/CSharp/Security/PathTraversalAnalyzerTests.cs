using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Security;
using Verify = CodeGuardian.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CodeGuardian.Analyzers.CSharp.Security.PathTraversalAnalyzer>;

namespace CodeGuardian.Analyzers.Tests.CSharp.Security;

public class PathTraversalAnalyzerTests
{
    [Fact]
    public async Task Request_input_reaching_file_apis_fires()
    {
        await SecurityTest.VerifyAsync<PathTraversalAnalyzer>("""
            using System.IO;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            public class Upload { public string? Folder { get; set; } }
            public class FilesController : ControllerBase
            {
                private const string Root = "/srv/files";

                public IActionResult Download(string name)
                {
                    var bytes = System.IO.File.ReadAllBytes({|#0:name|});
                    return PhysicalFile({|#1:"/srv/files/" + name|}, "application/octet-stream");
                }

                public void Save(IFormFile file, Upload model)
                {
                    var target = Path.Combine(Root, {|#2:file.FileName|});
                    using var stream = new FileStream(target, FileMode.Create);
                    var folder = model.Folder;
                    Directory.CreateDirectory({|#3:$"{Root}/{folder}"|});
                }

                public void FromQuery()
                {
                    string requested = Request.Query["path"];
                    System.IO.File.Delete({|#4:requested.Trim()|});
                    var route = Request.RouteValues["file"]?.ToString();
                    using var reader = new StreamReader({|#5:route|}!);
                }
            }
            """,
            new[] { Stubs.AspNet },
            Verify.Diagnostic("CG4005").WithLocation(0).WithArguments("File.ReadAllBytes", "action parameter name"),
            Verify.Diagnostic("CG4005").WithLocation(1).WithArguments("PhysicalFile", "action parameter name"),
            Verify.Diagnostic("CG4005").WithLocation(2).WithArguments("Path.Combine", "IFormFile.FileName"),
            Verify.Diagnostic("CG4005").WithLocation(3).WithArguments("Directory.CreateDirectory", "action parameter model"),
            Verify.Diagnostic("CG4005").WithLocation(4).WithArguments("File.Delete", "Request.Query"),
            Verify.Diagnostic("CG4005").WithLocation(5).WithArguments("new StreamReader", "Request.RouteValues"));
    }

    [Fact]
    public async Task Api_controller_attribute_marks_actions_too()
    {
        await SecurityTest.VerifyAsync<PathTraversalAnalyzer>("""
            using Microsoft.AspNetCore.Mvc;
            [ApiController]
            public class Reports
            {
                public string Read(string report) => System.IO.File.ReadAllText([|report|]);
            }
            """, Stubs.AspNet);
    }

    [Fact]
    public async Task Sanitized_names_non_actions_and_non_request_values_do_not_fire()
    {
        await SecurityTest.VerifyAsync<PathTraversalAnalyzer>("""
            using System;
            using System.IO;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            public class FilesController : ControllerBase
            {
                private const string Root = "/srv/files";

                public IActionResult Download(string name, int id, Guid key)
                {
                    var safe = Path.GetFileName(name);
                    var bytes = System.IO.File.ReadAllBytes(Path.Combine(Root, safe));
                    System.IO.File.ReadAllText(Path.Combine(Root, Path.GetFileName(name)));
                    System.IO.File.ReadAllText(Path.Combine(Root, id + ".txt"));
                    System.IO.File.ReadAllText(Path.Combine(Root, key.ToString()));
                    System.IO.File.ReadAllText(Path.Combine(Root, Sanitize(name)));
                    System.IO.File.WriteAllText(Path.Combine(Root, "log.txt"), name);
                    // System.IO.File.ReadAllText(name);
                    var text = "File.ReadAllText(name)";
                    return File(bytes, "application/pdf", name);
                }

                public void Save(IFormFile file)
                {
                    var stored = Path.Combine(Root, Path.GetFileName(file.FileName));
                    var random = Path.Combine(Root, Path.GetRandomFileName());
                }

                [NonAction]
                public void Helper(string path) => System.IO.File.ReadAllText(path);

                private static string Sanitize(string value) => value.Replace("..", "");
            }

            public class NotAController
            {
                public void Read(string path) => System.IO.File.ReadAllText(path);
            }
            """, Stubs.AspNet);
    }

    [Fact]
    public async Task Generated_empty_and_half_typed_code_are_silent()
    {
        await SecurityTest.VerifyAsync<PathTraversalAnalyzer>("// <auto-generated/>\npublic class C : Microsoft.AspNetCore.Mvc.ControllerBase { public void A(string p) => System.IO.File.ReadAllText(p); }", Stubs.AspNet);
        await Verify.VerifyAnalyzerAsync(string.Empty);
        var test = new Verifiers.CSharpAnalyzerVerifier<PathTraversalAnalyzer>.Test
        {
            TestCode = "public class C : Microsoft.AspNetCore.Mvc.ControllerBase { public void A(string p) { System.IO.File.ReadAllText(p + ; System.IO.Path.Combine( } }",
            CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
        };
        test.TestState.Sources.Add(("/0/Stub.cs", Stubs.AspNet));
        await test.RunAsync();
    }
}
