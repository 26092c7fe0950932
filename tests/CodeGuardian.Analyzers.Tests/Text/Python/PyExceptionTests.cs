using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.Analyzers.Tests.Text.Python;

public class PySwallowedExceptionTests
{
    private const string Id = "CG3001";

    [Fact]
    public Task Pass_and_ellipsis_bodies_fire_on_the_header() => PyVerify.VerifyAsync(Id, """
        try:
            run()
        {|CG3001:except ValueError:|}
            pass

        try:
            run()
        {|CG3001:except (KeyError, IndexError) as e:|} ...

        try: run()
        {|CG3001:except:|} pass
        """);

    [Fact]
    public Task Body_on_the_next_line_with_comments_fires() => PyVerify.VerifyAsync(Id, """
        def f():
            try:
                run()
            {|CG3001:except Exception:|}
                # ignore: best effort
                pass
            finally:
                close()
        """);

    [Fact]
    public Task Multi_line_header_fires() => PyVerify.VerifyAsync(Id, """
        try:
            run()
        {|CG3001:except (
            ValueError,
            TypeError,
        ):|}
            pass
        """);

    [Fact]
    public Task Handlers_that_do_something_do_not_fire() => PyVerify.VerifyAsync(Id, """
        try:
            run()
        except ValueError as e:
            log.warning("bad value: %s", e)
        except KeyError:
            raise
        except IndexError:
            return None
        except TypeError:
            result = None
        except OSError:
            pass
            cleanup()
        """);

    [Fact]
    public Task Pass_elsewhere_and_in_strings_does_not_fire() => PyVerify.VerifyAsync(Id, """
        class Empty:
            pass

        def noop():
            ...

        text = "except: pass"
        # except: pass
        """);

    [Fact]
    public Task Message_names_the_clause() => PyVerify.VerifyAsync(Id, "try:\n    run()\nexcept ValueError:\n    pass\n", PyVerify.DefaultPath,
        new DiagnosticResult(Descriptors.SwallowedException).WithSpan(PyVerify.DefaultPath, 3, 1, 3, 19)
            .WithArguments("'except ValueError: pass'"));
}

public class PyOverBroadExceptTests
{
    private const string Id = "CG3002";

    [Fact]
    public Task Bare_except_fires() => PyVerify.VerifyAsync(Id, """
        try:
            run()
        {|CG3002:except:|}
            result = None

        try:
            run()
        {|CG3002:except :|} pass
        """);

    [Fact]
    public Task Bare_except_that_reraises_or_uses_the_exception_does_not_fire() => PyVerify.VerifyAsync(Id, """
        try:
            run()
        except:
            rollback()
            raise

        try:
            run()
        except:
            logger.exception("failed")

        try:
            run()
        except:
            info = sys.exc_info()

        try:
            run()
        except:
            traceback.print_exc()

        try:
            run()
        except:
            log.error("failed", exc_info=True)
        """);

    [Fact]
    public Task Typed_handlers_do_not_fire() => PyVerify.VerifyAsync(Id, """
        try:
            run()
        except Exception as e:
            log(e)
        except BaseException:
            pass
        """);

    [Fact]
    public Task Except_in_strings_and_comments_does_not_fire() => PyVerify.VerifyAsync(Id, """
        # except:
        doc = '''
        try:
            x()
        except:
            pass
        '''
        """);
}

public class PyBlockingSleepTests
{
    private const string Id = "CG3005";

    [Fact]
    public Task Time_sleep_in_async_def_fires() => PyVerify.VerifyAsync(Id, """
        import time
        import time as t
        from time import sleep
        from time import sleep as nap

        async def poll(client):
            {|CG3005:time.sleep(1)|}
            {|CG3005:t.sleep(0.5)|}
            {|CG3005:sleep(2)|}
            {|CG3005:nap(
                3,
            )|}
            await client.get()

        class Worker:
            async def run(self):
                while True:
                    if self.idle:
                        {|CG3005:time.sleep(1)|}
        """);

    [Fact]
    public Task Sync_functions_and_asyncio_sleep_do_not_fire() => PyVerify.VerifyAsync(Id, """
        import asyncio
        import time

        def poll():
            time.sleep(1)

        async def poll_async():
            await asyncio.sleep(1)

            def inner():
                time.sleep(1)
            return inner

        async def other():
            # time.sleep(1)
            message = "time.sleep(1)"
            await trio.sleep(1)
        """);

    [Fact]
    public Task Sleep_not_from_time_does_not_fire() => PyVerify.VerifyAsync(Id, """
        from asyncio import sleep

        async def f():
            await sleep(1)
        """);

    [Fact]
    public Task Message_names_the_replacement() => PyVerify.VerifyAsync(Id, "import time\nasync def f():\n    time.sleep(1)\n", PyVerify.DefaultPath,
        new DiagnosticResult(Descriptors.BlockingSleepInAsync).WithSpan(PyVerify.DefaultPath, 3, 5, 3, 18)
            .WithArguments("time.sleep", "await asyncio.sleep(…)"));
}
