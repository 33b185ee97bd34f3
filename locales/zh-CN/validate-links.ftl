# 跨文档规则（validate::links）：单位与指标对照 planbook.yaml，预算对照人员编制，计划对照预算，
# 回顾对照计划。

links-unknown-unit = 未知的单位 `{ $id }`
links-unknown-unit-help = 请在 `planbook.yaml` 的 `units:` 下添加该单位
links-unknown-kpi = 未知的指标 `{ $id }`
links-unknown-kpi-help = 请在 `planbook.yaml` 的 `kpis:` 中添加该指标

## 文档类型，用作句中的名词。

links-kind-config = 配置
links-kind-roster = 人员编制
links-kind-budget = 预算
links-kind-plan = 计划
links-kind-review = 回顾
links-kind-page = 页面

# 同一单位（人员编制）或同一单位同一期间有两份同类文档；`kind` 为 links-kind-* 名词。
links-duplicate = 单位 `{ $unit }` 有第二份{ $kind }
links-duplicate-period = 单位 `{ $unit }` 在 { $period } 有第二份{ $kind }
links-duplicate-first = 第一份{ $kind }
links-duplicate-help = 请合并这两份文档，或更正单位或期间

# 关联岗位的预算明细所计人数既不等于该岗位的编制，也不等于在岗人数；`quantity` 为明细中填写的数量。
links-headcount = 科目 `{ $line }` 的明细 `{ $item }` 为岗位 `{ $post }` 计 { $quantity } 人，而该岗位编制 { $establishment } 人、在岗 { $people } 人
# `title` 为岗位名称。
links-authorised = { $title }编制 { $establishment } 人
links-headcount-use = 请填 { $establishment }
links-headcount-use-either = 请填 { $establishment }（编制人数）或 { $people }（预算期末在岗人数）

## 计划的 `budget:` 链接。

links-budget-missing = 链接的预算 `{ $link }` 不存在
# `path` 为链接指向的位置（相对于仓库根目录）。
links-looked-for = 查找的位置为 `{ $path }`
links-budget-missing-help = 该路径相对于本计划文件所在的位置
links-not-a-budget = `{ $link }` 是{ $kind }，不是预算
links-budget-mismatch = 单位 `{ $unit }` { $period } 的计划链接了单位 `{ $budget_unit }` { $budget_period } 的预算
links-budget-period = 预算的期间

## 回顾对应的计划。

links-not-a-plan = `{ $link }` 是{ $kind }，不是计划
links-not-a-plan-help = 请链接计划文档本身
links-plan-missing = 链接的计划 `{ $link }` 不存在
links-plan-missing-help = 查找的位置为 `{ $path }`；该路径相对于本回顾文件所在的位置
links-no-plan = 单位 `{ $unit }` 没有涵盖 { $period } 的计划
links-no-plan-help = 请编写计划，或用 `plan:` 链接计划（路径相对于本文件）
links-plan-mismatch = 单位 `{ $unit }` { $period } 的回顾链接了单位 `{ $plan_unit }` { $plan_period } 的计划
links-plan-period = 计划的期间
