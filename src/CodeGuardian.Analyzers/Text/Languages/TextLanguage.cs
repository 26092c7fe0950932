namespace CodeGuardian.Analyzers.Text.Languages;

/// <summary>The languages of AdditionalFiles the text engine understands.</summary>
public enum TextLanguage : byte
{
    /// <summary>Not scanned by code rules.</summary>
    Unknown = 0,
    JavaScript,
    Python,
    Sql,
    Rust,

    /// <summary>Configuration files (JSON, YAML, .env, XML .config, TOML, INI, properties): secrets rules only.</summary>
    Config,

    /// <summary>Dependency manifests read by other rules (package.json, requirements.txt, Cargo.toml …).</summary>
    Manifest,
}
