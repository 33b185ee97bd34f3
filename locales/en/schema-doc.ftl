## Descriptions in the JSON Schemas (`planbook schema`), shown by editors on hover. They say
## what `planbook check` refuses that a schema cannot express.

schema-doc-money = An amount of money, a plain number such as `46000` or `1350.50`.
schema-doc-figure = A number such as `300`, `0.95` or `60`.
schema-doc-number-limits = Less than { $limit } either way (at most { $digits } digits before the decimal point), with at most { $decimals } decimal places. No quotes, no thousands separators and no leading zero: planbook refuses `0500` as ambiguous (write `500`), although YAML reads it as 500.
schema-doc-id = An id: any characters except spaces, slashes (`/`, `\`), control characters and invisible formatting characters; Chinese is fine (`regional-manager`, `p001`, `郑州`). Quote an id made only of digits (`'001'`).
schema-doc-date = A calendar date, `YYYY-MM-DD`, that exists: planbook refuses `2026-02-30` and `2027-02-29`.
schema-doc-beyond = `planbook check` also checks what this schema cannot say: real calendar dates, numbers without a leading zero, sums and totals, dates in order, and references between documents. Run it before you commit.
