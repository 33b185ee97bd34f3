//! What a scalar's text means: YAML 1.2 core-schema resolution with planbook's strict
//! settings, as serde-saphyr resolved it for planbook before (`strict_booleans`,
//! `leading_zero_numbers_as_strings`, `underscored_numbers_as_strings`, non-finite floats
//! passed through so the schema check reports them).

use serde_saphyr::granit_parser::{ScalarStyle, Tag};

use super::Parsed;
use crate::i18n::{Msg, msg};

/// A scalar's tag, as far as resolution cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TagKind {
    /// No tag, or one planbook does not know (`!foo`, `!!merge`): resolved like no tag.
    None,
    Null,
    Bool,
    Int,
    Float,
    /// `!!str` or the non-specific `!`: always a string.
    Str,
    /// `!!seq` or `!!map`, which a scalar cannot have.
    Collection,
    /// `!!timestamp`, `!!binary` and the angle and duration tags serde-saphyr knows.
    Unsupported,
}

const CORE: &str = "tag:yaml.org,2002:";

impl TagKind {
    pub(super) fn of(tag: Option<&Tag>) -> TagKind {
        let Some(tag) = tag else { return TagKind::None };
        if let Some(suffix) = tag.core_suffix() {
            return core(suffix).unwrap_or(TagKind::None);
        }
        if let Some(name) = tag.suffix_in_namespace(CORE) {
            return named(name.strip_prefix('!').unwrap_or(&name));
        }
        let Some(name) = tag.suffix_in_namespace("!") else { return TagKind::None };
        match name.as_ref() {
            "" | "!" => TagKind::Str,
            "!timestamp" | "!binary" => TagKind::Unsupported,
            name => match name.strip_prefix('!') {
                Some(name) => core(name).unwrap_or(TagKind::None),
                None => named(name),
            },
        }
    }
}

fn core(suffix: &str) -> Option<TagKind> {
    Some(match suffix {
        "null" => TagKind::Null,
        "bool" => TagKind::Bool,
        "int" => TagKind::Int,
        "float" => TagKind::Float,
        "str" => TagKind::Str,
        "seq" | "map" => TagKind::Collection,
        _ => return None,
    })
}

fn named(name: &str) -> TagKind {
    match name {
        "timestamp" | "time" | "binary" | "degrees" | "radians" => TagKind::Unsupported,
        name => core(name).unwrap_or(TagKind::None),
    }
}

/// Why a collection's tag does not fit it (`!!str [1]`, `!!seq {a: 1}`), as serde-saphyr
/// refused them; other tags (`!foo`, `!`, `!!set`, `!!omap`) are ignored like no tag.
pub(super) fn collection_tag(tag: Option<&Tag>, seq: bool) -> Result<(), Msg> {
    let Some(tag) = tag else { return Ok(()) };
    let core_name = tag.core_suffix().map(Into::into).or_else(|| tag.suffix_in_namespace(CORE));
    let name = core_name.as_deref();
    let fits = match TagKind::of(Some(tag)) {
        TagKind::None => !matches!(name, Some("merge" | "value")),
        TagKind::Collection => name == Some(if seq { "seq" } else { "map" }),
        // The non-specific `!` and local `!str`, not `!!str`.
        TagKind::Str => name.is_none(),
        _ => false,
    };
    if fits {
        return Ok(());
    }
    let (handle, suffix) = tag.parts();
    let spelling = match name {
        Some(name) => format!("!!{name}"),
        None => format!("{handle}{suffix}"),
    };
    Err(if seq {
        msg!("yaml-list-tag", tag = spelling)
    } else {
        msg!("yaml-mapping-tag", tag = spelling)
    })
}

/// What a scalar resolves to.
#[derive(Debug, Clone, Copy)]
pub(super) enum Resolved {
    Null,
    Bool(bool),
    Number(Parsed),
    String,
}

