using System.Threading.Tasks;

namespace CodeGuardian.Analyzers.Tests.Text.JavaScript;

public class JsWeakHashRuleTests
{
    [Fact]
    public Task Md5_and_sha1_fire() => JsRuleTest.VerifyAsync("CG4009", """
        const crypto = require('crypto');
        const a = {|CG4009:crypto.createHash('md5')|}.update(x).digest('hex');
        const b = {|CG4009:crypto.createHash("SHA1")|};
        const c = {|CG4009:createHmac('sha1', key)|};
        const d = await {|CG4009:crypto.subtle.digest('SHA-1', data)|};
        const e = {|CG4009:crypto.createHash(
          'md5'
        )|};
        """);

    [Fact]
    public Task Strong_hashes_strings_and_comments_do_not_fire() => JsRuleTest.VerifyAsync("CG4009", """
        const a = crypto.createHash('sha256');
        const b = crypto.createHmac('sha512', key);
        const c = crypto.createHash(algorithm);
        // crypto.createHash('md5')
        const s = "createHash('md5')";
        const e = await crypto.subtle.digest('SHA-256', data);
        """);
}

public class JsWeakCipherRuleTests
{
    [Fact]
    public Task Ivless_and_weak_ciphers_fire() => JsRuleTest.VerifyAsync("CG4010", """
        const a = {|CG4010:crypto.createCipher('aes-256-cbc', password)|};
        const b = {|CG4010:crypto.createCipheriv('des-ede3-cbc', key, iv)|};
        const c = {|CG4010:crypto.createCipheriv('aes-128-ecb', key, null)|};
        const d = {|CG4010:createDecipheriv('rc4', key, '')|};
        const e = {|CG4010:crypto.createCipheriv('bf-cbc', key, iv)|};
        const f = {|CG4010:crypto.createCipheriv(
          'DES-ECB',
          key,
          null)|};
        """);

    [Fact]
    public Task Aes_gcm_and_cbc_with_iv_do_not_fire() => JsRuleTest.VerifyAsync("CG4010", """
        const a = crypto.createCipheriv('aes-256-gcm', key, iv);
        const b = crypto.createDecipheriv('aes-256-cbc', key, iv);
        const c = crypto.createCipheriv(algorithm, key, iv);
        // crypto.createCipher('des', k)
        const s = "createCipheriv('des-ede3-cbc')";
        """);
}

public class JsInsecureRandomnessRuleTests
{
    [Fact]
    public Task Math_random_into_secret_names_fires() => JsRuleTest.VerifyAsync("CG4011", """
        const resetToken = {|CG4011:Math.random()|}.toString(36).slice(2);
        let otp = Math.floor({|CG4011:Math.random()|} * 1000000);
        const session = { sessionId: {|CG4011:Math.random()|}.toString(16) };
        user.apiKey = String({|CG4011:Math.random()|});
        const SALT = 'x' + {|CG4011:Math.random()|};
        function generatePassword(): string {
          return {|CG4011:Math.random()|}.toString(36);
        }
        const makeNonce = () => {|CG4011:Math.random()|}.toString(36);
        const invite = {
          id,
          inviteCode: Math
            .floor({|CG4011:Math.random()|} * 1e6),
        };
        const csrfToken = `csrf_${Date.now()}_${{|CG4011:Math.random()|}.toString(36)}`;
        """, "/src/auth.ts");

    [Fact]
    public Task Shuffles_jitter_and_games_do_not_fire() => JsRuleTest.VerifyAsync("CG4011", """
        const shuffledKeys = keys.sort(() => Math.random() - 0.5);
        const delay = base + Math.random() * 100;
        const jitter = Math.random() * 50;
        const dice = Math.floor(Math.random() * 6) + 1;
        const keyframe = Math.random();
        const monkey = Math.random();
        function roll() { return Math.random(); }
        const color = { hue: Math.random() * 360 };
        // const token = Math.random();
        const s = "const token = Math.random()";
        const label = `item-${Math.random()}`;
        const t = 'token ${Math.random()}';
        """);
}

public class JsCertificateValidationRuleTests
{
    [Fact]
    public Task Disabled_validation_fires() => JsRuleTest.VerifyAsync("CG4012", """
        const agent = new https.Agent({ {|CG4012:rejectUnauthorized: false|} });
        const options = {
          host,
          {|CG4012:rejectUnauthorized: false|},
        };
        {|CG4012:process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'|};
        {|CG4012:process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = "0"|};
        tls.connect({ {|CG4012:'rejectUnauthorized': false|} });
        """);

    [Fact]
    public Task Enabled_validation_strings_and_comments_do_not_fire() => JsRuleTest.VerifyAsync("CG4012", """
        const agent = new https.Agent({ rejectUnauthorized: true, ca });
        const b = { rejectUnauthorized: process.env.NODE_ENV === 'production' };
        process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
        // rejectUnauthorized: false
        const s = "rejectUnauthorized: false";
        if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') { warn(); }
        """);
}
