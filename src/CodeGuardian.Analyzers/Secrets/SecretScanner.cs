using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CodeGuardian.Analyzers.Performance;

namespace CodeGuardian.Analyzers.Secrets;

/// <summary>
/// The secrets engine shared by C# and text files. One pass over the text: a first-character dispatch finds the
/// anchors of provider formats (<c>AKIA</c>, <c>ghp_</c>, <c>xox</c>, <c>-----BEGIN</c>, <c>eyJ</c> …) and the
/// <c>=</c>/<c>:</c> of name/value pairs; each anchor runs a hand-written bounded matcher for its format (prefix,
/// alphabet, length, boundary), then an entropy floor and the <see cref="SecretAllowlist"/>. Random-looking values
/// under credential names (<see cref="CredentialNames"/>) are reported with <see cref="SecretConfidence.Low"/>.
/// Linear in the text length; findings hold only redacted descriptions.
/// </summary>
public static class SecretScanner
{
    /// <summary>How far around an AWS access key id a 40-character secret access key is looked for.</summary>
    private const int AwsSecretWindow = 400;

    private const int MaxGenericValue = 256;

    private const int MaxNameLength = 64;

    private const string EndMarker = "-----END ";

    public static List<SecretFinding> Scan(ReadOnlySpan<char> text, SecretAllowlist allowlist)
    {
        var findings = new List<SecretFinding>();
        Scan(text, allowlist, findings);
        return findings;
    }

    public static void Scan(ReadOnlySpan<char> text, SecretAllowlist allowlist, List<SecretFinding> findings) =>
        Scan(text, allowlist, findings, CandidateSearch.Vectorized);

    /// <summary>How positions to dispatch are chosen; all three give the same findings (tests compare them).</summary>
    internal enum CandidateSearch
    {
        /// <summary>Candidates found many positions at a time (falls back to <see cref="Scalar"/> without vector hardware).</summary>
        Vectorized,

        /// <summary>Each position tested with <c>IsCandidate</c>.</summary>
        Scalar,

        /// <summary>Every position dispatched to the matchers: the definition the filters must agree with.</summary>
        EveryPosition,
    }

    [MethodImpl(HotPath.Optimize)]
    internal static void Scan(ReadOnlySpan<char> text, SecretAllowlist allowlist, List<SecretFinding> findings, CandidateSearch search)
    {
        // Only positions that can start a match are visited (see IsCandidate); every other position would be
        // dispatched to a matcher that rejects it, so skipping them changes nothing but the time spent.
        var endMarkers = new MarkerCache(EndMarker);
        var vectorized = search == CandidateSearch.Vectorized && Vector.IsHardwareAccelerated && Vector<byte>.Count <= 64;

        // The last position a block of Vector<byte>.Count positions can start at: a block reads one character before
        // and one after its positions.
        var lastBlock = text.Length - Vector<byte>.Count - 1;
        var i = 0;
        while (i < text.Length)
        {
            // Candidates among positions i..blockEnd-1 as bits (bit k: position i + k).
            ulong candidates;
            int blockEnd;
            if (vectorized && i > 0 && i <= lastBlock)
            {
                // Most blocks hold no candidate: they are passed over here without leaving the loop.
                candidates = CandidateBits(text.Slice(i - 1, Vector<byte>.Count + 2));
                if (candidates == 0)
                {
                    i += Vector<byte>.Count;
                    continue;
                }

                blockEnd = i + Vector<byte>.Count;
            }
            else
            {
                candidates = search == CandidateSearch.EveryPosition || IsCandidate(text, i) ? 1UL : 0UL;
                blockEnd = i + 1;
            }

            var next = blockEnd;
            while (candidates != 0)
            {
                var position = i + LowestBit(candidates);
                int end;
                if (text[position] is '=' or ':')
                {
                    // Most separators follow a name that cannot be a credential name, told by its last two characters.
                    end = search != CandidateSearch.EveryPosition && !MayFollowCredentialName(text, position) ? -1 : MatchGeneric(text, position, allowlist, findings, ref endMarkers);
                }
                else
                {
                    end = search != CandidateSearch.EveryPosition && !MayStartProvider(text, position) ? -1 : MatchProvider(text, position, allowlist, findings, ref endMarkers);
                }

                next = end > position ? end : position + 1;
                if (next >= blockEnd)
                {
                    break;
                }

                // Positions the match consumed are not visited.
                candidates &= ~0UL << (next - i);
                next = blockEnd;
            }

            i = next;
        }
    }

