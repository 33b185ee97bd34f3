//! Exact decimal numbers: [`Money`] for amounts and [`Figure`] for every other number a user
//! writes (quantities, KPI values, weights, scores).
//!
//! Both are read from the YAML *text* of the scalar, never through `f64`, so `0.1` and
//! `123456789012345.67` stay exactly what the user wrote.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserialize, Deserializer, Visitor};

/// Parses a YAML number's text into an exact [`Decimal`].
///
/// Accepts an optional sign, digits, an optional fraction and an optional exponent.
///
/// # Examples
///
/// ```
/// use planbook::model::money::parse_decimal;
/// assert_eq!(parse_decimal("0.1").unwrap().to_string(), "0.1");
/// assert_eq!(parse_decimal("123456789012345.67").unwrap().to_string(), "123456789012345.67");
/// assert_eq!(parse_decimal("1e3").unwrap().to_string(), "1000");
/// assert!(parse_decimal("0x10").is_none());
/// ```
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let text = text.trim();
    let text = text.strip_prefix('+').unwrap_or(text);
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit() || b"-.eE+".contains(&b)) {
        return None;
    }
    if let Some((mantissa, exponent)) = text.split_once(['e', 'E']) {
        let mantissa = idle_zeros_dropped(mantissa, 0);
        Decimal::from_scientific(&format!("{mantissa}e{exponent}")).ok().map(|d| d.normalize())
    } else {
        Decimal::from_str(idle_zeros_dropped(text, MAX_DECIMALS)).ok()
    }
}

/// `text` without the zeros that end its fraction, when the fraction is longer than `longest`
/// places: they carry no value, and kept (`5000.0000000000000000000000000`) they would overflow
/// a `Decimal`'s 28 digits or widen the scale of every sum they enter past exact range.
fn idle_zeros_dropped(text: &str, longest: usize) -> &str {
    let Some(point) = text.find('.') else { return text };
    let fraction = &text[point + 1..];
    if fraction.len() <= longest {
        return text;
    }
    match fraction.trim_end_matches('0').len() {
        0 => &text[..point],
        significant => &text[..point + 1 + significant],
    }
}

/// The most digits before the decimal point a number may have: a quadrillion less one.
pub const MAX_INTEGER_DIGITS: usize = 15;
/// The most digits after the decimal point a number may have.
pub const MAX_DECIMALS: usize = 6;
/// The bound on a number's size that [`MAX_INTEGER_DIGITS`] sets: every number written in a
/// document is more than `-LIMIT` and less than `LIMIT`. The schemas say it as `minimum` and
/// `maximum` (JSON numbers are binary floats, so at exactly this bound they cannot tell; the
/// digit count `check_spelling` reads from the text decides).
pub const LIMIT: i64 = 10i64.pow(MAX_INTEGER_DIGITS as u32);

/// The JSON Schema of a number in a document: `what` it is, its bounds, and in its description
/// (in English and Chinese, shown by editors on hover) what a schema cannot say: the decimal
/// places and that a leading zero (`0500`) is refused.
fn number_schema(what: &'static str) -> Schema {
    use crate::i18n::{Locale, msg};
    let limits = msg!(
        "schema-doc-number-limits",
        limit = grouped(Decimal::from(LIMIT)),
        digits = MAX_INTEGER_DIGITS,
        decimals = MAX_DECIMALS
    );
    // Chinese sentences follow one another with no space between them.
    let text = |l| {
        let space = if l == Locale::ZhCn { "" } else { " " };
        format!("{}{space}{}", crate::i18n::t(l, what), limits.text(l))
    };
    json_schema!({
        "type": "number",
        "minimum": -LIMIT,
        "maximum": LIMIT,
        "description": format!("{} / {}", text(Locale::En), text(Locale::ZhCn))
    })
}

