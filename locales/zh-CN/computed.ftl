# 根据数据中写明的规则计算的数字（compute、validate::computed）：planbook.yaml 中的折算表、
# `tally` 实际值、`allowance` 预算明细、按达成率计分的考评项目。

## 计算过程。

# `steps` 列出每个输入及折算结果：`120 → 2、45 → 1`。
computed-tally-working = 共 { $count } 项：{ $steps }；合计 { $total }
computed-person = `{ $id }` { $name } { $count } 个县 → { $value }
computed-person-no-count = `{ $id }` { $name } 人员编制中未填县数 → 0
# `steps` 为每人的计算过程。
computed-allowance-working = { $steps }；合计 { $total }
computed-join = { $head }；{ $tail }
computed-nothing = 该明细的岗位上无人
# `of` 为地区、大区或单位名称；`kpi` 为指标名称。
computed-scale = { $of }{ $kpi } { $actual }，目标 { $target }，达成率 { $pct }% → { $points } 分
computed-scale-capped = { $of }{ $kpi } { $actual }，目标 { $target }，达成率 { $pct }% → 封顶 { $points } 分
computed-scale-below = { $of }{ $kpi } { $actual }，未达保底 { $floor } → { $points } 分
computed-fix-write = 改为 `{ $text }`

## config.table-form、config.table-tiers、config.duplicate-table

computed-duplicate-table = 折算表 `{ $id }` 重复定义
computed-table-both = 折算表 `{ $id }` 同时写了 `tiers` 和 `first`/`each_more`
computed-table-neither = 折算表 `{ $id }` 既没有 `tiers`，也没有 `first`/`each_more`
computed-table-form-help = 分档折算请写 `tiers`（`from` → `value`），按数量计算请写 `first` 和 `each_more`
computed-tiers-same-from = 折算表 `{ $id }` 有两档都从 { $from } 起
computed-tiers-fall = 折算表 `{ $id }` 中，从 { $from } 起的一档折算为 { $value }，少于从 { $low_from } 起一档的 { $low_value }
computed-tiers-other = 另一档
computed-tiers-help = 每档的 `from` 各不相同，且折算值不低于下一档

## document.unknown-table

computed-noun-table = 折算表

## review.tally-mismatch

# `working` 为折算过程：`共 3 项：120 → 2、45 → 1、310 → 4；合计 7`。
computed-tally-mismatch = `{ $kpi }` 的实际值与折算结果不符：{ $working }，填写的是 { $written }
computed-the-tally = 折算依据
computed-tally-mismatch-help = 请填写折算合计，或更正输入数据，或删去 `actual` 直接采用折算结果

## budget.allowance-count、budget.allowance-mismatch

computed-allowance-count = `{ $id }` { $name } 在 { $day } 的人员编制中未填 `counties`（负责县数），明细 `{ $item }` 按 0 个县计算
computed-on-the-roster = 人员编制中的记录
computed-allowance-count-help = 请在人员编制中为此人填写 `counties:`（或在 `changes` 中按日期填写）
computed-allowance-mismatch = 科目 `{ $line }` 的明细 `{ $item }` 为 { $written }，但按补贴标准计算应为 { $computed }
computed-the-allowance = 补贴标准
computed-allowance-mismatch-help = 请将计算结果填入 `amount`，或删去金额直接采用计算结果

## review.score-computed

computed-score = `{ $person }` 的考评项目 `{ $component }` 填写为 { $written } 分，但该项按达成率计算：{ $working }
computed-score-help = 删去该考评项目（或留空）即采用计算得分

## 手册：回顾页和预算页上计算所得数字的计算过程。

computed-page-heading = 计算过程
# `what` 为指标名称（及地区），或人员姓名与考评项目名称。
computed-page-line = { $what }：{ $working }
computed-table-negative = 折算表 `{ $id }` 给出的值为 { $value }：折算表给出的值不能小于零