    /// <summary>The first-character dispatch to the provider matchers; the end of what was consumed, or -1.</summary>
    private static int MatchProvider(ReadOnlySpan<char> text, int i, SecretAllowlist allowlist, List<SecretFinding> findings, ref MarkerCache endMarkers) => text[i] switch
    {
        'A' => MatchA(text, i, allowlist, findings),
        'g' => MatchGitHubOrGitLab(text, i, allowlist, findings),
        'x' => MatchSlackToken(text, i, allowlist, findings),
        'h' => MatchSlackWebhook(text, i, allowlist, findings),
        's' or 'r' => MatchStripeOrAi(text, i, allowlist, findings),
        '-' => MatchPrivateKey(text, i, findings, ref endMarkers),
        'e' => MatchJwt(text, i, allowlist, findings),
        'n' => MatchNpm(text, i, allowlist, findings),
        'S' => MatchSendGridOrTwilio(text, i, allowlist, findings),
        _ => -1,
    };

    // ---- candidate positions -------------------------------------------------------------------------------------

    /// <summary>
    /// Whether a matcher can accept position <paramref name="i"/>: a <c>=</c>/<c>:</c>, or the first two characters of a
    /// provider anchor (<c>Ac</c>countKey=, <c>ho</c>oks.slack.com, <c>--</c>---BEGIN anywhere; the word-anchored
    /// formats <c>AI</c>za, <c>AK</c>IA/<c>AS</c>IA/<c>AB</c>IA/<c>AC</c>CA, <c>gi</c>thub_pat_, <c>gl</c>pat-, <c>gh</c>?_,
    /// <c>xo</c>x, <c>sk</c>/<c>rk</c>, <c>ey</c>J, <c>np</c>m_, <c>SG</c>./<c>SK</c> only at a word start). A superset of the
    /// positions the matchers accept; <see cref="CandidateMask"/> is a looser form of the test on a vector of positions.
    /// </summary>
    private static bool IsCandidate(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        switch (c)
        {
            case '=' or ':':
                // Not part of '==', '=>', '::', ':=', and after what can end a name (MatchGeneric decides exactly).
                return next is not ('=' or '>') && !(c == ':' && next == ':') && (i == 0 || MayEndName(text[i - 1]));
            case 'A':
                return next == 'c' || (next is 'I' or 'K' or 'S' or 'B' or 'C' && AtWordStart(text, i));
            case 'h':
                return next == 'o';
            case '-':
                return next == '-';
            case 'g':
                return next is 'i' or 'l' or 'h' && AtWordStart(text, i);
            case 'x':
                return next == 'o' && AtWordStart(text, i);
            case 's' or 'r':
                return next == 'k' && AtWordStart(text, i);
            case 'e':
                return next == 'y' && AtWordStart(text, i);
            case 'n':
                return next == 'p' && AtWordStart(text, i);
            case 'S':
                return next is 'G' or 'K' && AtWordStart(text, i);
            default:
                return false;
        }
    }

    /// <summary>
    /// A looser, cheaper form of the name test of <see cref="MatchGeneric"/> for the separator at <paramref name="i"/>: when
    /// the name ends in an ASCII letter or digit right before it or before one blank or quote, that letter and the
    /// character before it must be the last two of a credential word or trailing qualifier (<c>rd</c> of password,
    /// <c>ey</c> of key, <c>ue</c> of value …, see <see cref="CredentialNames"/>). Anything else passes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayFollowCredentialName(ReadOnlySpan<char> text, int i)
    {
        if (i < 3)
        {
            return true;
        }

        var beforeSeparator = text[i - 1];
        var atSeparator = IsAsciiLetterOrDigit(beforeSeparator);
        if (!atSeparator && !(beforeSeparator is ' ' or '\t' or '"' or '\'' && IsAsciiLetterOrDigit(text[i - 2])))
        {
            return true;
        }

        var last = atSeparator ? beforeSeparator : text[i - 2];
        var beforeLast = atSeparator ? text[i - 2] : text[i - 3];
        if (beforeLast >= 128)
        {
            return true;
        }

        var lastLetter = (uint)((last | 0x20) - 'a');
        var beforeLastLetter = (uint)((beforeLast | 0x20) - 'a');
        return lastLetter < 26 && beforeLastLetter < 26 && (CredentialEndings[(int)lastLetter] & (1u << (int)beforeLastLetter)) != 0;
    }

