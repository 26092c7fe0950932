using System;

namespace Consumer;

public sealed class Library
{
    // TODO: cs task tag in a comment
    public string Describe() => "TODO: cs text inside a string";
}
