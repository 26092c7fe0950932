using System.Threading.Tasks;

namespace CodeGuardian.Analyzers.Tests.Text.Python;

public class PyNotImplementedTests
{
    private const string Id = "CG1005";

    [Fact]
    public Task Raise_in_a_plain_function_fires() => PyVerify.VerifyAsync(Id, """
        def charge(card):
            {|CG1005:raise NotImplementedError|}

        def refund(card):
            {|CG1005:raise NotImplementedError("refunds")|}

        def inline(): {|CG1005:raise NotImplementedError()|}
        """);

    [Fact]
    public Task Raise_with_message_across_lines_spans_the_call() => PyVerify.VerifyAsync(Id, """
        class Service:
            def run(self):
                {|CG1005:raise NotImplementedError(
                    "later"
                )|}
        """);

    [Fact]
    public Task Abstract_methods_do_not_fire() => PyVerify.VerifyAsync(Id, """
        import abc
        from abc import ABC, abstractmethod

        class Base(ABC):
            @abstractmethod
            def area(self):
                raise NotImplementedError

            @property
            @abc.abstractmethod
            def name(self):
                '''Name.'''
                raise NotImplementedError("subclasses")

            @staticmethod
            @abstractmethod
            def make(): raise NotImplementedError

            def concrete(self):
                {|CG1005:raise NotImplementedError|}
        """);

    [Fact]
    public Task Protocol_methods_do_not_fire() => PyVerify.VerifyAsync(Id, """
        import typing
        from typing import Protocol

        class Reader(Protocol):
            def read(self) -> bytes:
                raise NotImplementedError

        class Writer(typing.Protocol[T]):
            def write(self, data: bytes) -> None:
                raise NotImplementedError

        class Plain(object):
            def read(self):
                {|CG1005:raise NotImplementedError|}
        """);

    [Fact]
    public Task Strings_comments_and_other_names_do_not_fire() => PyVerify.VerifyAsync(Id, """
        # raise NotImplementedError
        '''raise NotImplementedError'''
        message = "raise NotImplementedError"
        def compare(a, b):
            return NotImplemented
        def unsupported():
            raise NotSupportedError()
        """);

    [Fact]
    public Task Nested_function_inside_abstract_method_is_not_abstract() => PyVerify.VerifyAsync(Id, """
        class Base:
            @abstractmethod
            def outer(self):
                def helper():
                    {|CG1005:raise NotImplementedError|}
                return helper
        """);
}