    /// <summary>
    /// A looser, cheaper form of the provider matchers' prefix tests for the anchors that are common in code and that
    /// the vector filter lets through on their first one or two characters: <c>A</c> (AS, Accept, Array …), <c>S</c>
    /// (SELECT, String …), <c>x</c>, <c>h</c> (show, host …) and <c>--</c> (SQL comments). Anything else passes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayStartProvider(ReadOnlySpan<char> text, int i)
    {
        if (i + 4 >= text.Length)
        {
            return true;
        }

        var next = text[i + 1];
        var third = text[i + 2];
        switch (text[i])
        {
            case 'A':
                // AccountKey=, AIza, AKIA / ASIA / ABIA, ACCA.
                return next == 'c' ? third == 'c' && text[i + 3] == 'o' : (next == 'I' && third == 'z') || (next is 'K' or 'S' or 'B' && third == 'I') || (next == 'C' && third == 'C');
            case 'S':
                // SG. (SendGrid), SK (Twilio).
                return next == 'K' || (next == 'G' && third == '.');
            case 'x':
                // xox (Slack).
                return next == 'o' && third == 'x';
            case 'h':
                // hooks.slack.com.
                return next == 'o' && third == 'o' && text[i + 3] == 'k';
            case '-':
                // -----BEGIN.
                return next == '-' && third == '-' && text[i + 3] == '-' && text[i + 4] == '-';
            default:
                return true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiLetterOrDigit(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;

    /// <summary>By last letter (a–z): a bit per letter (a–z) that may stand before it at the end of a credential word.</summary>
    private static readonly uint[] CredentialEndings = BuildCredentialEndings();

    private static uint[] BuildCredentialEndings()
    {
        // The endings CredentialNames.MayEndWithCredentialWord compares: pwd, passwd, password, passphrase, value, secret,
        // text, token, plain, auth, key, string, str.
        var endings = new[] { "wd", "rd", "se", "ue", "et", "xt", "en", "in", "th", "ey", "ng", "tr" };
        var table = new uint[26];
        foreach (var ending in endings)
        {
            table[ending[1] - 'a'] |= 1u << (ending[0] - 'a');
        }

        return table;
    }

    private static bool MayEndName(char c) => c >= 128 || LetterOrDigit(c) || c is '_' or '-' or '.' or ' ' or '\t' or '"' or '\'';

    /// <summary>
    /// <see cref="IsCandidate"/> for the <see cref="Vector{T}.Count"/> byte-lane positions from the second character of
    /// <paramref name="window"/> as bits, one vector pass over bytes; the window holds those positions and one
    /// character on either side. The window's length is a constant of the compiled code, so the loads need no bounds
    /// checks of their own.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong CandidateBits(ReadOnlySpan<char> window)
    {
        var bytes = MemoryMarshal.AsBytes(window);
        var mask = CandidateMask(Load(bytes, 0), Load(bytes, sizeof(char)), Load(bytes, 2 * sizeof(char)));
        if (mask == Vector<byte>.Zero)
        {
            return 0;
        }

        // Lanes of 0xFF/0: the top bit of each byte gathered into a bit, eight lanes at a time (written out: the lane
        // count is a constant, so the unused lines drop out of the compiled code).
        var lanes = Vector.AsVectorUInt64(mask);
        var bits = TopBits(lanes[0]);
        if (Vector<ulong>.Count > 1)
        {
            bits |= TopBits(lanes[1]) << 8;
        }

        if (Vector<ulong>.Count > 2)
        {
            bits |= (TopBits(lanes[2]) << 16) | (TopBits(lanes[3]) << 24);
        }

        if (Vector<ulong>.Count > 4)
        {
            bits |= (TopBits(lanes[4]) << 32) | (TopBits(lanes[5]) << 40) | (TopBits(lanes[6]) << 48) | (TopBits(lanes[7]) << 56);
        }

        return bits;
    }

    /// <summary>The top bit of each of the eight bytes of a lane as eight bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong TopBits(ulong lane) => (lane & 0x8080808080808080UL) * 0x0002040810204081UL >> 56;

    /// <summary>
    /// <see cref="Vector{T}.Count"/> characters from byte <paramref name="offset"/> as bytes; every non-ASCII character
    /// becomes 0x80 (no anchor character, not a word character).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<byte> Load(ReadOnlySpan<byte> bytes, int offset)
    {
        var ceiling = new Vector<ushort>(0x80);
        var low = Vector.Min(MemoryMarshal.Read<Vector<ushort>>(bytes.Slice(offset)), ceiling);
        var high = Vector.Min(MemoryMarshal.Read<Vector<ushort>>(bytes.Slice(offset + Vector<byte>.Count)), ceiling);
        return Vector.Narrow(low, high);
    }

    /// <summary>Index of the lowest set bit of a non-zero value (de Bruijn multiplication: no branches).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LowestBit(ulong value) => LowestBitPositions[(int)(((value & (0UL - value)) * 0x03F79D71B4CB0A89UL) >> 58)];

    // Position of the single set bit, indexed by the top six bits of its product with the de Bruijn constant above.
    private static ReadOnlySpan<byte> LowestBitPositions => new byte[]
    {
        0, 1, 48, 2, 57, 49, 28, 3, 61, 58, 50, 42, 38, 29, 17, 4,
        62, 55, 59, 36, 53, 51, 43, 22, 45, 39, 33, 30, 24, 18, 12, 5,
        63, 47, 56, 27, 60, 41, 37, 16, 54, 35, 52, 21, 44, 32, 23, 11,
        46, 26, 40, 15, 34, 20, 31, 10, 25, 14, 19, 9, 13, 8, 7, 6,
    };

    /// <summary>
    /// <see cref="IsCandidate"/> for a vector of positions, given the characters before, at and after them. A
    /// non-ASCII character before a position counts as a word boundary here (the matcher decides exactly).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<byte> CandidateMask(Vector<byte> before, Vector<byte> current, Vector<byte> next)
    {
        var wordBefore = Vector.LessThan(before - Broadcast('0'), Broadcast(10))
            | Vector.LessThan((before | Broadcast(0x20)) - Broadcast('a'), Broadcast(26))
            | Vector.Equals(before, Broadcast('_'));

        // '=' / ':' not part of '==', '=>', '::', ':=', … and after what can end a name, a blank or a quote (a superset:
        // anything below '(' , '-', '.', word characters, non-ASCII).
        var nextEquals = Vector.Equals(next, Broadcast('=')) | Vector.Equals(next, Broadcast('>'));
        var nameBefore = wordBefore | Vector.LessThan(before, Broadcast('(')) | Vector.LessThan(before - Broadcast('-'), Broadcast(2)) | Vector.Equals(before, Broadcast(0x80));
        var separator = Vector.AndNot(Vector.Equals(current, Broadcast('=')), nextEquals)
            | Vector.AndNot(Vector.Equals(current, Broadcast(':')), nextEquals | Vector.Equals(next, Broadcast(':')));

        var upperA = Vector.Equals(current, Broadcast('A'));
        var anywhere = (separator & nameBefore)
            | (upperA & Vector.Equals(next, Broadcast('c')))
            | (Vector.Equals(current, Broadcast('h')) & Vector.Equals(next, Broadcast('o')))
            | (Vector.Equals(current, Broadcast('-')) & Vector.Equals(next, Broadcast('-')));

        // Word-anchored formats; the rarer first letters (A, S, x) without their second letter.
        var atWordStart = upperA | Vector.Equals(current, Broadcast('S')) | Vector.Equals(current, Broadcast('x'))
            | (Vector.Equals(current, Broadcast('g')) & (Vector.Equals(next, Broadcast('i')) | Vector.Equals(next, Broadcast('l')) | Vector.Equals(next, Broadcast('h'))))
            | (Vector.Equals(current | Broadcast(1), Broadcast('s')) & Vector.Equals(next, Broadcast('k')))
            | (Vector.Equals(current, Broadcast('e')) & Vector.Equals(next, Broadcast('y')))
            | (Vector.Equals(current, Broadcast('n')) & Vector.Equals(next, Broadcast('p')));

        return anywhere | Vector.AndNot(atWordStart, wordBefore);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<byte> Broadcast(int value) => new((byte)value);

    // ---- provider formats ----------------------------------------------------------------------------------------

    private static int MatchA(ReadOnlySpan<char> text, int i, SecretAllowlist allowlist, List<SecretFinding> findings)
    {
        if (StartsWith(text, i, "AccountKey="))
        {
            var start = i + "AccountKey=".Length;
            var end = Run(text, start, Base64, 200);
            while (end < text.Length && end - start < 200 && text[end] == '=')
            {
                end++;
            }

            return end - start >= 60 ? Add(text, start, end, "Azure storage account key", 4.5, allowlist, findings) : -1;
        }

        if (!AtWordStart(text, i))
        {
            return -1;
        }

        if (StartsWith(text, i, "AIza"))
        {
            var end = Run(text, i + 4, UrlSafe, 40);
            return end - i - 4 == 35 && !IsWordChar(text, end) ? Add(text, i, end, "Google API key", 3.5, allowlist, findings, bodyStart: i + 4) : -1;
        }

        if (StartsWith(text, i, "AKIA") || StartsWith(text, i, "ASIA") || StartsWith(text, i, "ABIA") || StartsWith(text, i, "ACCA"))
        {
            var end = Run(text, i + 4, UpperOrDigit, 17);
            if (end - i - 4 != 16 || IsWordChar(text, end))
            {
                return -1;
            }

            var before = findings.Count;
            Add(text, i, end, "AWS access key id", 3.0, allowlist, findings, bodyStart: i + 4);
            if (findings.Count > before)
            {
                FindAwsSecretNear(text, i, end, allowlist, findings);
            }

            return end;
        }

        return -1;
    }

    /// <summary>A 40-character base64 run near an access key id is its secret access key.</summary>
    private static void FindAwsSecretNear(ReadOnlySpan<char> text, int keyStart, int keyEnd, SecretAllowlist allowlist, List<SecretFinding> findings)
    {
        var from = Math.Max(0, keyStart - AwsSecretWindow);
        var to = Math.Min(text.Length, keyEnd + AwsSecretWindow);
        var j = from;
        while (j < to)
        {
            if (!Base64(text[j]) || (j > 0 && Base64(text[j - 1])))
            {
                j++;
                continue;
            }

            var end = Run(text, j, Base64, 41);
            if (end - j == 40 && (end >= text.Length || !(Base64(text[end]) || text[end] == '=')) && Entropy.CharacterClasses(text.Slice(j, 40)) >= 3 && !Overlaps(findings, j, end))
            {
                Add(text, j, end, "AWS secret access key", 4.0, allowlist, findings);
            }

            j = Math.Max(end, j + 1);
        }
    }

    private static int MatchGitHubOrGitLab(ReadOnlySpan<char> text, int i, SecretAllowlist allowlist, List<SecretFinding> findings)
    {
        if (!AtWordStart(text, i))
        {
            return -1;
        }

        if (StartsWith(text, i, "github_pat_"))
        {
            var end = Run(text, i + 11, WordChar, 256);
            return end - i - 11 >= 50 ? Add(text, i, end, "GitHub fine-grained personal access token", 4.0, allowlist, findings, bodyStart: i + 11) : -1;
        }

        if (StartsWith(text, i, "glpat-"))
        {
            var end = Run(text, i + 6, UrlSafe, 64);
            return end - i - 6 >= 20 && !IsWordChar(text, end) ? Add(text, i, end, "GitLab personal access token", 3.5, allowlist, findings, bodyStart: i + 6) : -1;
        }

        if (i + 4 <= text.Length && text[i + 1] == 'h' && text[i + 3] == '_' && text[i + 2] is 'p' or 'o' or 'u' or 's' or 'r')
        {
            var end = Run(text, i + 4, LetterOrDigit, 256);
            if (end - i - 4 < 36 || (end < text.Length && text[end] == '_'))
            {
                return -1;
            }

            var kind = text[i + 2] switch
            {
                'p' => "GitHub personal access token",
                'o' => "GitHub OAuth token",
                'u' => "GitHub user-to-server token",
                's' => "GitHub server-to-server token",
                _ => "GitHub refresh token",
            };
            return Add(text, i, end, kind, 3.5, allowlist, findings, bodyStart: i + 4);
        }

        return -1;
    }

    private static int MatchSlackToken(ReadOnlySpan<char> text, int i, SecretAllowlist allowlist, List<SecretFinding> findings)
    {
        if (!AtWordStart(text, i) || !StartsWith(text, i, "xox") || i + 5 > text.Length || text[i + 3] is not ('a' or 'b' or 'p' or 'r' or 's' or 'e') || text[i + 4] != '-')
        {
            return -1;
        }

        var end = Run(text, i + 5, AlnumOrDash, 256);
        return end - i - 5 >= 10 && HasDigit(text.Slice(i + 5, end - i - 5)) ? Add(text, i, end, "Slack token", 3.0, allowlist, findings, bodyStart: i + 5) : -1;
    }

    private static int MatchSlackWebhook(ReadOnlySpan<char> text, int i, SecretAllowlist allowlist, List<SecretFinding> findings)
    {
        const string Anchor = "hooks.slack.com/services/";
        if (!StartsWith(text, i, Anchor))
        {
            return -1;
        }

        var end = Run(text, i + Anchor.Length, c => LetterOrDigit(c) || c == '/', 128);
        var path = text.Slice(i + Anchor.Length, end - i - Anchor.Length);
        var slashes = 0;
        foreach (var c in path)
        {
            slashes += c == '/' ? 1 : 0;
        }

        if (slashes != 2 || path.Length < 40 || path[0] != 'T')
        {
            return -1;
        }

        var start = i >= 8 && StartsWith(text, i - 8, "https://") ? i - 8 : i;
        return Add(text, start, end, "Slack webhook URL", 3.0, allowlist, findings, bodyStart: i + Anchor.Length);
    }

    private static int MatchStripeOrAi(ReadOnlySpan<char> text, int i, SecretAllowlist allowlist, List<SecretFinding> findings)
    {
        if (!AtWordStart(text, i))
        {
            return -1;
        }

        if (StartsWith(text, i, "sk_live_") || StartsWith(text, i, "rk_live_"))
        {
            var end = Run(text, i + 8, LetterOrDigit, 256);
            var kind = text[i] == 's' ? "Stripe secret key" : "Stripe restricted key";
            return end - i - 8 >= 20 ? Add(text, i, end, kind, 3.5, allowlist, findings, bodyStart: i + 8) : -1;
        }

        if (StartsWith(text, i, "sk-ant-"))
        {
            var end = Run(text, i + 7, UrlSafe, 256);
            return end - i - 7 >= 40 ? Add(text, i, end, "Anthropic API key", 4.0, allowlist, findings, bodyStart: i + 7) : -1;
        }

        if (StartsWith(text, i, "sk-"))
        {
            var end = Run(text, i + 3, UrlSafe, 256);
            var body = text.Slice(i + 3, end - i - 3);
            return body.Length >= 32 && HasDigit(body) && Entropy.CharacterClasses(body) >= 3
                ? Add(text, i, end, "OpenAI API key", 4.0, allowlist, findings, bodyStart: i + 3)
                : -1;
        }

        return -1;
    }

    private static int MatchPrivateKey(ReadOnlySpan<char> text, int i, List<SecretFinding> findings, ref MarkerCache endMarkers)
    {
        if (!StartsWith(text, i, "-----BEGIN "))
        {
            return -1;
        }

        // "-----BEGIN [RSA |EC |OPENSSH |ENCRYPTED ]PRIVATE KEY-----" on one line.
        var headerEnd = text.Slice(i + 11, Math.Min(48, text.Length - i - 11)).IndexOf("PRIVATE KEY-----".AsSpan(), StringComparison.Ordinal);
        if (headerEnd < 0)
        {
            return -1;
        }

        var bodyStart = i + 11 + headerEnd + "PRIVATE KEY-----".Length;
        var searchLength = Math.Min(20000, text.Length - bodyStart);
        // The first "-----END " inside the search window; found once for the whole text, not once per header.
        var nextEnd = endMarkers.NextAt(text, bodyStart);
        var endMarker = nextEnd != int.MaxValue && nextEnd - bodyStart <= searchLength - EndMarker.Length ? nextEnd - bodyStart : -1;
        var bodyEnd = endMarker < 0 ? bodyStart + Math.Min(searchLength, 4096) : bodyStart + endMarker;
        var body = text.Slice(bodyStart, bodyEnd - bodyStart);

        // Placeholders: "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----".
        var base64 = 0;
        foreach (var c in body)
        {
            base64 += Base64(c) ? 1 : 0;
        }

        if (base64 < 64 || SecretAllowlist.IsPlaceholder(body.Trim()))
        {
            return bodyStart;
        }

        var end = bodyEnd;
        if (endMarker >= 0)
        {
            var close = text.Slice(bodyEnd + 9, Math.Min(48, text.Length - bodyEnd - 9)).IndexOf("-----".AsSpan(), StringComparison.Ordinal);
            end = close < 0 ? bodyEnd : bodyEnd + 9 + close + 5;
        }
        else
        {
            // No END marker: report the header only.
            end = bodyStart;
        }

        var description = Redaction.Describe(text.Slice(i, end - i));
        findings.Add(new SecretFinding(i, end - i, "Private key", description, SecretConfidence.High));
        return end;
    }

    private static int MatchJwt(ReadOnlySpan<char> text, int i, SecretAllowlist allowlist, List<SecretFinding> findings)
    {
        if (!AtWordStart(text, i) || !StartsWith(text, i, "eyJ"))
        {
            return -1;
        }

        var headerEnd = Run(text, i, UrlSafe, 1024);
        if (headerEnd - i < 12 || headerEnd >= text.Length || text[headerEnd] != '.' || !StartsWith(text, headerEnd + 1, "eyJ"))
        {
            return -1;
        }

        var payloadEnd = Run(text, headerEnd + 1, UrlSafe, 8192);
        if (payloadEnd - headerEnd - 1 < 12 || payloadEnd >= text.Length || text[payloadEnd] != '.')
        {
            return -1;
        }

        var end = Run(text, payloadEnd + 1, UrlSafe, 1024);
        if (end - payloadEnd - 1 < 16 || allowlist.IsAllowed(text.Slice(payloadEnd + 1, end - payloadEnd - 1)))
        {
            return end;
        }

        return Add(text, i, end, "JSON Web Token", 3.0, allowlist, findings, bodyStart: payloadEnd + 1);
    }

    private static int MatchNpm(ReadOnlySpan<char> text, int i, SecretAllowlist allowlist, List<SecretFinding> findings)
    {
        if (!AtWordStart(text, i) || !StartsWith(text, i, "npm_"))
        {
            return -1;
        }

        var end = Run(text, i + 4, LetterOrDigit, 64);
        return end - i - 4 == 36 && !IsWordChar(text, end) ? Add(text, i, end, "npm access token", 3.5, allowlist, findings, bodyStart: i + 4) : -1;
    }

    private static int MatchSendGridOrTwilio(ReadOnlySpan<char> text, int i, SecretAllowlist allowlist, List<SecretFinding> findings)
    {
        if (!AtWordStart(text, i))
        {
            return -1;
        }

        if (StartsWith(text, i, "SG."))
        {
            var idEnd = Run(text, i + 3, UrlSafe, 40);
            if (idEnd - i - 3 < 16 || idEnd >= text.Length || text[idEnd] != '.')
            {
                return -1;
            }

            var end = Run(text, idEnd + 1, UrlSafe, 80);
            return end - idEnd - 1 >= 30 ? Add(text, i, end, "SendGrid API key", 3.5, allowlist, findings, bodyStart: idEnd + 1) : -1;
        }

        if (StartsWith(text, i, "SK"))
        {
            var end = Run(text, i + 2, Hex, 33);
            var body = text.Slice(i + 2, end - i - 2);
            return body.Length == 32 && !IsWordChar(text, end) && HasDigit(body) && HasLetter(body)
                ? Add(text, i, end, "Twilio API key", 3.0, allowlist, findings, bodyStart: i + 2)
                : -1;
        }

        return -1;
    }

    // ---- generic values under credential names -------------------------------------------------------------------

    /// <summary>
    /// <c>name = value</c>, <c>name: value</c>, <c>"name": "value"</c>, <c>NAME=value</c>: a credential name before the
    /// separator and a random-looking value after it (16+ characters, letters and digits, 3.5+ bits per character).
    /// </summary>
    private static int MatchGeneric(ReadOnlySpan<char> text, int i, SecretAllowlist allowlist, List<SecretFinding> findings, ref MarkerCache endMarkers)
    {
        // Skip '==', '=>', '::', ':=' is allowed (Go/Pascal style assignment).
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        if (next is '=' or '>' || (text[i] == ':' && next == ':') || (i > 0 && text[i - 1] is '=' or '!' or '<' or '>' or ':'))
        {
            return -1;
        }

        // Name: [spaces] [closing quote] name-chars.
        var n = i - 1;
        while (n >= 0 && i - n < 8 && text[n] is ' ' or '\t')
        {
            n--;
        }

        if (n >= 0 && text[n] is '"' or '\'')
        {
            n--;
        }

        var nameEnd = n + 1;

        // A name ending in an ASCII letter or digit but not in a credential word or trailing qualifier (see
        // CredentialNames) cannot be a credential name: most '=' and ':' end here, before the walk back.
        if (n >= 0 && text[n] < 128 && LetterOrDigit(text[n])
            && ((text[n] | 0x20) is not ('d' or 'e' or 't' or 'n' or 'h' or 'y' or 'g' or 'r') || !CredentialNames.MayEndWithCredentialWordAt(text, n + 1)))
        {
            return -1;
        }

        while (n >= 0 && nameEnd - n <= MaxNameLength && (char.IsLetterOrDigit(text[n]) || text[n] is '_' or '-' or '.'))
        {
            n--;
        }

        // Only a credential name can lead to a generic finding; any other name leaves the value to the provider
        // matchers, which the main loop reaches anyway (nothing but blanks and a quote lies between).
        var nameStart = n + 1;
        if (nameEnd - nameStart < 3 || !CredentialNames.IsCredentialName(text.Slice(nameStart, nameEnd - nameStart)))
        {
            return -1;
        }

        // Value: [spaces] [quote] value-chars [quote].
        var v = next == '=' ? i + 2 : i + 1;
        while (v < text.Length && v - i < 8 && text[v] is ' ' or '\t')
        {
            v++;
        }

        var quote = v < text.Length && text[v] is '"' or '\'' or '`' ? text[v] : '\0';
        if (quote != '\0')
        {
            v++;
        }

        // A provider format in the value wins over the generic check (and a placeholder token is consumed).
        if (v < text.Length)
        {
            var providerEnd = MatchProvider(text, v, allowlist, findings, ref endMarkers);
            if (providerEnd > v)
            {
                return providerEnd;
            }
        }

        var valueEnd = Run(text, v, GenericValueChar, MaxGenericValue);
        if (valueEnd - v < 16 || valueEnd - v >= MaxGenericValue)
        {
            return -1;
        }

        var after = valueEnd < text.Length ? text[valueEnd] : '\0';
        if (quote != '\0' ? after != quote : after is '(' or '[' or '.' or '{')
        {
            return -1;
        }

        var value = text.Slice(v, valueEnd - v);
        if (!HasDigit(value) || !HasLetter(value) || (quote == '\0' && value.IndexOf('.') >= 0) || Overlaps(findings, v, valueEnd))
        {
            return -1;
        }

        if (Entropy.BitsPerChar(value) < 3.5 || allowlist.IsAllowed(value))
        {
            return -1;
        }

        findings.Add(new SecretFinding(v, valueEnd - v, "Random-looking value under credential name '" + text.Slice(nameStart, nameEnd - nameStart).ToString() + "'", Redaction.Describe(value), SecretConfidence.Low));
        return valueEnd;
    }

    /// <summary>The next occurrence of a marker at or after a position, searched once for ascending positions.</summary>
    private struct MarkerCache
    {
        private readonly string _marker;
        private int _searchedFrom;
        private int _next;

        public MarkerCache(string marker)
        {
            _marker = marker;
            _searchedFrom = -1;
            _next = int.MaxValue;
        }

        /// <summary>The first occurrence at or after <paramref name="from"/>, or <see cref="int.MaxValue"/>.</summary>
        public int NextAt(ReadOnlySpan<char> text, int from)
        {
            if (_searchedFrom < 0 || from < _searchedFrom || (_next != int.MaxValue && _next < from))
            {
                var found = text.Slice(from).IndexOf(_marker.AsSpan(), StringComparison.Ordinal);
                _searchedFrom = from;
                _next = found < 0 ? int.MaxValue : from + found;
            }

            return _next;
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /// <summary>Adds a high-confidence finding for text[start..end) if its body passes the entropy floor and allowlist.</summary>
    private static int Add(ReadOnlySpan<char> text, int start, int end, string kind, double minimumEntropy, SecretAllowlist allowlist, List<SecretFinding> findings, int bodyStart = -1)
    {
        var value = text.Slice(start, end - start);
        var body = bodyStart >= start ? text.Slice(bodyStart, end - bodyStart) : value;
        if (Entropy.BitsPerChar(body) < minimumEntropy || allowlist.IsAllowed(value) || SecretAllowlist.IsPlaceholder(body))
        {
            // Consumed either way: a placeholder token is not re-scanned as a generic value.
            return end;
        }

        findings.Add(new SecretFinding(start, end - start, kind, Redaction.Describe(value), SecretConfidence.High));
        return end;
    }

    private static bool Overlaps(List<SecretFinding> findings, int start, int end)
    {
        foreach (var finding in findings)
        {
            if (finding.Start < end && start < finding.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWith(ReadOnlySpan<char> text, int i, string prefix) =>
        i >= 0 && i + prefix.Length <= text.Length && text.Slice(i, prefix.Length).SequenceEqual(prefix.AsSpan());

    private static bool AtWordStart(ReadOnlySpan<char> text, int i) => i == 0 || !(char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_');

    private static bool IsWordChar(ReadOnlySpan<char> text, int i) => i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_');

    /// <summary>End of the run of characters matching <paramref name="accept"/> from <paramref name="start"/>, at most <paramref name="max"/> long.</summary>
    private static int Run(ReadOnlySpan<char> text, int start, Func<char, bool> accept, int max)
    {
        var end = start;
        var limit = Math.Min(text.Length, start + max);
        while (end < limit && accept(text[end]))
        {
            end++;
        }

        return end;
    }

    private static bool HasDigit(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c is >= '0' and <= '9')
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLetter(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool LetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    private static bool UpperOrDigit(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    private static bool Hex(char c) => c is (>= 'a' and <= 'f') or (>= 'A' and <= 'F') or (>= '0' and <= '9');

    private static bool WordChar(char c) => LetterOrDigit(c) || c == '_';

    private static bool AlnumOrDash(char c) => LetterOrDigit(c) || c == '-';

    private static bool UrlSafe(char c) => LetterOrDigit(c) || c is '-' or '_';

    private static bool Base64(char c) => LetterOrDigit(c) || c is '+' or '/';

    private static bool GenericValueChar(char c) => LetterOrDigit(c) || c is '+' or '/' or '=' or '_' or '-' or '.' or '~' or '!' or '@' or '#' or '$' or '%' or '^' or '&' or '*';
}
