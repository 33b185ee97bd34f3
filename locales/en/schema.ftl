# Schema errors: a value of the wrong type or form.

schema-expected-one-of = expected one of { $items }

## Where: `place` below is schema-the-document or schema-place.

schema-the-document = the document
# A field of the document: `lines[0].amount`.
schema-place = `{ $place }`

## Fields.

schema-unknown-field = unknown field `{ $name }`
schema-unknown-field-in = unknown field `{ $name }` in `{ $place }`
schema-missing-field = missing required field `{ $name }`
schema-missing-field-in = missing required field `{ $name }` in `{ $place }`
schema-required-here = `{ $name }` is required here

## Types. `expected` is one or more schema-type-… messages, `found` a yaml-type-… message.

schema-expected-type = expected { $expected } for { $place }, found { $found }
schema-expected = expected { $expected }
schema-type-list = a list
schema-type-boolean = `true` or `false`
schema-type-integer = a whole number
schema-type-null = nothing (null)
schema-type-number = a number
schema-type-mapping = a mapping
schema-type-text = text
schema-type-or = { $first } or { $second }
schema-help-unquote = write the number without quotes or separators: `{ $number }`
schema-help-plain-number = write a plain number such as 46000 or 1350.5
schema-help-boolean = planbook reads only `true` and `false` as booleans; `{ $text }` is text
schema-help-empty = the value is empty; fill it in or remove the key
schema-help-list = start each entry with `- `

## Values.

schema-not-allowed = `{ $found }` is not an allowed value for { $place }
schema-expected-constant = expected `{ $expected }` for { $place }, found `{ $found }`
schema-below-minimum = { $found } is below the smallest allowed value { $limit } for { $place }
schema-above-maximum = { $found } is above the largest allowed value { $limit } for { $place }
schema-not-empty = { $place } must not be empty
# `detail` is the schema validator's own (English) words; rare.
schema-mismatch = { $place } does not match the schema: { $detail }

## Written forms (model::forms): `what` is a schema-form-… message.

schema-not-form = `{ $found }` is not { $what } ({ $place })
schema-not-pattern = `{ $found }` is not in the expected form ({ $place })
schema-pattern-help = it must match the pattern `{ $pattern }`
schema-form-period = a period
schema-form-period-help = write a month (`2026-12`), a quarter (`2026-Q1`) or a year (`2026`)
schema-form-date = a date
schema-form-date-help = write a date as `YYYY-MM-DD`, e.g. `2026-12-01`
schema-form-duration = a duration
schema-form-duration-help = write a number of days or weeks, e.g. `10d` or `2w`, at most 36500 days (5214 weeks)
schema-form-currency = a currency code
schema-form-currency-help = write a three-letter ISO 4217 code such as `CNY`
schema-form-id = a valid id
schema-form-id-help = ids may not contain spaces, slashes or invisible characters; use e.g. `regional-manager`

## Numbers beyond what planbook computes exactly (number.out-of-range).

schema-number-not-decimal = `{ $raw }` is not a number planbook can compute with; write it in decimal digits, such as 46000 or 1350.50
schema-number-too-many-digits = `{ $raw }` has { $digits } digits before the decimal point; planbook computes exactly with at most { $max } (numbers below one quadrillion)
schema-number-too-many-decimals = `{ $raw }` has { $decimals } decimal places; planbook computes exactly with at most { $max }
