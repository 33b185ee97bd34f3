# `planbook rollup headcount`：某日的在岗人数、大区人数、代理与编外人员，以及逐月人数
# （`--from`/`--to`）。`$roster` 为 `rollup-roster-head`。

# 概况表的标题：管理者首先读到的一句话。
rollup-headcount-summary = { $roster }：编制 { $establishment } 人，在岗 { $headcount } 人（其中编制外 { $outside } 人）
rollup-headcount-groups = { $roster } — 大区人数
rollup-headcount-acting = { $roster } — 代理其他岗位（只在本岗位计人数）
rollup-headcount-outside = { $roster } — 编外人员（不在名册上，不计人数）
rollup-headcount-trend = { $unit } — 各月人数（按月末计）

## 概况表各行。

rollup-headcount-row-establishment = 编制（编制内岗位）
rollup-headcount-row-establishment-outside = 编制外岗位的定员
rollup-headcount-row-headcount = 在岗人数
rollup-headcount-row-outside-establishment = 其中编制外岗位人数
rollup-headcount-row-vacancies = 编制内空缺
rollup-headcount-row-over = 超编人数
rollup-headcount-row-acting = 代理其他岗位
rollup-headcount-row-outside = 编外人员

## 列标题与单元格中的文字。

rollup-headcount-col-value = 数值
rollup-headcount-col-acting = 代理人数
rollup-headcount-col-note = 备注
rollup-headcount-col-group = 大区
rollup-headcount-col-regions = 所辖地区
rollup-headcount-col-manager = 负责人
rollup-headcount-col-own-post = 本岗位
rollup-headcount-col-acting-post = 代理岗位
rollup-headcount-col-from = 起始日期
rollup-headcount-col-until = 截止日期
rollup-headcount-col-role = 角色
rollup-headcount-col-count = 人数
rollup-headcount-col-paid-by = 薪酬来源
rollup-headcount-col-month = 月份
rollup-headcount-col-outside-establishment = 其中编制外
rollup-headcount-col-joiners = 入职
rollup-headcount-col-leavers = 离职
# `in_establishment: false` 的岗位在备注列中的文字。
rollup-headcount-outside-post = 编制外

## 工作簿的工作表名称（后接单位名称，合计不超过 31 个字符）。

rollup-headcount-sheet-headcount-summary = 人数概况
rollup-headcount-sheet-groups = 大区人数
rollup-headcount-sheet-acting = 代理岗位
rollup-headcount-sheet-outside = 编外人员
rollup-headcount-sheet-by-month = 各月人数

## `planbook rollup headcount` 在表格之外输出的内容。

rollup-headcount-only = `{ $option }` 只用于 `planbook rollup headcount`
rollup-headcount-no-months = `--from { $from }` 晚于 `--to { $to }`，没有可显示的月份
