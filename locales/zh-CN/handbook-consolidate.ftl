# 有下属单位的单位页面：由下属单位汇总而成的数字。

consolidate-page-budget = 合并预算
# `$period` 为手册写法的期间，`$currency` 为币种代码。
consolidate-page-budget-caption = { $period }合并预算（{ $currency }）
consolidate-page-headcount = 人员编制
consolidate-page-headcount-caption = 截至{ $day }的人员编制
consolidate-page-attainment = 指标达成
consolidate-page-attainment-caption = { $period }合并指标达成
consolidate-page-unit = 单位
consolidate-page-basis = 所用预算
consolidate-page-budget-col = 预算
consolidate-page-actual = 实际
consolidate-page-establishment = 编制
consolidate-page-on-staff = 在岗人数
consolidate-page-outside = 其中编制外
consolidate-page-vacancies = 空编
consolidate-page-over = 超编
consolidate-page-kpi = 指标
consolidate-page-rule = 汇总方式
consolidate-page-target = 目标
consolidate-page-floor = 保底／上限
consolidate-page-attainment-col = 达成率
consolidate-page-contributors = 计入单位
consolidate-page-total = 集团合计
# 表格下方的说明。
consolidate-page-note = 各单位一行只计其本单位的文档；小计行为该单位及其下属单位之和。没有预算的单位列为缺预算，不按零计算。