/// Resolves a scalar, or says why its tag does not fit its text.
pub(super) fn resolve(value: &str, style: ScalarStyle, tag: TagKind) -> Result<Resolved, Msg> {
    let plain = style == ScalarStyle::Plain;
    match tag {
        TagKind::Null => return Ok(Resolved::Null),
        TagKind::Bool => return bool12(value).map(Resolved::Bool).ok_or_else(bad_bool),
        TagKind::Int => {
            return int(trim(value)).map(Resolved::Number).ok_or_else(|| {
                if trim(value).starts_with('-') {
                    msg!("yaml-invalid-i64")
                } else {
                    msg!("yaml-invalid-u64")
                }
            });
        }
        TagKind::Float => {
            return float(value, true)
                .map(|f| Resolved::Number(Parsed::Float(f)))
                .ok_or_else(|| msg!("yaml-invalid-float"));
        }
        TagKind::Collection => return Err(msg!("yaml-scalar-collection-tag")),
        TagKind::Unsupported => {
            return Err(msg!("yaml-unsupported-tag"));
        }
        TagKind::Str => return Ok(Resolved::String),
        TagKind::None => {}
    }
    if !plain {
        return Ok(Resolved::String);
    }
    if matches!(value, "" | "~" | "null" | "Null" | "NULL") {
        return Ok(Resolved::Null);
    }
    if let Some(b) = bool12(value) {
        return Ok(Resolved::Bool(b));
    }
    let t = trim(value);
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    if matches!(unsigned.as_bytes(), [b'0', b'X' | b'O' | b'B', ..])
        || (t.len() > unsigned.len() && matches!(unsigned, ".nan" | ".NaN" | ".NAN"))
        || leading_zero_decimal(unsigned)
        || t.contains('_')
    {
        return Ok(Resolved::String);
    }
    // Only text that starts like a number can be one; this skips every word cheaply.
    match unsigned.as_bytes().first() {
        Some(b'0'..=b'9' | b'.') => {}
        _ => return Ok(Resolved::String),
    }
    if let Some(n) = int(t) {
        return Ok(Resolved::Number(n));
    }
    Ok(float(value, false).map_or(Resolved::String, |f| Resolved::Number(Parsed::Float(f))))
}

/// The padding serde-saphyr trims before converting a scalar.
fn trim(s: &str) -> &str {
    let pad = |b: Option<&u8>| matches!(b, Some(b' ' | b'\t' | b'\r' | b'\n'));
    if !pad(s.as_bytes().first()) && !pad(s.as_bytes().last()) {
        return s;
    }
    s.trim_matches([' ', '\t', '\r', '\n'])
}

fn bool12(s: &str) -> Option<bool> {
    match trim(s) {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// `010`, `-007`: a decimal integer with a redundant leading zero (given without its sign).
fn leading_zero_decimal(digits: &str) -> bool {
    digits.len() > 1 && digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
}

/// An integer: optional sign, then decimal digits or `0x`/`0o`/`0b` and digits, with single
/// underscores between digits; `i64`, or `u64` above `i64::MAX`.
fn int(t: &str) -> Option<Parsed> {
    let (negative, rest) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (radix, digits) = match rest.get(..2) {
        Some("0x" | "0X") => (16, &rest[2..]),
        Some("0o" | "0O") => (8, &rest[2..]),
        Some("0b" | "0B") => (2, &rest[2..]),
        _ => {
            if rest.starts_with('0') && rest != "0" {
                return None;
            }
            (10, rest)
        }
    };
    let magnitude = digits_value(digits, radix)?;
    if negative {
        let value = 0i128.checked_sub_unsigned(magnitude)?;
        i64::try_from(value).ok().map(Parsed::Int)
    } else if let Ok(i) = i64::try_from(magnitude) {
        Some(Parsed::Int(i))
    } else {
        u64::try_from(magnitude).ok().map(Parsed::UInt)
    }
}

fn digits_value(digits: &str, radix: u32) -> Option<u128> {
    let bytes = digits.as_bytes();
    let mut value: u128 = 0;
    let mut seen = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let between =
                i > 0 && bytes[i - 1] != b'_' && bytes.get(i + 1).is_some_and(|&n| n != b'_');
            if !between {
                return None;
            }
            continue;
        }
        let digit = (b as char).to_digit(radix)?;
        value = value.checked_mul(u128::from(radix))?.checked_add(u128::from(digit))?;
        seen = true;
    }
    seen.then_some(value)
}

/// A YAML 1.2 float (`.inf`, `.nan`, `1e400` included); `tagged` also reads a signed NaN.
fn float(s: &str, tagged: bool) -> Option<f64> {
    let t = trim(s);
    let (negative, unsigned) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    match unsigned {
        ".nan" | ".NaN" | ".NAN" if tagged && t.len() > unsigned.len() => {
            return Some(f64::NAN.copysign(if negative { -1.0 } else { 1.0 }));
        }
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        ".inf" | ".Inf" | ".INF" if negative => return Some(f64::NEG_INFINITY),
        ".inf" | ".Inf" | ".INF" => return Some(f64::INFINITY),
        _ => {}
    }
    let value = t.parse::<f64>().ok()?;
    if value.is_finite()
        || (value.is_infinite() && unsigned.starts_with(|c: char| c.is_ascii_digit()))
    {
        Some(value)
    } else {
        None
    }
}

fn bad_bool() -> Msg {
    msg!("yaml-invalid-boolean")
}
