# 中文输入法或电子表格带来的书写习惯（schema::habits）：帮助信息指出是哪种习惯，并给出应写的内容。
# `found` 为原写法，`fixed` 为应写的值。

habit-fix-write = 改为 `{ $text }`
habit-fix-rename = 将 `{ $from }` 改为 `{ $to }`
habit-full-width-digits = `{ $found }` 使用了全角数字；应写作 `{ $fixed }`
habit-thousands = 应写作 `{ $fixed }`（数字不能带千位分隔符）
habit-split-number = 在单行映射 `{ "{" } … { "}" }` 中，逗号用于分隔字段，`{ $found }` 因此被拆成了几个字段；应写作 `{ $fixed }`（数字不能带千位分隔符）
habit-percent = 应写作 `{ $fixed }`，不带 `%`：百分比（评分，或单位为 % 的指标）直接写百分数的数值
habit-chinese-unit = `{ $found }` 即 { $fixed }；应写作 `{ $fixed }`（数字请用阿拉伯数字书写，不要带“千”“万”“亿”）
habit-currency = 应写作 `{ $fixed }`，不带货币符号或“元”：币种由 `currency:` 指定
habit-full-width-space = `{ $found }` 中含有全角空格；应写作 `{ $fixed }`
habit-date = 日期应写作 `{ $fixed }`（年-月-日，用 `-` 分隔）
habit-period = 期间应写作 `{ $fixed }`
habit-quote-id = 用作编号的数字必须加引号：`{ $field }: '{ $raw }'`
habit-quote-text = `{ $field }` 是文本，数字请加引号：`{ $field }: '{ $raw }'`
habit-full-width-colon = `：` 是全角冒号，YAML 不把它当作冒号；应写作 `{ $fixed }`（半角 `:` 后加一个空格）
habit-person-name = `{ $name }` 是 `{ $id }` 的姓名；应写作 `{ $id }`
habit-person-names = `{ $name }` 是 { $ids } 的姓名；请写明所指人员的编号
# 单行映射中的数字被千位分隔符拆开时的消息；`place` 为位置。
habit-split-number-title = { $place } 中的数字在千位分隔符处被拆开了
