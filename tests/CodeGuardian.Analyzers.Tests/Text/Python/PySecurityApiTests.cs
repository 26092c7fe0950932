using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.Analyzers.Tests.Text.Python;

public class PyPathTraversalTests
{
    private const string Id = "CG4005";

    [Fact]
    public Task Request_input_in_the_same_call_fires() => PyVerify.VerifyAsync(Id, """
        import os
        from flask import request, send_file

        def download():
            return {|CG4005:send_file(request.args["name"])|}

        def upload():
            f = request.files["file"]
            path = {|CG4005:os.path.join(UPLOAD_DIR, request.files["file"].filename)|}
            with {|CG4005:open(request.form.get("path"), "rb")|} as fh:
                return fh.read()
        """);

    [Fact]
    public Task Variable_assigned_in_the_same_function_fires() => PyVerify.VerifyAsync(Id, """
        import os
        from flask import request

        def upload():
            name = request.files["file"].filename
            target = {|CG4005:os.path.join(
                UPLOAD_DIR,
                name,
            )|}
            return target
        """);

    [Fact]
    public Task Request_at_the_edges_of_the_file_and_after_other_qs_fires() => PyVerify.VerifyAsync(Id, """
        {|CG4005:open(request.args["q"])|}
        query = quote(unique) + requests.get(u).text
        {|CG4005:send_file(request.values["n"])|}
        """.TrimEnd());

    [Fact]
    public Task Nested_sinks_report_the_inner_call_once() => PyVerify.VerifyAsync(Id, """
        def upload():
            return open({|CG4005:os.path.join(UPLOAD_DIR, request.files["f"].filename)|})
        """);

    [Fact]
    public Task Sanitized_names_do_not_fire() => PyVerify.VerifyAsync(Id, """
        import os
        from flask import request
        from werkzeug.utils import secure_filename

        def upload():
            path = os.path.join(UPLOAD_DIR, secure_filename(request.files["file"].filename))
            name = secure_filename(request.args["name"])
            other = os.path.join(UPLOAD_DIR, name)
            raw = request.args["name"]
            raw = os.path.basename(raw)
            return open(os.path.join(UPLOAD_DIR, raw))
        """);

    [Fact]
    public Task Other_inputs_strings_and_other_functions_do_not_fire() => PyVerify.VerifyAsync(Id, """
        def handler(name):
            open(name)
            # open(request.args["name"])
            hint = 'open(request.args["name"])'
            data = request.files["file"]
            data.save(SAFE_PATH)
            os.path.join(BASE, request.headers["X-Name"])

        def other():
            name = request.args["name"]

        def uses_parameter(name):
            return open(name)
        """);
}

public class PyUnsafeDeserializationTests
{
    private const string Id = "CG4006";

    [Fact]
    public Task Unsafe_deserializers_fire() => PyVerify.VerifyAsync(Id, """
        import pickle, cPickle, dill, shelve, marshal, jsonpickle, yaml
        import pickle as pkl
        from pickle import loads

        def read(data, f):
            a = {|CG4006:pickle.loads(data)|}
            b = {|CG4006:pickle.load(f)|}
            c = {|CG4006:cPickle.loads(data)|}
            d = {|CG4006:dill.loads(data)|}
            e = {|CG4006:shelve.open("db")|}
            g = {|CG4006:marshal.loads(data)|}
            h = {|CG4006:jsonpickle.decode(data)|}
            i = {|CG4006:yaml.load(data)|}
            j = {|CG4006:yaml.load(data, Loader=yaml.Loader)|}
            k = {|CG4006:yaml.unsafe_load(data)|}
            l = {|CG4006:pkl.loads(data)|}
            m = {|CG4006:loads(data)|}
            n = {|CG4006:yaml.load(
                data,
                Loader=yaml.UnsafeLoader,
            )|}
        """);

    [Fact]
    public Task Safe_loaders_do_not_fire() => PyVerify.VerifyAsync(Id, """
        import json, yaml
        from yaml import SafeLoader

        def read(data):
            a = yaml.safe_load(data)
            b = yaml.load(data, Loader=SafeLoader)
            c = yaml.load(data, Loader=yaml.SafeLoader)
            d = yaml.load(data, yaml.CSafeLoader)
            e = json.loads(data)
            f = pickle.dumps(data)
            # pickle.loads(data)
            g = "pickle.loads(data)"
        """);

    [Fact]
    public Task Message_names_the_alternative() => PyVerify.VerifyAsync(Id, "import yaml\nx = yaml.load(s)\n", PyVerify.DefaultPath,
        new DiagnosticResult(Descriptors.UnsafeDeserialization).WithSpan(PyVerify.DefaultPath, 2, 5, 2, 17)
            .WithArguments("yaml.load", "yaml.safe_load, or yaml.load with Loader=yaml.SafeLoader"));
}

