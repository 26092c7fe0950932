using System;
using System.Collections.Generic;
using System.Text;

namespace CodeGuardian.Analyzers.Text.Dependencies;

/// <summary>
/// Python facts the import check needs: the standard-library top-level modules of CPython 3.8–3.13 (the union, so
/// modules removed in 3.12/3.13 still count), the import names whose distribution is named differently, and
/// PEP 503 name normalization.
/// </summary>
public static class PythonPackages
{
    private static readonly HashSet<string> Stdlib = new(StringComparer.Ordinal)
    {
        "__future__", "__main__", "_thread", "_io", "_abc", "_ast", "_collections_abc", "_csv", "_json", "_pickle", "_random", "_socket", "_sqlite3",
        "_ssl", "_string", "_struct", "_tracemalloc", "_warnings", "_weakref", "_winapi", "_dummy_thread",
        "abc", "aifc", "antigravity", "argparse", "array", "ast", "asynchat", "asyncio", "asyncore", "atexit", "audioop", "base64", "bdb",
        "binascii", "binhex", "bisect", "builtins", "bz2", "cProfile", "calendar", "cgi", "cgitb", "chunk", "cmath", "cmd", "code", "codecs",
        "codeop", "collections", "colorsys", "compileall", "concurrent", "configparser", "contextlib", "contextvars", "copy", "copyreg",
        "crypt", "csv", "ctypes", "curses", "dataclasses", "datetime", "dbm", "decimal", "difflib", "dis", "distutils", "doctest",
        "dummy_threading", "email", "encodings", "ensurepip", "enum", "errno", "faulthandler", "fcntl", "filecmp", "fileinput", "fnmatch",
        "formatter", "fractions", "ftplib", "functools", "gc", "genericpath", "getopt", "getpass", "gettext", "glob", "graphlib", "grp",
        "gzip", "hashlib", "heapq", "hmac", "html", "http", "idlelib", "imaplib", "imghdr", "imp", "importlib", "inspect", "io", "ipaddress",
        "itertools", "json", "keyword", "lib2to3", "linecache", "locale", "logging", "lzma", "macpath", "mailbox", "mailcap", "marshal",
        "math", "mimetypes", "mmap", "modulefinder", "msilib", "msvcrt", "multiprocessing", "netrc", "nis", "nntplib", "nt", "ntpath",
        "nturl2path", "numbers", "opcode", "operator", "optparse", "os", "ossaudiodev", "parser", "pathlib", "pdb", "pickle", "pickletools",
        "pipes", "pkgutil", "platform", "plistlib", "poplib", "posix", "posixpath", "pprint", "profile", "pstats", "pty", "pwd", "py_compile",
        "pyclbr", "pydoc", "pydoc_data", "pyexpat", "queue", "quopri", "random", "re", "readline", "reprlib", "resource", "rlcompleter",
        "runpy", "sched", "secrets", "select", "selectors", "shelve", "shlex", "shutil", "signal", "site", "smtpd", "smtplib", "sndhdr",
        "socket", "socketserver", "spwd", "sqlite3", "sre_compile", "sre_constants", "sre_parse", "ssl", "stat", "statistics", "string",
        "stringprep", "struct", "subprocess", "sunau", "symbol", "symtable", "sys", "sysconfig", "syslog", "tabnanny", "tarfile", "telnetlib",
        "tempfile", "termios", "textwrap", "this", "threading", "time", "timeit", "tkinter", "token", "tokenize", "tomllib", "trace",
        "traceback", "tracemalloc", "tty", "turtle", "turtledemo", "types", "typing", "unicodedata", "unittest", "urllib", "uu", "uuid",
        "venv", "warnings", "wave", "weakref", "webbrowser", "winreg", "winsound", "wsgiref", "xdrlib", "xml", "xmlrpc", "zipapp", "zipfile",
        "zipimport", "zlib", "zoneinfo",
    };

