pub fn answer() -> u32 {
    // TODO: rs task tag in a comment
    let text = r#"TODO: rs text inside a raw string"#;
    text.len() as u32
}
