# 回顾的自我核对（validate::consistency）：推算指标，以及写成小数的百分比。

## config.derived-form：指标的 `derived:` 写 `from:`，或写 `plus:`/`minus:`，二者不可兼有。

consistency-derived-neither = 指标 `{ $kpi }` 的 `derived` 既未写明来源 `from`，也未写明加上（`plus`）或减去（`minus`）哪些指标
consistency-derived-both = 指标 `{ $kpi }` 的 `derived` 同时写了 `from` 和 `plus`/`minus`
consistency-derived-form-help = 请写 `from: spend`、`budget` 或 `headcount`；或写 `plus:` 与 `minus:` 指标列表

## config.derived-cycle：`$chain` 为依次排列、以箭头连接的指标。

consistency-derived-cycle = 指标 `{ $kpi }` 由其自身推算：{ $chain }
consistency-derived-cycle-closes = 由此又回到该指标
consistency-derived-cycle-help = 请改由不依赖该指标的数据推算

## review.derived-mismatch：`$actual` 与 `$expected` 为带千分位的数字。

consistency-mismatch-spend = `{ $kpi }` 填报为 { $actual }，但各项实际支出合计为 { $expected }
consistency-mismatch-budget = `{ $kpi }` 填报为 { $actual }，但本期预算总额为 { $expected }
consistency-mismatch-headcount = `{ $kpi }` 填报为 { $actual }，但期末在岗人数为 { $expected }
consistency-mismatch-kpis = `{ $kpi }` 填报为 { $actual }，但按相关指标计算应为 { $expected }
# `$terms`：“`rent` 46,000 + `salary` 75,800”。
consistency-working-spend = 共 { $count } 项实际支出：{ $terms } = { $total }
consistency-working-budget = `{ $file }` 共 { $count } 个科目，合计 { $total }
consistency-working-headcount = `{ $unit }` 于 { $day } 在岗 { $count } 人
consistency-working-kpis = { $terms } = { $total }
consistency-derived-here = `{ $kpi }` 的推算方式在此
consistency-the-budget = 该预算
consistency-operand = `{ $kpi }`
consistency-tolerance = 允许的差额不超过 { $tolerance }
consistency-derived-fix = 改为 { $value }

## document.percent-as-fraction：`$value` 为所填数值，`$other` 为同一指标以百分数填写的数值，
## `$fixed` 为所填数值乘以 100。

consistency-fraction = `{ $kpi }` 是百分比指标，{ $value } 却像是小数写法（其他处为 { $other }）
consistency-fraction-help = { $fixed }% 请写作 { $fixed }
consistency-fraction-fix = 改为 { $fixed }
