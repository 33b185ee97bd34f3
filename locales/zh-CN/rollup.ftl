# `planbook rollup`：表格标题、列名、单元格中的词语，以及表格之外输出的内容。

## 预算表。`$budget` 为 `rollup-budget-head`。

rollup-budget-head = { $unit } { $period }（{ $currency }）
rollup-budget-lines = { $budget } — 预算科目
rollup-budget-categories = { $budget } — 按费用类别
rollup-budget-totals = { $budget } — 合计
rollup-budget-limits = { $budget } — 限额
rollup-col-line = 科目
rollup-col-name = 名称
rollup-col-category = 类别
rollup-col-section = 分项
rollup-col-amount = 预算额
rollup-col-breakdown = 明细合计
rollup-col-previous = 上期
rollup-col-actual = 实际
rollup-col-variance = 差异
rollup-col-variance-pct = 差异率
rollup-col-share = 占比
rollup-col-figure = 项目
rollup-col-computed = 计算数
rollup-col-declared = 填报数
rollup-col-limit = 限额
rollup-col-max = 上限
rollup-col-used = 已用
rollup-col-headroom = 余额
rollup-col-used-pct = 使用率
# 表格最后一行，为上面各行之和。
rollup-total = 合计
# 预算的一个分项：名称与编号。
rollup-name-id = { $name }（{ $id }）
rollup-year-to-date = 本年累计（自 { $from } 起，共 { $budgets } 份预算）
rollup-year-to-date-actual = 本年累计实际

## 编制表。`$roster` 为 `rollup-roster-head` 或单位名称。

rollup-roster-head = { $unit }（截至 { $day }）
rollup-headcount-posts = { $roster } — 岗位编制
rollup-headcount-regions = { $roster } — 地区人数
rollup-headcount-span = { $roster } — 管理幅度（管理层级 { $depth } 级，上限 { $max } 级）
rollup-col-post = 岗位
rollup-col-title = 岗位名称
rollup-col-class = 岗位类别
rollup-col-establishment = 编制
rollup-col-headcount = 在岗人数
rollup-col-vacancies = 空编
rollup-col-over = 超编
rollup-col-region = 地区
rollup-col-includes = 含并入地区
rollup-col-person-name = 姓名
rollup-col-person = 人员
rollup-col-direct-reports = 直接下属
rollup-col-all-reports = 全部下属

## 指标达成表。

rollup-attainment = 指标达成
rollup-attainment-hierarchy = 按单位层级汇总的指标达成
rollup-col-unit = 单位
rollup-col-period = 期间
rollup-col-kpi = 指标
rollup-col-scope = 适用范围
rollup-col-better = 方向
rollup-col-target = 目标
# 越高越好的指标可接受的最低值。
rollup-col-floor = 保底
# 越低越好的指标（费用、投诉）可接受的最高值。
rollup-col-ceiling = 上限
# 两类指标同表时的可接受界限：保底或上限。
rollup-col-threshold = 底线
rollup-col-range = 区间
rollup-col-attainment = 达成率
rollup-col-standing = 达成情况
rollup-col-rule = 汇总方式
rollup-col-units = 单位数
# 指标及其计量单位。
rollup-kpi-measure = { $kpi }（{ $measure }）
# 适用于该岗位每个人的目标。
rollup-per-post = 每名{ $post }
rollup-scope-per-post = { $scope }，每名{ $post }
rollup-better-higher = 越高越好
rollup-better-lower = 越低越好
rollup-standing-met = 达成
rollup-standing-above-floor = 达保底
# 越低越好的指标超过目标，但未超上限。
rollup-standing-within-ceiling = 未超上限
rollup-standing-missed = 未达成
rollup-standing-no-actual = 无实际数
rollup-aggregate-sum = 求和
rollup-aggregate-mean = 平均
rollup-aggregate-min = 取最小值
rollup-aggregate-max = 取最大值

## 考评得分表。

rollup-scores = 考评得分
rollup-scores-by-post = 各岗位平均得分
rollup-scores-by-region = 各地区平均得分
rollup-col-rank = 排名
rollup-col-components = 考评项目
rollup-col-score = 得分
rollup-col-people = 人数
rollup-col-mean = 平均分

## 趋势表。

rollup-trends-kpis = 指标趋势
rollup-trends-categories = 预算类别趋势
rollup-col-series = 项目
rollup-col-planned = 计划

## 工作簿的工作表名称（后接单位与期间，合计不超过 31 个字符）。

rollup-sheet-lines = 预算科目
rollup-sheet-categories = 预算类别
rollup-sheet-totals = 预算合计
rollup-sheet-limits = 预算限额
rollup-sheet-posts = 岗位编制
rollup-sheet-regions = 地区人数
rollup-sheet-span = 管理幅度
rollup-sheet-attainment = 指标达成
rollup-sheet-hierarchy = 层级汇总
rollup-sheet-scores = 考评得分
rollup-sheet-by-post = 岗位平均分
rollup-sheet-by-region = 地区平均分
rollup-sheet-kpi-trends = 指标趋势
rollup-sheet-category-trends = 类别趋势

## `planbook rollup` 在表格之外输出的内容。

rollup-unknown-unit = 未知的单位 `{ $unit }`；已有的单位为 { $units }
rollup-left-out = 错误：`{ $unit }` { $period } 的预算未计入汇总，因为其数字的和或积超出可精确计算的范围；请运行 `planbook check` 查看
rollup-load-problems = 提示：加载时发现 { $count } 个问题，未能加载的文档未计入汇总；请运行 `planbook check` 查看
rollup-xlsx-needs-file = `--format xlsx` 需写入文件：请加上 `-o 文件名.xlsx`
rollup-write-failed = 无法写入 `{ $path }`
rollup-wrote = 已写入 `{ $path }`
