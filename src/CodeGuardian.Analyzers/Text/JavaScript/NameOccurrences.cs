using CodeGuardian.Analyzers.Text.Engine;

namespace CodeGuardian.Analyzers.Text.JavaScript;

/// <summary>
/// The occurrences of up to six distinct names, merged in ascending code-index order, so a rule with several names
/// visits its candidates in file order (as a full walk would) without allocating.
/// </summary>
/// <remarks>The names come from the layer's index of the names the rules look up, or any other name from its index of every identifier.</remarks>
public readonly struct NameOccurrences
{
    private readonly JsSyntax _syntax;
    private readonly string? _a;
    private readonly string? _b;
    private readonly string? _c;
    private readonly string? _d;
    private readonly string? _e;
    private readonly string? _f;

    internal NameOccurrences(JsSyntax syntax, string? a, string? b, string? c, string? d, string? e, string? f)
    {
        _syntax = syntax;
        _a = a;
        _b = b;
        _c = c;
        _d = d;
        _e = e;
        _f = f;
    }

    public Enumerator GetEnumerator() => new(_syntax, _a, _b, _c, _d, _e, _f);

    public struct Enumerator
    {
        private const int Done = int.MaxValue;

        private NameIndex.Enumerator _ea;
        private NameIndex.Enumerator _eb;
        private NameIndex.Enumerator _ec;
        private NameIndex.Enumerator _ed;
        private NameIndex.Enumerator _ee;
        private NameIndex.Enumerator _ef;
        private int _ca;
        private int _cb;
        private int _cc;
        private int _cd;
        private int _ce;
        private int _cf;

        internal Enumerator(JsSyntax syntax, string? a, string? b, string? c, string? d, string? e, string? f)
        {
            Current = -1;
            _ca = Start(syntax, a, out _ea);
            _cb = Start(syntax, b, out _eb);
            _cc = Start(syntax, c, out _ec);
            _cd = Start(syntax, d, out _ed);
            _ce = Start(syntax, e, out _ee);
            _cf = Start(syntax, f, out _ef);
        }

        public int Current { get; private set; }

        public bool MoveNext()
        {
            var min = _ca;
            var which = 0;
            if (_cb < min)
            {
                min = _cb;
                which = 1;
            }

            if (_cc < min)
            {
                min = _cc;
                which = 2;
            }

            if (_cd < min)
            {
                min = _cd;
                which = 3;
            }

            if (_ce < min)
            {
                min = _ce;
                which = 4;
            }

            if (_cf < min)
            {
                min = _cf;
                which = 5;
            }

            if (min == Done)
            {
                return false;
            }

            Current = min;
            switch (which)
            {
                case 0: _ca = Next(ref _ea); break;
                case 1: _cb = Next(ref _eb); break;
                case 2: _cc = Next(ref _ec); break;
                case 3: _cd = Next(ref _ed); break;
                case 4: _ce = Next(ref _ee); break;
                default: _cf = Next(ref _ef); break;
            }

            return true;
        }

        private static int Start(JsSyntax syntax, string? name, out NameIndex.Enumerator enumerator)
        {
            if (name is null)
            {
                enumerator = default;
                return Done;
            }

            enumerator = syntax.Occurrences(name).GetEnumerator();
            return Next(ref enumerator);
        }

        private static int Next(ref NameIndex.Enumerator enumerator) => enumerator.MoveNext() ? enumerator.Current : Done;
    }
}
