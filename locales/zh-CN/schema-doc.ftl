## Descriptions in the JSON Schemas (`planbook schema`), shown by editors on hover. They say
## what `planbook check` refuses that a schema cannot express.

schema-doc-money = 金额，写成普通数字，如 `46000` 或 `1350.50`。
schema-doc-figure = 数值，如 `300`、`0.95` 或 `60`。
schema-doc-number-limits = 绝对值须小于 { $limit }（小数点前最多 { $digits } 位），小数最多 { $decimals } 位。不加引号、不加千位分隔符、不以 0 开头：`0500` 含义不明，planbook 不予接受（请写 `500`），尽管 YAML 会把它读作 500。
schema-doc-id = 编号：可用除空格、斜杠（`/`、`\`）、控制字符和不可见格式字符以外的任何字符，可以用中文（如 `regional-manager`、`p001`、`郑州`）。纯数字的编号请加引号（`'001'`）。
schema-doc-date = 日期，格式为 `YYYY-MM-DD`，且须是实际存在的日期：planbook 不接受 `2026-02-30`、`2027-02-29`。
schema-doc-beyond = `planbook check` 还会检查本 JSON Schema 无法表达的内容：日期是否真实存在、数字是否以 0 开头、合计与总额、日期先后，以及文档之间的引用。提交前请运行它。
