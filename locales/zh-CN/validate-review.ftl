# 回顾的规则（validate::review）：对照其计划、计划的预算与人员编制。

## 目标或实际数所指的对象：一个指标，可能限定范围，可能按岗位人均。

# 仅有编号时末尾带一个空格，使其后紧接的汉字与反引号之间隔开；带括号时不需要。
review-kpi = `{ $kpi }`{" "}
review-kpi-scope = `{ $kpi }`（{ $scope }）
review-kpi-post = `{ $kpi }`（岗位 `{ $post }` 人均）
review-kpi-scope-post = `{ $kpi }`（{ $scope }，岗位 `{ $post }` 人均）

## review.unplanned-actual 与 review.missing-actual；`what` 为上面 review-kpi 系列消息之一。

review-unplanned-actual = 指标 { $what }的实际数在计划中没有对应的目标
# 指向所回顾计划的期间。
review-the-plan = 所回顾的计划
review-unplanned-actual-help = 请对照计划的目标，核对该实际数的 `kpi`、`scope` 和 `per_post`
review-missing-actual = 指标 { $what }有目标，但没有填报实际数
review-plan-target = 计划中的目标
review-missing-actual-help = 即使未达成目标，也请填报实际数

## review.score-range、review.wrong-post、review.no-scorecard、review.unknown-component

# `name` 为人员姓名；`scored_as` 为回顾中填写的岗位，`post` 为人员编制中的岗位。
review-wrong-post = { $name }按岗位 `{ $scored_as }` 考评，但其岗位是 `{ $post }`
review-roster-post = 人员编制中的岗位
review-no-scorecard = { $name }有考评得分，但计划中没有岗位 `{ $post }` 的考评表
review-scorecard-for = 岗位 `{ $post }` 的考评表

## review.missing-value：尚待填写的值。

review-no-status = 任务 `{ $task }` 尚未填写进度
review-no-status-help = 请将 `status:` 设为 `not-started`（未开始）、`in-progress`（进行中）、`done`（已完成）、`blocked`（受阻）或 `dropped`（已取消）
# `components` 列出考评项目编号，各带反引号。
review-not-scored = `{ $person }` 的考评项目 { $components } 尚未打分
review-not-scored-help = 每个考评项目请给 0 到 100 分
review-no-spend = 科目 `{ $line }` 的实际支出尚未填写
review-no-spend-help = 请在 `actual:` 中填写实际支出的金额
