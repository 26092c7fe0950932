using System;
using System.Collections.Immutable;
using System.IO;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Secrets;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Secrets;

/// <summary>
/// CG4007 for configuration files: a value under a credential key, or a connection string / URL with a password,
/// in <c>appsettings*.json</c> (any depth, <c>ConnectionStrings</c> included; <c>//</c> comments allowed),
/// <c>.env*</c> (<c>KEY=VALUE</c>, <c>export</c>, quoted or not), YAML (<c>key: value</c>, list items), TOML, INI and
/// <c>.properties</c> (<c>key = value</c>, <c>key: value</c>) and XML <c>*.config</c> (<c>&lt;add key="DbPassword"
/// value="…"/&gt;</c>, <c>connectionString="…"</c>, <c>password="…"</c> attributes). Each format is read by a small
/// tolerant line/character scanner: linear, never throws. <c>appsettings.Development.json</c> is scanned like the
/// others: development files are committed with real shared passwords as often as any other.
/// </summary>
public sealed class ConfigHardCodedCredentialRule : TextRule
{
    private const int MaxKeyLength = 200;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardCodedCredential);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Config;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.HardCodedCredential)
            || (context.IsTestFile && !context.Options.GetBool(RuleIdentifiers.HardCodedCredential, CredentialLiteralRule.IncludeTestsOption, false)))
        {
            return;
        }

        var name = Path.GetFileName(context.File.Path);
        var extension = Path.GetExtension(name);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            ScanJson(context);
        }
        else if (extension.Equals(".config", StringComparison.OrdinalIgnoreCase) || extension.Equals(".xml", StringComparison.OrdinalIgnoreCase))
        {
            ScanXml(context);
        }
        else
        {
            var yaml = extension.Equals(".yml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase);
            var properties = extension.Equals(".properties", StringComparison.OrdinalIgnoreCase);
            ScanLines(context, yaml, properties);
        }
    }

    /// <summary>Checks one key/value pair (spans into the file text) and reports a credential.</summary>
    private static void Check(TextRuleContext context, int keyStart, int keyLength, int valueStart, int valueLength)
    {
        if (valueLength <= 0 || keyLength > MaxKeyLength)
        {
            return;
        }

        var file = context.File;
        var key = file.Slice(keyStart, keyLength);
        var value = file.Slice(valueStart, valueLength);
        // Spans all the way: only a finding allocates (its name and description).
        if (keyLength > 0 && CredentialNames.IsCredentialName(key))
        {
            if (CredentialValues.IsRealValue(value, key, hasName: true) && !IsLookup(value))
            {
                Report(context, valueStart, valueLength, key.ToString(), "name", Redaction.Describe(value));
            }

            return;
        }

        if ((value.IndexOf('@') >= 0 || value.IndexOf(';') >= 0) && EmbeddedCredential.Find(value, out var start, out var length, out var what))
        {
            Report(context, valueStart, valueLength, what, "embedded", Redaction.Describe(value.Slice(start, length)));
        }
    }

    /// <summary>Values that are references, not secrets: <c>@Microsoft.KeyVault(…)</c>, <c>!vault</c>, <c>ENC(…)</c>, YAML anchors.</summary>
    private static bool IsLookup(ReadOnlySpan<char> value) =>
        value.StartsWith("@Microsoft.KeyVault".AsSpan(), StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("ENC(".AsSpan(), StringComparison.Ordinal)
        || value[0] is '!' or '*' or '&' or '|' or '>';

    private static void Report(TextRuleContext context, int start, int length, string name, string kind, string description)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(CredentialLiteralRule.NameProperty, name).Add(CredentialLiteralRule.KindProperty, kind);
        context.ReportWithProperties(Descriptors.HardCodedCredential, start, length, properties, name, description);
    }

    // ---- JSON ------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Walks strings, skipping comments: a string followed by ':' is a key; the string after it is its value. Nesting
    /// does not matter: the innermost key names the value (<c>"Smtp": { "Password": "…" }</c>).
    /// </summary>
    private static void ScanJson(TextRuleContext context)
    {
        var text = context.File.Text;
        int keyStart = -1, keyLength = 0;
        var expectValue = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = LineEnd(text, i);
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var close = text.Slice(i + 2).IndexOf("*/".AsSpan(), StringComparison.Ordinal);
                i = close < 0 ? text.Length : i + 2 + close + 2;
                continue;
            }

            if (c == '"')
            {
                var end = i + 1;
                while (end < text.Length && text[end] != '"' && text[end] != '\n')
                {
                    end += text[end] == '\\' ? 2 : 1;
                }

                if (end >= text.Length || text[end] != '"')
                {
                    // Unterminated string: half-typed, not a value yet.
                    i = end;
                    continue;
                }

                var contentStart = i + 1;
                var contentLength = end - contentStart;
                var after = end + 1;
                while (after < text.Length && char.IsWhiteSpace(text[after]))
                {
                    after++;
                }

                if (after < text.Length && text[after] == ':')
                {
                    keyStart = contentStart;
                    keyLength = contentLength;
                    expectValue = true;
                    i = after + 1;
                    continue;
                }

                if (expectValue)
                {
                    Check(context, keyStart, keyLength, contentStart, contentLength);
                    expectValue = false;
                }
                else if (keyStart >= 0)
                {
                    // Array items: "Passwords": [ "…" ] are not checked by name; embedded credentials still are.
                    Check(context, contentStart, 0, contentStart, contentLength);
                }

                i = end + 1;
                continue;
            }

            if (c is ',' or '{' or '[')
            {
                expectValue = false;
            }

            i++;
        }
    }

    // ---- XML .config -----------------------------------------------------------------------------------------------

    /// <summary>
    /// Attributes of each element: <c>key</c>/<c>name</c> + <c>value</c> pairs, <c>connectionString</c>, and attributes named
    /// like a credential (<c>password="…"</c>). Comments (<c>&lt;!-- --&gt;</c>) are skipped.
    /// </summary>
    private static void ScanXml(TextRuleContext context)
    {
        var text = context.File.Text;
        var i = 0;
        while (i < text.Length)
        {
            var open = text.Slice(i).IndexOf('<');
            if (open < 0)
            {
                return;
            }

            open += i;
            if (open + 3 < text.Length && text[open + 1] == '!' && text[open + 2] == '-' && text[open + 3] == '-')
            {
                var close = text.Slice(open + 4).IndexOf("-->".AsSpan(), StringComparison.Ordinal);
                i = close < 0 ? text.Length : open + 4 + close + 3;
                continue;
            }

            var tagEnd = text.Slice(open + 1).IndexOf('>');
            tagEnd = tagEnd < 0 ? text.Length : open + 1 + tagEnd;
            ScanXmlElement(context, open + 1, tagEnd);
            i = tagEnd + 1;
        }
    }

    private static void ScanXmlElement(TextRuleContext context, int start, int end)
    {
        var text = context.File.Text;
        int keyStart = -1, keyLength = 0, valueStart = -1, valueLength = 0;
        var i = start;
        while (i < end)
        {
            // attribute-name = "value"
            while (i < end && !char.IsLetter(text[i]))
            {
                i++;
            }

            var nameStart = i;
            while (i < end && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-' or ':' or '.'))
            {
                i++;
            }

            var nameLength = i - nameStart;
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= end || text[i] != '=')
            {
                continue;
            }

            i++;
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= end || text[i] is not ('"' or '\''))
            {
                continue;
            }

            var quote = text[i];
            var attributeValueStart = i + 1;
            var close = text.Slice(attributeValueStart, end - attributeValueStart).IndexOf(quote);
            if (close < 0)
            {
                // Unterminated attribute value: half-typed, not a value yet.
                break;
            }

            var attributeValueLength = close;
            i = attributeValueStart + attributeValueLength + 1;
            var attributeName = text.Slice(nameStart, nameLength);
            if (attributeName.Equals("key".AsSpan(), StringComparison.OrdinalIgnoreCase) || attributeName.Equals("name".AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                keyStart = attributeValueStart;
                keyLength = attributeValueLength;
            }
            else if (attributeName.Equals("value".AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                valueStart = attributeValueStart;
                valueLength = attributeValueLength;
            }
            else
            {
                // password="…", connectionString="…Password=…".
                Check(context, nameStart, nameLength, attributeValueStart, attributeValueLength);
            }
        }

        if (valueStart >= 0)
        {
            Check(context, keyStart < 0 ? valueStart : keyStart, keyStart < 0 ? 0 : keyLength, valueStart, valueLength);
        }
    }

    // ---- line formats: .env, YAML, TOML, INI, .properties ----------------------------------------------------------

    private static void ScanLines(TextRuleContext context, bool yaml, bool properties)
    {
        var text = context.File.Text;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = LineEnd(text, lineStart);
            ScanLine(context, text, lineStart, lineEnd, yaml, properties);
            lineStart = lineEnd + 1;
        }
    }

    private static void ScanLine(TextRuleContext context, ReadOnlySpan<char> text, int start, int end, bool yaml, bool properties)
    {
        var i = start;
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i >= end || text[i] is '#' or ';' or '!' or '[')
        {
            return;
        }

        // YAML list item "- key: value"; .env "export KEY=value".
        if (yaml && text[i] == '-' && i + 1 < end && text[i + 1] == ' ')
        {
            i += 2;
            while (i < end && text[i] == ' ')
            {
                i++;
            }
        }

        if (end - i > 7 && text.Slice(i, 7).SequenceEqual("export ".AsSpan()))
        {
            i += 7;
        }

        // A line that ends after "- " or "export " has no key (a truncated file ends like that).
        if (i >= end)
        {
            return;
        }

        // Key: quoted or bare, up to the separator.
        int keyStart, keyEnd;
        if (text[i] is '"' or '\'')
        {
            var close = text.Slice(i + 1, end - i - 1).IndexOf(text[i]);
            if (close < 0)
            {
                return;
            }

            keyStart = i + 1;
            keyEnd = i + 1 + close;
            i = keyEnd + 1;
        }
        else
        {
            keyStart = i;
            while (i < end && text[i] is not ('=' or ':' or ' ' or '\t'))
            {
                i++;
            }

            keyEnd = i;
        }

        while (i < end && text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i >= end || !(text[i] == '=' || text[i] == ':'))
        {
            return;
        }

        // YAML keys end with ':'; '=' is not a YAML separator. In .properties both are.
        if (yaml && text[i] != ':')
        {
            return;
        }

        i++;
        while (i < end && text[i] is ' ' or '\t')
        {
            i++;
        }

        var valueEnd = end;
        if (valueEnd > i && text[valueEnd - 1] == '\r')
        {
            valueEnd--;
        }

        int valueStart;
        if (i < valueEnd && text[i] is '"' or '\'')
        {
            var close = text.Slice(i + 1, valueEnd - i - 1).IndexOf(text[i]);
            valueStart = i + 1;
            valueEnd = close < 0 ? valueEnd : i + 1 + close;
        }
        else
        {
            valueStart = i;

            // Unquoted: a ' #' starts a comment (YAML, TOML, .env); .properties keeps '#'.
            if (!properties)
            {
                for (var k = valueStart; k < valueEnd; k++)
                {
                    if (text[k] == '#' && k > valueStart && text[k - 1] is ' ' or '\t')
                    {
                        valueEnd = k;
                        break;
                    }
                }
            }

            while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1]))
            {
                valueEnd--;
            }
        }

        Check(context, keyStart, keyEnd - keyStart, valueStart, valueEnd - valueStart);
    }

    private static int LineEnd(ReadOnlySpan<char> text, int start)
    {
        var newline = text.Slice(start).IndexOf('\n');
        return newline < 0 ? text.Length : start + newline;
    }
}
