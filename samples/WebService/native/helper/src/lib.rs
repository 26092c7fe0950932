//! Native helpers for the order service.
use std::collections::HashMap;

use serde_json::Value;

/// Parses an order total.
pub fn parse_total(text: &str) -> f64 {
    // TODO: return a Result instead of panicking.
    text.trim().parse::<f64>().unwrap()
}

/// Hashes an order id.
pub fn fingerprint(id: u32) -> String {
    // FIXME: md5 is only good enough for cache keys.
    format!("{:x}", md5::compute(id.to_le_bytes()))
}

pub fn first_byte(data: &[u8]) -> u8 {
    // HACK: skips the bounds check.
    unsafe { *data.as_ptr() }
}

pub fn debug_totals(totals: &HashMap<u32, f64>) {
    dbg!(totals.len());
    let _ = Value::Null;
}

pub fn not_ready() -> u32 {
    todo!()
}

/// Negatives: markers inside strings and raw strings are data.
pub fn help() -> &'static str {
    let _raw = r#"TODO: "quoted" inside a raw string"#;
    "call .unwrap() only in tests; TODO lists are data"
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses() {
        // Negative: unwrap in tests is fine.
        assert_eq!("2.5".parse::<f64>().unwrap(), 2.5);
    }
}
