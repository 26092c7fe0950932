using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Maintainability;
using CodeGuardian.Analyzers.Tests.Verifiers;
using Verify = CodeGuardian.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CodeGuardian.Analyzers.CSharp.Maintainability.CommentMarkersAnalyzer>;

namespace CodeGuardian.Analyzers.Tests.CSharp.Maintainability;

public class CommentMarkersAnalyzerTests
{
    [Fact]
    public Task EmptySource_NoDiagnostics() => Verify.VerifyAnalyzerAsync("");

    [Fact]
    public Task TodoTag_InLineComment_FiresOnTagThroughEndOfLine() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            // {|CG1001:TODO: handle the empty case|}
            void M() { }
        }
        """);

    [Fact]
    public Task TaskTags_AllFour_InOneFile() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            /* {|CG1002:FIXME crashes on null|} */
            // {|CG1003:HACK: works around a driver bug|}
            // {|CG1004:BUG: off by one|}
            // see {|CG1004:XXX below|}
            void M() { }
        }
        """);

    [Fact]
    public Task BlockComment_TagOnContinuationLine() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            /*
             * Summary line.
             * {|CG1001:todo: remove once v2 ships|}
             */
            void M() { }
        }
        """);

    [Theory]
    [InlineData("// a todo list app stores items")]
    [InlineData("// the todoList is sorted")]
    [InlineData("// fixing a bug in prose is fine")]
    [InlineData("// xxx is a placeholder name here")]
    [InlineData("// Hackathon results")]
    public Task ProseMentions_DoNotFire(string comment) => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            {{comment}}
            void M() { }
        }
        """);

    [Fact]
    public Task TagsInCodeAndStrings_DoNotFire() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            int TODO = 1;
            string todoList = "TODO: not a comment";
            string raw = \"\"\"
                // FIXME inside a raw string
                \"\"\";
        }
        """.Replace("\\\"", "\""));

    [Fact]
    public Task UpperCaseTodo_AnywhereInComment_Fires() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            int x; // counts retries, {|CG1001:TODO make configurable|}
        }
        """);

    [Fact]
    public Task DocumentationComment_NotScannedForTags() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            /// <summary>Returns the TODO items of a user.</summary>
            void M() { }
        }
        """);

    [Fact]
    public async Task ExtraTags_FromOption()
    {
        var test = new CSharpAnalyzerVerifier<CommentMarkersAnalyzer>.Test
        {
            TestCode = """
                class C
                {
                    // {|CG1001:TBD: pick a size|}
                    // this is tbd in prose
                    void M() { }
                }
                """,
        }.WithEditorConfig("root = true\n[*.cs]\ncodeguardian.CG1001.tags = TBD\n");
        await test.RunAsync();
    }

    [Fact]
    public Task ElidedCode_Fires() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            void M()
            {
                // {|CG1006:... rest of the code ...|}
            }

            void N()
            {
                // {|CG1006:Your code here|}
            }

            void O()
            {
                /* {|CG1006:(rest of implementation)|} */
            }
        }
        """);

    [Theory]
    [InlineData("// the rest of the code assumes sorted input")]
    [InlineData("// rest api client")]
    [InlineData("// this code is generated once")]
    [InlineData("// existing users keep their settings")]
    public Task OrdinaryCommentsMentioningRestOrCode_DoNotFire(string comment) => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            {{comment}}
            void M() { }
        }
        """);

    [Fact]
    public Task AssistantPhrases_Fire() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            // {|CG1007:Here's the updated code|} with the fix applied.
            void M() { }

            // Done. {|CG1007:I hope this helps|}!
            void N() { }
        }
        """);

    [Fact]
    public Task AssistantPhrases_InStrings_DoNotFire() => Verify.VerifyAnalyzerAsync("""
        class ChatUi
        {
            const string Greeting = "As an AI language model, I can help. I hope this helps!";
        }
        """);

    [Fact]
    public Task MarkdownFence_InCode_Fires() => Verify.VerifyIncompleteCodeAsync("""
        {|CG1007:```csharp|}
        class C { }
        {|CG1007:```|}
        """);

    [Fact]
    public Task MarkdownFence_InDocCommentOrString_DoesNotFire() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            /// <example>
            /// ```csharp
            /// var c = new C();
            /// ```
            /// </example>
            void M() { }

            string s = @"
        ```
        ";
        }
        """);

    [Fact]
    public Task GeneratedCode_IsSkipped() => Verify.VerifyAnalyzerAsync("""
        // <auto-generated/>
        class C
        {
            // TODO: generated stub
        }
        """);

    [Theory]
    [InlineData("/0/Form1.Designer.cs")]
    [InlineData("/0/Client.g.cs")]
    [InlineData("/0/Client.G.I.CS")]
    [InlineData("/0/Model.generated.cs")]
    [InlineData("/0/TemporaryGeneratedFile_1234.cs")]
    public async Task GeneratedFileNames_AreSkipped(string path)
    {
        var test = new CSharpAnalyzerVerifier<CommentMarkersAnalyzer>.Test();
        test.TestState.Sources.Add((path, "class C\n{\n    // TODO: generated stub\n}\n"));
        test.TestState.Sources.Add(("/0/Hand.cs", "class D\n{\n    // {|CG1001:TODO: hand-written|}\n}\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task GeneratedCodeOption_DecidesOverTheFileName()
    {
        var test = new CSharpAnalyzerVerifier<CommentMarkersAnalyzer>.Test();
        test.TestState.Sources.Add(("/0/Client.g.cs", "class C\n{\n    // {|CG1001:TODO: declared hand-written|}\n}\n"));
        test.TestState.Sources.Add(("/0/Plain.cs", "class D\n{\n    // TODO: declared generated\n}\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.g.cs]\ngenerated_code = false\n[Plain.cs]\ngenerated_code = true\n"));
        await test.RunAsync();
    }

    [Fact]
    public Task GeneratedCodeAttribute_SkipsTheDeclarationsItMarks() => Verify.VerifyAnalyzerAsync("""
        using System.CodeDom.Compiler;

        [GeneratedCode("tool", "1.0")]
        class Generated
        {
            // TODO: inside a generated type
            void M() { } // FIXME: also inside
        }

        class Mixed
        {
            [System.CodeDom.Compiler.GeneratedCodeAttribute("tool", "1.0")]
            void Generated()
            {
                // TODO: inside a generated method
            }

            void Written()
            {
                // {|CG1001:TODO: hand-written|}
            }
        }
        """);

    [Fact]
    public Task HalfTypedCode_DoesNotThrow() => Verify.VerifyIncompleteCodeAsync("""
        class C
        {
            void M(
            // {|CG1001:TODO: finish|}
        """);

    [Fact]
    public Task CommentsAfterDirectivesAndBesideStringsWithSlashes_AreScanned() => Verify.VerifyAnalyzerAsync("""
        #define DEBUG_TRACE
        class C
        {
        #if DEBUG_TRACE // {|CG1001:TODO: drop the trace switch|}
            string Url = "http://example.com/*not a comment*/"; // {|CG1003:HACK: fixed host|}
        #endif // {|CG1002:FIXME: keep in sync with the build flags|}
            int Ratio(int a, int b) => a / b /* {|CG1001:TODO: guard zero|} */;
        }
        """);

    [Fact]
    public Task RunsOfSlashes_OnlyRealCommentsFire() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            /// <summary>Holds the TODO list.</summary>
            //// {|CG1001:TODO: four slashes make an ordinary comment|}
            string A = "///"; // {|CG1001:TODO: after a string of slashes|}
            string B = "////// TODO: not a comment";
            /* note */// {|CG1002:FIXME: right after a block comment|}
            /* note *//// FIXME: three slashes after a block comment make documentation
            /// <remarks>
            /// ////// TODO: still documentation
            /// </remarks>
            void M() { }
        }
        """);

    [Fact]
    public Task MarkersAfterSlashesInStrings_OnlyTheRealCommentFires() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            string A = "// TODO: not a comment"; // {|CG1001:TODO: a real one|}
            string B = "// HACK: x // FIXME: y";
            string C2 = @"
        // TODO: inside a verbatim string
        ";
            // a comment quoting a comment: "// {|CG1001:TODO: z"|}
        }
        """);

    [Fact]
    public Task MarkdownFence_InDisabledRegion_DoesNotFire_InCode_Fires() => Verify.VerifyIncompleteCodeAsync("""
        class C
        {
        #if NEVER
        ```csharp
        #endif
            void M() { }
        {|CG1007:```|}
        }
        """);
}