/// Why a number written in a document is refused before any arithmetic sees it.
///
/// Within these bounds every figure is exact in a `Decimal`, and every sum and product that
/// planbook computes is checked by [`exact`]; beyond them a figure is an error that says the
/// limit, never a rounded or wrapped value.
pub fn check_spelling(raw: &str) -> Result<(), crate::i18n::Msg> {
    let text = raw.trim();
    let text = text.strip_prefix(['-', '+']).unwrap_or(text);
    let not_a_number = || crate::i18n::msg!("schema-number-not-decimal", raw = raw);
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    // An exponent moves the decimal point: `12e3` is 12000, `1e400` has 401 digits.
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().map_err(|_| not_a_number())?),
        None => (text, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if !plain(int) || !plain(frac) || (int.is_empty() && frac.is_empty()) {
        return Err(not_a_number());
    }
    // The digits of `int` then `frac` as one run (read in place: this runs on every number).
    let digits = || int.bytes().chain(frac.bytes());
    let Some(first) = digits().position(|b| b != b'0') else {
        return Ok(()); // zero, however it is written
    };
    let trailing_zeros = digits().rev().position(|b| b != b'0').unwrap_or(0);
    let last = int.len() + frac.len() - trailing_zeros;
    // Digits before the point and decimal places, once the exponent has moved the point.
    // In i128, so that no exponent an i64 can hold overflows the arithmetic.
    let point = int.len() as i128 + i128::from(exponent);
    let int_digits = (point - first as i128).max(0);
    let decimals = (last as i128 - point).max(0);
    if int_digits > MAX_INTEGER_DIGITS as i128 {
        return Err(crate::i18n::msg!(
            "schema-number-too-many-digits",
            raw = raw,
            digits = int_digits.to_string(),
            max = MAX_INTEGER_DIGITS
        ));
    }
    if decimals > MAX_DECIMALS as i128 {
        return Err(crate::i18n::msg!(
            "schema-number-too-many-decimals",
            raw = raw,
            decimals = decimals.to_string(),
            max = MAX_DECIMALS
        ));
    }
    Ok(())
}

/// Sums and products that are exact or refused: never rounded, never wrapped, never a panic.
///
/// `rust_decimal` holds 28 significant digits; an operation whose exact result needs more
/// either overflows or is silently rounded. These functions return [`OutOfRange`] instead.
pub mod exact {
    use rust_decimal::Decimal;

    /// A sum or product too large to compute exactly.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct OutOfRange;

    impl std::fmt::Display for OutOfRange {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(
                "the result needs more than the 28 significant digits planbook computes exactly",
            )
        }
    }

    impl std::error::Error for OutOfRange {}

    /// `a + b`, exactly.
    pub fn add(a: Decimal, b: Decimal) -> Result<Decimal, OutOfRange> {
        let sum = a.checked_add(b).ok_or(OutOfRange)?;
        // A result that had to drop decimal places to fit was rounded (zero is always exact).
        if sum.scale() < a.scale().max(b.scale()) && !sum.is_zero() {
            Err(OutOfRange)
        } else {
            Ok(sum)
        }
    }

    /// `a − b`, exactly.
    pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal, OutOfRange> {
        add(a, -b)
    }

    /// `a × b`, exactly.
    pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal, OutOfRange> {
        let product = a.checked_mul(b).ok_or(OutOfRange)?;
        if product.is_zero() {
            return Ok(product);
        }
        if product.scale() < (a.scale() + b.scale()).min(28) || a.scale() + b.scale() > 28 {
            Err(OutOfRange)
        } else {
            Ok(product)
        }
    }

    /// The sum of `values`, exactly.
    pub fn sum(values: impl IntoIterator<Item = Decimal>) -> Result<Decimal, OutOfRange> {
        values.into_iter().try_fold(Decimal::ZERO, add)
    }
}

macro_rules! decimal_newtype {
    ($(#[$doc:meta])* $name:ident, $what:literal, $doc_id:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(pub Decimal);

        impl $name {
            /// Zero.
            pub const ZERO: $name = $name(Decimal::ZERO);
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(text: &str) -> Result<Self, String> {
                check_spelling(text).map_err(|m| m.text(crate::i18n::Locale::En))?;
                parse_decimal(text)
                    .map($name)
                    .ok_or_else(|| format!("expected {}, found `{}`", $what, text))
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$name, E> {
                        v.parse().map_err(E::custom)
                    }
                    fn visit_i64<E: de::Error>(self, v: i64) -> Result<$name, E> {
                        v.to_string().parse().map_err(E::custom)
                    }
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<$name, E> {
                        v.to_string().parse().map_err(E::custom)
                    }
                }
                // Ask for the text: the loader hands over a number's original spelling.
                deserializer.deserialize_str(V)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0.to_string())
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                number_schema($doc_id)
            }
        }
    };
}

decimal_newtype!(
    /// An amount of money in the document's currency, exact to the cent and beyond.
    Money,
    "an amount of money, written as a plain number such as 46000 or 1350.50",
    "schema-doc-money"
);

decimal_newtype!(
    /// A number that is not money: a quantity, a KPI value, a weight or a score.
    Figure,
    "a number such as 300, 0.95 or 60",
    "schema-doc-figure"
);