public class PyWeakHashTests
{
    private const string Id = "CG4009";

    [Fact]
    public Task Md5_and_sha1_fire() => PyVerify.VerifyAsync(Id, """
        import hashlib
        from hashlib import md5
        import hashlib as h

        def digest(data):
            a = {|CG4009:hashlib.md5(data)|}.hexdigest()
            b = {|CG4009:hashlib.sha1()|}
            c = {|CG4009:md5(data)|}
            d = {|CG4009:h.sha1(data)|}
            e = {|CG4009:hashlib.new("md5", data)|}
            f = {|CG4009:hashlib.new('SHA1')|}
            g = {|CG4009:hashlib.md5(
                data,
                usedforsecurity=True,
            )|}
        """);

    [Fact]
    public Task Strong_hashes_and_non_security_uses_do_not_fire() => PyVerify.VerifyAsync(Id, """
        import hashlib

        def digest(data):
            a = hashlib.sha256(data)
            b = hashlib.md5(data, usedforsecurity=False)
            c = hashlib.new("sha256")
            d = hashlib.new("md5", usedforsecurity=False)
            e = hashlib.blake2b(data)
            # hashlib.md5(data)
            f = "hashlib.md5(data)"
            g = other.md5(data)
        """);
}

public class PyWeakCipherTests
{
    private const string Id = "CG4010";

    [Fact]
    public Task Weak_ciphers_and_ecb_fire() => PyVerify.VerifyAsync(Id, """
        from Crypto.Cipher import DES, DES3, ARC4, Blowfish, AES
        from Cryptodome.Cipher import DES as D

        def encrypt(key, data):
            a = {|CG4010:DES.new(key, DES.MODE_CBC, iv)|}
            b = {|CG4010:DES3.new(key, DES3.MODE_CBC, iv)|}
            c = {|CG4010:ARC4.new(key)|}
            d = {|CG4010:Blowfish.new(key, Blowfish.MODE_CBC, iv)|}
            e = AES.new(key, {|CG4010:AES.MODE_ECB|})
            f = {|CG4010:D.new(key, D.MODE_CBC, iv)|}
        """);

    [Fact]
    public Task Cryptography_library_weak_algorithms_fire() => PyVerify.VerifyAsync(Id, """
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        def encrypt(key):
            return Cipher({|CG4010:algorithms.TripleDES(key)|}, {|CG4010:modes.ECB()|})
        """);

    [Fact]
    public Task Strong_ciphers_do_not_fire() => PyVerify.VerifyAsync(Id, """
        from Crypto.Cipher import AES
        from mylib import DES

        def encrypt(key, iv):
            a = AES.new(key, AES.MODE_GCM)
            b = AES.new(key, AES.MODE_CBC, iv)
            c = DES.new(key)
            # DES.new(key)
            d = "AES.MODE_ECB"
        """);
}

public class PyInsecureRandomnessTests
{
    private const string Id = "CG4011";

    [Fact]
    public Task Random_values_named_as_secrets_fire() => PyVerify.VerifyAsync(Id, """
        import random
        import string
        from random import choice

        def issue(user):
            token = "".join({|CG4011:random.choice(string.ascii_letters)|} for _ in range(32))
            user.reset_code = {|CG4011:random.randint(100000, 999999)|}
            session_id: int = {|CG4011:random.getrandbits(64)|}
            apiKey = {|CG4011:choice(ALPHABET)|}
            send(otp={|CG4011:random.randrange(10 ** 6)|})
            salt = {|CG4011:random.randbytes(
                16
            )|}

        def make_password():
            return "".join({|CG4011:random.choices(ALPHABET, k=12)|})
        """);

    [Fact]
    public Task Non_security_uses_do_not_fire() => PyVerify.VerifyAsync(Id, """
        import random
        import secrets

        def play(items):
            random.shuffle(items)
            winner = random.choice(items)
            jitter = random.uniform(0, 1)
            retry_delay = random.random() * 2
            token = secrets.token_hex(16)
            key_jitter = random.random()
            keyboard = random.choice(LAYOUTS)
            password = random.SystemRandom().choice(ALPHABET)
            # token = random.random()
            text = "token = random.random()"
        """);

    [Fact]
    public Task Message_names_the_value() => PyVerify.VerifyAsync(Id, "import random\ntoken = random.random()\n", PyVerify.DefaultPath,
        new DiagnosticResult(Descriptors.InsecureRandomness).WithSpan(PyVerify.DefaultPath, 2, 9, 2, 24)
            .WithArguments("random.random", "token"));
}

public class PyCertificateValidationTests
{
    private const string Id = "CG4012";

