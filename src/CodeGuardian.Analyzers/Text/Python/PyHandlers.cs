namespace CodeGuardian.Analyzers.Text.Python;

/// <summary>Helpers for exception handler clauses.</summary>
public static class PyHandlers
{
    /// <summary>The clause header as written up to its colon, whitespace collapsed: "except (A, B) as e:".</summary>
    public static string HeaderText(PyModule module, PyLine line)
    {
        var start = module[line.First].Start;
        var text = module.File.GetString(start, module[line.Colon].End - start);
        var builder = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\\')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
