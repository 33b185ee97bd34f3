# `planbook rollup … --unit 上级单位`：由下属单位汇总而成的上级单位数字。`$unit` 为单位名称。

## 表格标题。

consolidate-budget = { $unit } { $period } 合并预算（{ $currency }）
consolidate-budget-categories = { $unit } { $period } 合并预算·按类别（{ $currency }）
consolidate-budget-sections = { $unit } { $period } 合并预算·按分项（{ $currency }）
consolidate-headcount = { $unit } 截至 { $day } 合并人数
consolidate-attainment = { $unit } { $period } 合并指标达成

## 列标题。

consolidate-col-level = 层级
consolidate-col-unit = 单位
consolidate-col-basis = 所用预算
consolidate-col-budget = 预算
consolidate-col-on-staff = 在岗人数
consolidate-col-outside = 其中编制外
consolidate-col-contributors = 计入单位

## 单元格中的文字。

# 与所查期间完全一致的预算。
consolidate-basis-exact = 本期预算
# 没有该季度或年度的预算：将其各月预算相加。
consolidate-basis-months = 月度预算合计（{ $count } 个月）
consolidate-basis-quarters = 季度预算合计（{ $count } 个季度）
# 该期间没有预算的单位：单独列出，不按零计算。
consolidate-basis-missing = 缺预算
consolidate-basis-out-of-range = 未计入：超出可精确计算的范围
consolidate-no-roster = 无花名册
# 排在某单位的下属单位之后：该单位及其下属单位合计。
consolidate-subtotal = { $unit }（含下属单位）小计
consolidate-total = 集团合计
# 按人设定的目标：指标与岗位。
consolidate-kpi-per-post = { $kpi }（每名{ $post }）

## 工作簿的工作表名称。

consolidate-sheet-budget = 合并预算
consolidate-sheet-categories = 合并预算类别
consolidate-sheet-sections = 合并预算分项
consolidate-sheet-headcount = 合并人数
consolidate-sheet-attainment = 合并指标达成

## `planbook rollup` 在表格之外输出的内容。

consolidate-left-out = 错误：`{ $unit }` 的预算未计入 { $period } 的合并，因为其数字之和超出可精确计算的范围；请运行 `planbook check` 查看
