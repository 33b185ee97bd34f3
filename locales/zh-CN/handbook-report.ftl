# 可打印的月度报告（render::view::report）。数字传入时已格式化。

# 月度报告的页面标题；`unit` 是单位名称，`period` 是格式化后的月份。
handbook-report-title-month = { $unit }月度报告（{ $period }）
# 季度或年度报告的页面标题。
handbook-report-title = { $unit }{ $period }工作报告
# 各部分的标题，按显示顺序编号。
handbook-report-heading = { $number }、{ $title }
# 编制表下的说明；`date` 是期间的最后一天。
handbook-report-as-of = 在岗人数截至{ $date }
# 目标的适用范围：所针对的地区（或大区）。
handbook-report-region = 地区：{ $region }
# 目标的适用范围：该岗位每人。
handbook-report-per-post = 每名{ $post }
# 考评表的一组考评项目及其权重（百分比）。
handbook-report-group-weight = { $name }{ $weight }%
# 考评表的分组列表。
handbook-report-groups = 分组：{ $groups }
# 每个考评项目可给的分值范围。
handbook-report-points = 每项得分：{ $min }—{ $max }分
# 加权得分之外最多可加的分数。
handbook-report-bonus-max = 加分：最多{ $max }分
# 按指标达成情况计分的考评项目如何计分。
handbook-report-scale = 达到保底得{ $floor }分，达到目标得{ $target }分
handbook-report-scale-cap = ，最高{ $cap }分
# 执行情况：有实际数的指标中达标和仅过保底的项数。
handbook-report-targets-met = 指标：{ $total }项中达标{ $met }项，仅过保底{ $floor }项。
# 执行情况：任务完成情况。
handbook-report-tasks-done = 任务：{ $total }项中完成{ $done }项。
# 执行情况：实际费用与预算比较；`variance` 为实际减预算。
handbook-report-spend = 费用：实际{ $actual }，预算{ $budget }，差异{ $variance }。
# 目标的适用范围：所针对的大区，或由其所辖地区汇总。
handbook-report-group = 大区：{ $group }