    [Fact]
    public Task Disabled_validation_fires() => PyVerify.VerifyAsync(Id, """
        import ssl
        import requests

        def fetch(url):
            a = requests.get(url, {|CG4012:verify=False|})
            b = requests.post(
                url,
                json={},
                {|CG4012:verify=False|},
            )
            ctx = {|CG4012:ssl._create_unverified_context|}()
            ctx2 = ssl.create_default_context()
            ctx2.verify_mode = {|CG4012:ssl.CERT_NONE|}
            session.{|CG4012:verify = False|}
        """);

    [Fact]
    public Task Real_validation_does_not_fire() => PyVerify.VerifyAsync(Id, """
        import ssl
        import requests

        def fetch(url, ctx):
            a = requests.get(url, verify=True)
            b = requests.get(url, verify="/etc/ca.pem")
            if ctx.verify_mode == ssl.CERT_NONE:
                raise ValueError("insecure")
            ctx.verify_mode = ssl.CERT_REQUIRED
            # requests.get(url, verify=False)
            text = "verify=False"

        def configure(verify=False):
            return verify
        """);
}

public class PyDebugModeTests
{
    private const string Id = "CG4014";

    [Fact]
    public Task Debug_true_in_settings_module_fires() => PyVerify.VerifyAsync(Id, """
        SECRET = "x"
        {|CG4014:DEBUG = True|}
        """, "/src/mysite/settings.py");

    [Fact]
    public Task Settings_folder_and_prefixed_names_count() => Task.WhenAll(
        PyVerify.VerifyAsync(Id, "{|CG4014:DEBUG = True|}\n", "/src/mysite/settings/production.py"),
        PyVerify.VerifyAsync(Id, "{|CG4014:DEBUG = True|}\n", "/src/mysite/settings_prod.py"));

    [Fact]
    public Task Debug_true_elsewhere_or_guarded_does_not_fire() => Task.WhenAll(
        PyVerify.VerifyAsync(Id, "DEBUG = True\n", "/src/app/config.py"),
        PyVerify.VerifyAsync(Id, """
            import os
            DEBUG = os.environ.get("DEBUG") == "1"
            if os.environ.get("ENV") == "development":
                DEBUG = True
            # DEBUG = True
            TEMPLATE_DEBUG = True
            """, "/src/mysite/settings.py"));

    [Fact]
    public Task App_run_debug_true_fires() => PyVerify.VerifyAsync(Id, """
        from flask import Flask
        app = Flask(__name__)

        if __name__ == "__main__":
            {|CG4014:app.run(host="127.0.0.1", debug=True)|}
        """);

    [Fact]
    public Task Guarded_or_false_app_run_does_not_fire() => PyVerify.VerifyAsync(Id, """
        import os
        app = Flask(__name__)
        app.run(debug=False)
        app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
        if os.getenv("FLASK_ENV") == "development":
            app.run(debug=True)
        if settings.DEBUG:
            app.run(debug=True)
        # app.run(debug=True)
        """);
}

public class PyQueryInLoopTests
{
    private const string Id = "CG5001";

    [Fact]
    public Task Execute_in_loop_bodies_fires() => PyVerify.VerifyAsync(Id, """
        def load(cursor, conn, ids):
            for user_id in ids:
                {|CG5001:cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))|}
            while pending():
                if ready():
                    {|CG5001:conn.execute(
                        "UPDATE jobs SET done = 1"
                    )|}
            for x in ids: {|CG5001:cursor.execute("SELECT 1")|}
            rows = [{|CG5001:cursor.execute("SELECT %s", (i,))|} for i in ids]

        async def load_async(session, ids):
            async for user_id in ids:
                await {|CG5001:session.execute(select(User).where(User.id == user_id))|}
        """);

    [Fact]
    public Task Batched_calls_and_calls_outside_loops_do_not_fire() => PyVerify.VerifyAsync(Id, """
        def load(cursor, ids):
            cursor.executemany("INSERT INTO t VALUES (%s)", [(i,) for i in ids])
            cursor.execute("SELECT * FROM users WHERE id = ANY(%s)", (ids,))
            for row in cursor.execute("SELECT * FROM users"):
                handle(row)
            rows = [r for r in cursor.execute("SELECT 1")]
            for i in ids:
                def later():
                    cursor.execute("SELECT 1")
                executor.execute(task)
            # for i in ids: cursor.execute(q)
        """);

    [Fact]
    public Task Message_names_the_loop() => PyVerify.VerifyAsync(Id, "while True:\n    cursor.execute(q)\n", PyVerify.DefaultPath,
        new DiagnosticResult(Descriptors.QueryInLoop).WithSpan(PyVerify.DefaultPath, 2, 5, 2, 22)
            .WithArguments("cursor.execute", "while"));
}
