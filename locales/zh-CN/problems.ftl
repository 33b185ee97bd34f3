# 问题、措施、工作板块，以及计入更长期间目标的目标
# （`validate::problems`、`rollup::areas`、`rollup::year_to_date`）。

noun-problem = 问题
noun-measure = 措施
noun-area = 工作板块

problems-duplicate-id = 本计划中{ $what }编号 `{ $id }` 用了两次
problems-first-here = 首次在此使用
problems-duplicate-id-help = 给每一项各自的编号，或将两项合并
problems-unknown-problem-help = 在 `problems:` 下给该问题加上 `id:`，再在 `answers:` 中写这个编号
problems-unanswered = 未解决的问题 `{ $id }`（{ $title }）没有任何措施或任务应对
problems-unanswered-help = 在某项措施或任务的 `answers:` 中写上 `{ $id }`，或将该问题设为 `status: resolved`
problems-unknown-area-help = 在计划的 `areas:` 下声明该板块，写明 `id:` 和 `name:`
problems-empty-area = 工作板块 `{ $id }`（{ $name }）下没有任何任务或措施
problems-empty-area-help = 给任务或措施写上 `area: { $id }`，或删除该板块
problems-contribution-outside = 本计划的期间是 `{ $period }`，不在 `{ $longer }` 之内
problems-plan-period = 计划期间
problems-contribution-outside-help = `contributes_to:` 应写包含 `{ $period }` 的更长期间，例如所在年度
problems-no-longer-plan = `{ $unit }` 没有 `{ $longer }` 的计划可供计入
problems-no-longer-plan-help = 编写 `{ $longer }` 的计划并列出该目标，或删除 `contributes_to:`
problems-unknown-annual-target = `{ $longer }` 的计划中没有范围、岗位、地区都相同的 `{ $kpi }` 目标
problems-target-key = 本目标：范围 { $scope }，岗位 { $post }，地区 { $region }
problems-longer-plan-kpis = `{ $longer }` 的计划中有以下指标的目标：{ $kpis }
problems-longer-plan-no-targets = `{ $longer }` 的计划中没有任何目标

# `planbook rollup areas`
rollup-areas = 工作板块
rollup-sheet-areas = 工作板块
rollup-col-area = 板块
rollup-col-tasks = 任务数
rollup-col-done = 已完成
rollup-col-in-progress = 进行中
rollup-col-blocked = 受阻
rollup-col-not-started = 未开始
rollup-col-dropped = 已取消
rollup-col-no-status = 未填状态
rollup-col-done-pct = 完成率
rollup-col-measures = 措施数
rollup-area-none = （未分板块）

# `rollup attainment` 中的年累计
rollup-col-ytd = 年累计
rollup-col-annual = 年度目标
rollup-col-ytd-share = 占年度目标
rollup-col-elapsed = 已过期间
rollup-ytd-elapsed = { $elapsed }/{ $total }

# 手册：实际值下方的年累计，板块进度
handbook-ytd = 年累计 { $actual }，年度目标 { $annual }（{ $share }），已过 { $elapsed }/{ $total } 期
handbook-ytd-no-share = 年累计 { $actual }，年度目标 { $annual }，已过 { $elapsed }/{ $total } 期
handbook-ytd-no-actual = 本年尚无实际值，年度目标 { $annual }，已过 { $elapsed }/{ $total } 期
handbook-ytd-no-annual = 年累计 { $actual }，已过 { $elapsed }/{ $total } 期
handbook-ytd-elapsed = 本年已过 { $elapsed }/{ $total } 期
handbook-ytd-missing = ；{ $periods } 无实际值
handbook-area-progress = { $tasks } 项任务已完成 { $done } 项（{ $pct }）
problems-contribution-same = 本计划的期间就是 `{ $period }`：`contributes_to` 应指向比本计划更长的期间
