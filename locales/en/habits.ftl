# Habits of a Chinese input method or a spreadsheet (schema::habits): each help names the
# habit and says exactly what to write. `found` is the value as written, `fixed` as meant.

habit-fix-write = write `{ $text }`
habit-fix-rename = rename `{ $from }` to `{ $to }`
habit-full-width-digits = `{ $found }` is written in full-width digits; write `{ $fixed }`
habit-thousands = write `{ $fixed }` (thousands separators are not allowed)
habit-split-number = in a one-line mapping `{ "{" } … { "}" }` a comma separates fields, so `{ $found }` was read as several fields; write `{ $fixed }` (thousands separators are not allowed)
habit-percent = write `{ $fixed }` without `%`: a percentage (a score, or a KPI whose unit is %) is written as its number of percent
habit-chinese-unit = `{ $found }` is { $fixed }; write `{ $fixed }` (numbers are written in digits, without 千, 万 or 亿)
habit-currency = write `{ $fixed }` without a currency sign or 元: the currency is set by `currency:`
habit-full-width-space = `{ $found }` contains a full-width space; write `{ $fixed }`
habit-date = write the date as `{ $fixed }` (year-month-day, with `-`)
habit-period = write the period as `{ $fixed }`
habit-quote-id = numbers used as ids must be quoted: `{ $field }: '{ $raw }'`
habit-quote-text = `{ $field }` is text; put the number in quotes: `{ $field }: '{ $raw }'`
habit-full-width-colon = `：` is a full-width colon, which YAML does not read as one; write `{ $fixed }` (an ASCII `:` and a space)
habit-person-name = `{ $name }` is the name of `{ $id }`; write `{ $id }`
habit-person-names = `{ $name }` is the name of { $ids }; write the id of the person you mean
# The message of a number split by its comma in a one-line mapping; `place` is where.
habit-split-number-title = a number in { $place } was split at its thousands separator