/// Formats `value` with `,` between thousands, keeping every decimal digit.
///
/// # Examples
///
/// ```
/// use planbook::model::money::grouped;
/// use rust_decimal::Decimal;
/// assert_eq!(grouped(Decimal::new(12290000, 2)), "122,900.00");
/// assert_eq!(grouped(Decimal::from(-1350)), "-1,350");
/// ```
pub fn grouped(value: Decimal) -> String {
    let text = value.to_string();
    let (sign, digits) = text.strip_prefix('-').map_or(("", text.as_str()), |d| ("-", d));
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        parse_decimal(text).unwrap()
    }

    #[test]
    fn spellings_beyond_the_exact_range_are_refused_with_the_limit() {
        assert!(check_spelling("999999999999999.999999").is_ok());
        assert!(check_spelling("-000000000000000123.50").is_ok());
        let long = check_spelling("79000000000000000000000000000").unwrap_err().en();
        assert!(long.contains("29 digits") && long.contains("at most 15"), "{long}");
        let fine = check_spelling("0.12345678901234567890123456789").unwrap_err().en();
        assert!(fine.contains("29 decimal places") && fine.contains("at most 6"), "{fine}");
        assert!(check_spelling("1.5e3").is_ok());
        assert!(check_spelling("0.000e999999").is_ok());
        let huge = check_spelling("1e400").unwrap_err().en();
        assert!(huge.contains("401 digits"), "{huge}");
        assert!(check_spelling("12e-7").unwrap_err().en().contains("7 decimal places"));
        assert!(check_spelling(".inf").unwrap_err().en().contains("decimal digits"));
        assert!(check_spelling("0x1F").unwrap_err().en().contains("decimal digits"));
        assert!(check_spelling("1e99999999999999999999").is_err());
        assert!(
            check_spelling("1e9223372036854775807").unwrap_err().en().contains("digits before")
        );
        assert!(
            check_spelling("1e-9223372036854775808").unwrap_err().en().contains("decimal places")
        );
    }

    #[test]
    fn exact_arithmetic_refuses_instead_of_rounding_or_panicking() {
        let max = d("79228162514264337593543950335");
        assert_eq!(exact::add(max, Decimal::ONE), Err(exact::OutOfRange));
        assert_eq!(exact::sum([d("0.1"), d("0.2")]), Ok(d("0.3")));
        assert!(exact::sub(d("0.00"), d("0")).is_ok_and(|z| z.is_zero()));
        assert!(exact::mul(d("0.5"), d("0")).is_ok_and(|z| z.is_zero()));
        assert_eq!(exact::mul(d("12.5"), d("4")), Ok(d("50.0")));
        // 1e15 × 1e15 overflows; a product that would lose decimals is refused too.
        assert_eq!(exact::mul(d("999999999999999"), d("999999999999999")), Err(exact::OutOfRange));
        let rounded = exact::mul(d("99999999999999.999999"), d("99999999.999999"));
        assert_eq!(rounded, Err(exact::OutOfRange));
        assert!(exact::add(d("99999999999999999999999.99999"), d("0.00001")).is_ok());
        assert_eq!(exact::add(d("9999999999999999999999999999"), d("0.1")), Err(exact::OutOfRange));
    }

    #[test]
    fn zeros_past_the_last_decimal_place_are_dropped_not_overflowed() {
        // 25 zeros after the point once made every sum the amount entered "beyond exact range".
        let five = d("5000.0000000000000000000000000");
        assert_eq!(five.to_string(), "5000");
        assert_eq!(exact::add(five, d("999999999999999")).map(|s| s.scale()), Ok(0));
        assert_eq!(d("0.0000000000000000000000000000000000000").to_string(), "0");
        assert_eq!(d("1350.50").to_string(), "1350.50");
        assert_eq!(d("1.500000").to_string(), "1.500000");
        assert_eq!(d("-0.1234560000").to_string(), "-0.123456");
        assert_eq!(d("1.000000000000000000000000000000000000e15"), Decimal::from(10i64.pow(15)));
        assert_eq!(d("1.5000e3").to_string(), "1500");
        assert_eq!(d("0.000e5"), Decimal::ZERO);
        assert_eq!(d("12."), Decimal::from(12));
    }

    #[test]
    fn decimals_stay_exact() {
        let sum: Decimal = ["0.1", "0.2"].iter().map(|t| parse_decimal(t).unwrap()).sum();
        assert_eq!(sum.to_string(), "0.3");
        assert_eq!(parse_decimal("-7").unwrap(), Decimal::from(-7));
        assert!(parse_decimal("1,000").is_none());
        assert!(parse_decimal(".inf").is_none());
    }
}
