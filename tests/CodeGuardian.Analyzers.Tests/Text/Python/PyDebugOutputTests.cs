using System.Threading.Tasks;

namespace CodeGuardian.Analyzers.Tests.Text.Python;

public class PyDebugOutputTests
{
    private const string Id = "CG2001";

    [Fact]
    public Task Print_in_a_module_fires() => PyVerify.VerifyAsync(Id, """
        def handle(order):
            {|CG2001:print("handling", order)|}
            return order
        """);

    [Fact]
    public Task Print_across_lines_fires_with_whole_call() => PyVerify.VerifyAsync(Id, """
        {|CG2001:print(
            "a",
            "b",
        )|}
        """);

    [Fact]
    public Task Script_with_main_guard_does_not_fire() => PyVerify.VerifyAsync(Id, """
        import sys

        def main():
            print("usage: tool FILE")

        if __name__ == "__main__":
            main()
        """);

    [Fact]
    public Task Reversed_main_guard_counts_too() => PyVerify.VerifyAsync(Id, """
        print("x")
        if '__main__' == __name__:
            pass
        """);

    [Fact]
    public Task Shebang_script_does_not_fire() => PyVerify.VerifyAsync(Id, "#!/usr/bin/env python3\nprint('hello')\n");

    [Fact]
    public Task Dunder_main_file_does_not_fire() => PyVerify.VerifyAsync(Id, "print('hello')\n", "/src/tool/__main__.py");

    [Fact]
    public Task Test_files_are_exempt() => PyVerify.VerifyAsync(Id, "def test_x():\n    print('debug')\n", "/src/app/test_orders.py");

    [Fact]
    public Task Main_guard_inside_a_function_does_not_make_a_script() => PyVerify.VerifyAsync(Id, """
        def f():
            if __name__ == "__main__":
                pass
            {|CG2001:print(1)|}
        """);

    [Fact]
    public Task Print_in_strings_comments_docstrings_and_other_names_does_not_fire() => PyVerify.VerifyAsync(Id, """
        '''Call print(x) to debug.'''
        # print("commented out")
        message = "print(value)"
        logger.print(value)
        def print_report(x):
            return x
        printer(1)
        self.print(2)
        """);

    [Fact]
    public Task Definition_named_print_is_not_a_call() => PyVerify.VerifyAsync(Id, """
        class Doc:
            def print(self):
                return 1
        """);
}
