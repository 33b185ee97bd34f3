# 模式错误：值的类型或格式不对。

schema-expected-one-of = 应为以下之一：{ $items }

## 位置：下文的 `place` 为 schema-the-document 或 schema-place。

schema-the-document = 文档
# 文档中的字段：`lines[0].amount`。
schema-place = `{ $place }`

## 字段。

schema-unknown-field = 未知字段 `{ $name }`
schema-unknown-field-in = `{ $place }` 中有未知字段 `{ $name }`
schema-missing-field = 缺少必填字段 `{ $name }`
schema-missing-field-in = `{ $place }` 缺少必填字段 `{ $name }`
schema-required-here = 此处必须填写 `{ $name }`

## 类型。`expected` 为一条或多条 schema-type-… 消息，`found` 为 yaml-type-… 消息。

schema-expected-type = { $place } 应为{ $expected }，实际为{ $found }
schema-expected = 应为{ $expected }
schema-type-list = 列表
schema-type-boolean = `true` 或 `false`
schema-type-integer = 整数
schema-type-null = 空值
schema-type-number = 数字
schema-type-mapping = 映射
schema-type-text = 文本
schema-type-or = { $first }或{ $second }
schema-help-unquote = 数字不要加引号或千位分隔符，应写作 `{ $number }`
schema-help-plain-number = 请直接写数字，如 46000 或 1350.5
schema-help-boolean = 只有 `true` 和 `false` 才是布尔值；`{ $text }` 是文本
schema-help-empty = 该值为空；请填写，或删除这个键
schema-help-list = 列表的每一项请以 `- ` 开头

## 值。

schema-not-allowed = `{ $found }` 不是 { $place } 允许的取值
schema-expected-constant = { $place } 应为 `{ $expected }`，实际为 `{ $found }`
schema-below-minimum = { $found } 小于 { $place } 允许的最小值 { $limit }
schema-above-maximum = { $found } 大于 { $place } 允许的最大值 { $limit }
schema-not-empty = { $place } 不能为空
# `detail` 为模式校验器给出的（英文）原话；罕见。
schema-mismatch = { $place } 不符合模式：{ $detail }

## 书写格式（model::forms）：`what` 为某条 schema-form-… 消息。

schema-not-form = `{ $found }` 不是有效的{ $what }（{ $place }）
schema-not-pattern = `{ $found }` 的格式不符合要求（{ $place }）
schema-pattern-help = 必须符合格式 `{ $pattern }`
schema-form-period = 期间
schema-form-period-help = 请写月份（`2026-12`）、季度（`2026-Q1`）或年份（`2026`）
schema-form-date = 日期
schema-form-date-help = 日期请写成 `YYYY-MM-DD`，如 `2026-12-01`
schema-form-duration = 时长
schema-form-duration-help = 请写天数或周数，如 `10d` 或 `2w`，最多 36500 天（5214 周）
schema-form-currency = 货币代码
schema-form-currency-help = 请写三个字母的货币代码（`ISO 4217`），如 `CNY`
schema-form-id = 编号
schema-form-id-help = 编号中不能有空格、斜杠或不可见字符；可写作如 `regional-manager`

## 超出精确计算范围的数字（number.out-of-range）。

schema-number-not-decimal = `{ $raw }` 不是可以精确计算的数字；请用十进制数字书写，如 46000 或 1350.50
schema-number-too-many-digits = `{ $raw }` 的整数部分有 { $digits } 位；最多只能精确计算 { $max } 位（即小于一千万亿的数）
schema-number-too-many-decimals = `{ $raw }` 有 { $decimals } 位小数；最多只能精确计算 { $max } 位小数
