//! Exact decimal numbers: [`Money`] for amounts and [`Figure`] for every other number a user
//! writes (quantities, KPI values, weights, scores).
//!
//! Both are read from the YAML *text* of the scalar, never through `f64`, so `0.1` and
//! `12345678901234567.89` stay exactly what the user wrote.

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
/// assert_eq!(parse_decimal("12345678901234567.89").unwrap().to_string(), "12345678901234567.89");
/// assert_eq!(parse_decimal("1e3").unwrap().to_string(), "1000");
/// assert!(parse_decimal("0x10").is_none());
/// ```
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let text = text.trim();
    let text = text.strip_prefix('+').unwrap_or(text);
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit() || b"-.eE+".contains(&b)) {
        return None;
    }
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(text).ok().map(|d| d.normalize())
    } else {
        Decimal::from_str(text).ok()
    }
}

macro_rules! decimal_newtype {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
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
                        Ok($name(Decimal::from(v)))
                    }
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<$name, E> {
                        Ok($name(Decimal::from(v)))
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
                json_schema!({ "type": "number", "description": $what })
            }
        }
    };
}

decimal_newtype!(
    /// An amount of money in the document's currency, exact to the cent and beyond.
    Money,
    "an amount of money, written as a plain number such as 46000 or 1350.50"
);

decimal_newtype!(
    /// A number that is not money: a quantity, a KPI value, a weight or a score.
    Figure,
    "a number such as 300, 0.95 or 60"
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

    #[test]
    fn decimals_stay_exact() {
        let sum: Decimal = ["0.1", "0.2"].iter().map(|t| parse_decimal(t).unwrap()).sum();
        assert_eq!(sum.to_string(), "0.3");
        assert_eq!(parse_decimal("-7").unwrap(), Decimal::from(-7));
        assert!(parse_decimal("1,000").is_none());
        assert!(parse_decimal(".inf").is_none());
    }
}