    /// <summary>Import name → distribution names (normalized) that provide it, for packages whose names differ.</summary>
    private static readonly Dictionary<string, string[]> Distributions = new(StringComparer.Ordinal)
    {
        ["yaml"] = new[] { "pyyaml", "ruamel-yaml" },
        ["PIL"] = new[] { "pillow", "pil" },
        ["sklearn"] = new[] { "scikit-learn" },
        ["skimage"] = new[] { "scikit-image" },
        ["cv2"] = new[] { "opencv-python", "opencv-python-headless", "opencv-contrib-python", "opencv-contrib-python-headless" },
        ["bs4"] = new[] { "beautifulsoup4" },
        ["dateutil"] = new[] { "python-dateutil" },
        ["jwt"] = new[] { "pyjwt" },
        ["dotenv"] = new[] { "python-dotenv" },
        ["jose"] = new[] { "python-jose" },
        ["magic"] = new[] { "python-magic" },
        ["multipart"] = new[] { "python-multipart" },
        ["docx"] = new[] { "python-docx" },
        ["pptx"] = new[] { "python-pptx" },
        ["telegram"] = new[] { "python-telegram-bot" },
        ["slugify"] = new[] { "python-slugify" },
        ["socketio"] = new[] { "python-socketio" },
        ["engineio"] = new[] { "python-engineio" },
        ["Crypto"] = new[] { "pycryptodome", "pycrypto" },
        ["Cryptodome"] = new[] { "pycryptodomex" },
        ["OpenSSL"] = new[] { "pyopenssl" },
        ["nacl"] = new[] { "pynacl" },
        ["serial"] = new[] { "pyserial" },
        ["usb"] = new[] { "pyusb" },
        ["git"] = new[] { "gitpython" },
        ["github"] = new[] { "pygithub" },
        ["gitlab"] = new[] { "python-gitlab" },
        ["attr"] = new[] { "attrs" },
        ["psycopg2"] = new[] { "psycopg2-binary", "psycopg2" },
        ["MySQLdb"] = new[] { "mysqlclient" },
        ["mysql"] = new[] { "mysql-connector-python", "mysql-connector" },
        ["pymysql"] = new[] { "pymysql" },
        ["google"] = new[] { "protobuf" },
        ["grpc"] = new[] { "grpcio" },
        ["win32api"] = new[] { "pywin32" },
        ["win32com"] = new[] { "pywin32" },
        ["pythoncom"] = new[] { "pywin32" },
        ["zmq"] = new[] { "pyzmq" },
        ["fitz"] = new[] { "pymupdf" },
        ["sentry_sdk"] = new[] { "sentry-sdk" },
        ["pkg_resources"] = new[] { "setuptools" },
        ["setuptools"] = new[] { "setuptools" },
        ["Levenshtein"] = new[] { "python-levenshtein", "levenshtein" },
        ["ldap"] = new[] { "python-ldap" },
        ["markdown"] = new[] { "markdown" },
        ["lxml"] = new[] { "lxml" },
        ["tensorflow"] = new[] { "tensorflow", "tensorflow-cpu", "tensorflow-gpu" },
        ["torch"] = new[] { "torch" },
        ["faiss"] = new[] { "faiss-cpu", "faiss-gpu" },
        ["igraph"] = new[] { "python-igraph", "igraph" },
        ["Bio"] = new[] { "biopython" },
        ["websocket"] = new[] { "websocket-client" },
        ["dns"] = new[] { "dnspython" },
        ["ujson"] = new[] { "ujson" },
        ["kafka"] = new[] { "kafka-python" },
        ["memcache"] = new[] { "python-memcached" },
        ["pydantic_settings"] = new[] { "pydantic-settings" },
        ["typing_extensions"] = new[] { "typing-extensions" },
    };

    /// <summary>Modules the tooling brings without a declaration (installers and test runners).</summary>
    private static readonly HashSet<string> Tooling = new(StringComparer.Ordinal) { "pip", "setuptools", "pkg_resources", "wheel", "pytest", "_pytest" };

    public static bool IsStandardLibrary(string module) => Stdlib.Contains(module);

    public static bool IsTooling(string module) => Tooling.Contains(module);

    /// <summary>PEP 503: lower case, runs of <c>-</c>, <c>_</c>, <c>.</c> become one <c>-</c>.</summary>
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        var separator = false;
        foreach (var c in name.Trim())
        {
            if (c is '-' or '_' or '.')
            {
                separator = true;
                continue;
            }

            if (separator && builder.Length > 0)
            {
                builder.Append('-');
            }

            separator = false;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether a set of declared (normalized) distributions provides <paramref name="module"/>: same name once
    /// normalized, a known import-name mapping, a <c>python-</c>/<c>py</c> prefix, or a namespace package
    /// (<c>google</c> from <c>google-cloud-storage</c>, <c>azure</c> from <c>azure-identity</c>).
    /// </summary>
    public static bool IsProvided(string module, HashSet<string> declared)
    {
        var normalized = Normalize(module);
        if (declared.Contains(normalized) || declared.Contains("python-" + normalized) || declared.Contains("py" + normalized) || declared.Contains(normalized + "-python"))
        {
            return true;
        }

        if (Distributions.TryGetValue(module, out var distributions))
        {
            foreach (var distribution in distributions)
            {
                if (declared.Contains(distribution))
                {
                    return true;
                }
            }
        }

        foreach (var name in declared)
        {
            if (name.StartsWith(normalized + "-", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
