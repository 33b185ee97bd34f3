# 计划的规则（validate::plan）：负责人与岗位、目标、考评表与任务。

## plan.unknown-person

plan-owner-not-on-roster = 计划的负责人 `{ $person }` 不在 `{ $unit }` 的人员编制中
plan-task-owner-not-on-roster = 任务 `{ $task }` 的负责人 `{ $person }` 不在 `{ $unit }` 的人员编制中
# `name` 为人员姓名，`unit` 为其所在人员编制的单位。
plan-person-elsewhere = { $name }在 `{ $unit }` 的人员编制中

## plan.target-empty、plan.inverted-range、plan.floor-above-target

plan-target-empty = 指标 `{ $kpi }` 的目标没有填写任何数值
plan-target-empty-help = 请填写目标 `target`、保底 `floor` 或区间 `range`
plan-inverted-range = 指标 `{ $kpi }` 的区间下限 { $min } 大于上限 { $max }
# 指向区间的 `max`。
plan-range-maximum = 上限
plan-inverted-range-help = 请对调 `min` 与 `max`
# 用于越高越好的指标。
plan-floor-above-target = 指标 `{ $kpi }` 的保底 { $floor } 高于目标 { $target }（该指标越高越好）
# 用于越低越好的指标。
plan-floor-below-target = 指标 `{ $kpi }` 的保底 { $floor } 低于目标 { $target }（该指标越低越好）
# 指向目标值。
plan-the-target = 目标
plan-floor-help = 保底是可以接受的最低结果；如果两个数字填反了，请对调

## plan.duplicate-scorecard、plan.duplicate-component、plan.weights-sum

plan-duplicate-scorecard = 岗位 `{ $post }` 有第二张考评表
plan-first-scorecard = 第一张考评表
plan-duplicate-component = 岗位 `{ $post }` 的考评表中，考评项目 `{ $component }` 出现了两次
# 指向首次使用该编号的考评项目或任务。
plan-first-used-here = 首次使用处
plan-weights-sum = 岗位 `{ $post }` 考评表的权重合计为 { $sum }，而不是 100
# 各考评项目及其权重：`基本工作 60 + 销售 20`。
plan-weights-parts = { $parts }
plan-weights-reduce = 请将权重共减少 { $excess }
plan-weights-add = 请补足缺少的 { $missing }

## plan.duplicate-task、plan.task-cycle

plan-task-twice = 任务编号 `{ $id }` 重复使用
# `cycle` 为任务编号链：`a` → `b` → `a`。
plan-task-cycle = 任务之间存在循环依赖：{ $cycle }
plan-task-in-cycle = 任务 `{ $task }` 处于循环之中
plan-task-cycle-help = 请去掉其中一个依赖

## plan.task-dates；日期写作 2026-12-01。

plan-due-before-start = 任务 `{ $task }` 的截止日期 { $due } 早于开始日期 { $start }
plan-starts-here = 开始日期
# `duration` 为 plan-duration-weeks 或 plan-duration-days。
plan-duration-mismatch = 任务 `{ $task }` 于 { $start } 开始，历时 { $duration }，应于 { $end } 结束，与截止日期 { $due } 不符
# 任务的工期：`2w`、`3d`。
plan-duration-weeks = { $count } 周
plan-duration-days = { $count } 天
plan-due-date = 截止日期
plan-duration-help = 请只保留 `duration` 或 `due` 其中之一
plan-starts-before-dependency = 任务 `{ $task }` 于 { $start } 开始，但其前置任务 `{ $dependency }` 到 { $end } 才结束
plan-the-dependency = 前置任务

## plan.task-outside-period：`period` 为 2026-12、2026-Q4 或 2026；`first` 与 `last` 为其首末日。

plan-starts-outside = 任务 `{ $task }` 的开始日期 { $date } 不在计划期间 { $period }（{ $first } 至 { $last }）之内
plan-due-outside = 任务 `{ $task }` 的截止日期 { $date } 不在计划期间 { $period }（{ $first } 至 { $last }）之内
plan-ends-outside = 任务 `{ $task }` 的结束日期 { $date } 不在计划期间 { $period }（{ $first } 至 { $last }）之内
plan-the-period = 计划期间
