using System.Threading.Tasks;

namespace CodeGuardian.Analyzers.Tests.Text.Python;

public class PyDebuggerBreakTests
{
    private const string Id = "CG2002";

    [Fact]
    public Task Breakpoints_and_debugger_imports_fire() => PyVerify.VerifyAsync(Id, """
        {|CG2002:import pdb|}
        {|CG2002:import ipdb|}
        {|CG2002:import os, pdb|}

        def f(x):
            {|CG2002:breakpoint()|}
            {|CG2002:pdb.set_trace()|}
            {|CG2002:ipdb.set_trace()|}
            return x
        """);

    [Fact]
    public Task From_import_and_alias_fire() => PyVerify.VerifyAsync(Id, """
        {|CG2002:from pdb import set_trace|}
        {|CG2002:import pdb as debugger|}

        def f():
            {|CG2002:set_trace()|}
            {|CG2002:debugger.set_trace()|}
        """);

    [Fact]
    public Task Inline_import_and_call_on_one_line() => PyVerify.VerifyAsync(Id, "{|CG2002:import pdb|}; {|CG2002:pdb.set_trace()|}\n");

    [Fact]
    public Task Words_in_comments_strings_and_keys_do_not_fire() => PyVerify.VerifyAsync(Id, """
        # import pdb; pdb.set_trace()
        '''Use breakpoint() to debug.'''
        hint = "breakpoint()"
        styles = {"breakpoint": 768}
        css = dict(breakpoint=768)
        layout.breakpoint(2)
        import pdbx
        from mypkg import pdb_helpers
        """);

    [Fact]
    public Task Other_set_trace_methods_do_not_fire() => PyVerify.VerifyAsync(Id, """
        import sys
        sys.settrace(None)
        tracer.set_trace()
        """);
}
