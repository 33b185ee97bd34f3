# 手册界面用语（`planbook build`、`planbook serve`）。带下划线的编号是模板中 `t.<编号>` 读取的标签；
# 以 `handbook-` 开头的编号由代码使用（带参数，或运行时拼出）。

actual = 实际
actual_spend = 实际支出
all_pages = 全部页面
amount = 金额
assessed_by = 考评人
attainment = 达成率
bonuses = 奖励项目
breakdown = 明细
budget = 预算
budget_vs_caps = 预算与限额
budgets = 预算
by_category = 按类别
cap = 限额
caps = 限额与余额
category = 类别
chart_table = 图表数据
class = 岗位类别
component = 考评项目
currency = 币种
declared = 填报数
depends_on = 前置任务
description = 说明
diagnostics_none = 没有发现问题。
direct_reports = 直接下属
documents = 文档
due = 截止
duties = 职责
email = 电子邮件
employment = 用工形式
end = 结束
errors = 错误
establishment = 编制
floor = 保底
generated_by = 由 planbook 生成
group = 分组
headcount = 在岗人数
headroom = 余额
home = 首页
item = 项目
kpi = 指标
latest_period = 最新期间
line = 科目
lines = 预算科目
manager = 上级
measured_on = 考评依据
met = 达成
above-floor = 达保底
missed = 未达成
no-actual = 无实际数
name = 姓名
narrative = 正文
nav = 栏目
no_results = 没有找到结果。
none = 无。
note = 备注
notes = 提示
open_problems = 待解决的问题
org_chart = 组织结构
over = 超编
owner = 负责人
pages = 页面
parent_unit = 上级单位
pay = 薪酬
people = 人员
per_post = 每名
period = 期间
person = 人员
phone = 电话
plan = 计划
plans = 计划
points = 得分
post = 岗位
posts = 岗位
previous = 上期
problem = 问题
problems = 问题
problems_intro = `planbook check` 对本手册所含文档报告的问题。
range = 区间
rank = 排名
region = 地区
regions = 地区
reports = 下属
review = 回顾
reviews = 回顾
roster = 人员编制
scope = 适用范围
score = 得分
scorecards = 考评表
scores = 考评得分
scores_over_time = 历次考评得分
search = 搜索
search_placeholder = 搜索手册
search_results = 搜索结果
search_needs_js = 搜索需要启用 JavaScript。
section = 分项
share = 占比
since = 入职
skip = 跳到正文
standing = 达成情况
start = 开始
status = 进度
sub_units = 下属单位
subtotal = 小计
target = 目标
targets = 目标
task = 任务
tasks = 任务
tasks_owned = 负责的任务
timeline = 进度安排
total = 合计
trends = 趋势
changes = 修改记录
recent_changes = 最近修改
last_changed = 最后修改
by = 修改人
change_history = 修改历史
set_by = 设定于
no_changes = 尚无修改记录。
unit = 单位
unit_price = 单价
units = 单位
until = 离职
used = 已用
vacancies = 空编
variance = 差异
warnings = 警告
weight = 权重
year_to_date = 本年累计
quantity = 数量
not-started = 未开始
in-progress = 进行中
done = 已完成
blocked = 受阻
dropped = 已取消
full-time = 全职
part-time = 兼职
contract = 合同制
secondment = 借调
temporary = 临时

floor_or_ceiling = 保底/上限
# 越低越好的指标（费用、投诉）的保底值，即不得超过的上限。
ceiling = 上限
# 越低越好的指标未超上限、但未达到目标。
within-ceiling = 未超上限

## 代码使用

# 搜索页输入查询后的状态。
handbook-search-found = 找到 { $count } 个结果
# 日期：2026年12月1日。
handbook-date = { $year }年{ $month }月{ $day }日
# `planbook serve` 在终端中的提示。
handbook-serve-listening = 手册已在 { $url } 提供浏览（文件修改后自动重建；按 Ctrl+C 停止）
handbook-serve-rebuilt = 已重建 { $pages } 个页面（重新生成 { $written } 个），用时 { $time }
handbook-serve-failed = 错误：重建失败，仍在提供上一次成功生成的手册：{ $error }
handbook-serve-cannot-listen = 无法在 { $address } 上监听
handbook-serve-no-address = 服务器没有 IP 地址
# 上一次重建失败时，`planbook serve` 在所提供的页面顶部显示的横幅。
handbook-serve-banner = 上一次重建失败，当前显示的是最后一次成功生成的手册。
# `planbook serve` 回复浏览器的纯文本。
handbook-serve-not-found = 未找到该页面
handbook-serve-bad-path = 路径无效
handbook-serve-moved = 已移至新地址
# 问题页（及首页）列出的问题数。
handbook-problem-counts = { $errors } 个错误 · { $warnings } 个警告 · { $notes } 条提示
# 无法生成手册的原因（`planbook build` 输出，`planbook serve` 也显示在页面上）；其后是模板引擎自身的信息。
handbook-builtin-template-broken = 内置模板无法编译
handbook-user-templates-broken = `templates/` 中的模板无法编译
handbook-render-failed = 无法用模板 `{ $template }` 生成 `{ $page }`
handbook-template-unreadable = 无法读取 `{ $path }`

# 行文中标签与内容之间、括注前后的标点。
colon = ：
open_paren = （
close_paren = ）

# Documents that could not be read (`render::broken`): beside every link to one, on its page,
# on the home and problems pages.
broken_marker = 无法读取
broken_intro = 此文档无法读取，因此不显示其内容。请修正下列问题后重新生成手册。
broken_person_intro = 此人所在的名册无法读取，因此不显示其页面。名册修正后即可恢复。
broken_file = 文件
broken_problems = 问题所在
broken_help = 建议
broken_people = 名册所列人员
broken_heading = 资料中的问题
broken_list_intro = 以下文档无法读取，其页面显示问题所在，而非文档内容：
partial_intro = 此文档有部分内容无法读取：出错的条目未在本页显示，合计也不含这些条目。

# 名册页（`render::view::roster`）：某日的单位人员、编制外岗位、大区、代理与编外人员、
# 各月人数、已离职人员。
roster_as_of = 截至
roster_outside_establishment = 编制外
roster_groups = 大区
roster_group = 大区
roster_group_regions = 所辖地区
roster_group_manager = 负责人
roster_acting = 代理其他岗位
roster_acting_intro = 只在本岗位计人数。
roster_own_post = 本岗位
roster_acting_post = 代理岗位
roster_from = 起始日期
roster_outside = 编外人员
roster_outside_intro = 仅作列示，不计入在岗人数和编制。
roster_role = 角色
roster_count = 人数
roster_paid_by = 薪酬来源
roster_by_month = 各月人数
roster_by_month_intro = 每月月末的在岗人数。
roster_month = 月份
roster_of_whom_outside = 其中编制外
roster_joined = 入职
roster_left = 离职
roster_former = 已离职人员
roster_later = 待入职人员
roster_post_acting = 代理
# 编制一行下的说明：`$establishment` 只计编制内岗位。
handbook-roster-staffing = 编制 { $establishment } 人，在岗 { $headcount } 人（其中编制外 { $outside } 人）
handbook-roster-outside-line = 编制外岗位：在岗 { $headcount } 人，定员 { $places } 人，不计入编制总数
score_bonus = 加分
# 计划中的关联（`render::view::plan_links`）：措施、工作板块、应对关系。
measures = 措施
measure = 措施
work_areas = 工作板块
work_area = 工作板块
answers = 应对问题
answered_by = 应对措施与任务
no_area = 未分板块
# report（`render::view::report`）：可打印的月度报告及指向它的链接。
report_column = 报告
report_list_sep = 、
report_print = 打印月度报告
report_problems = 存在问题
report_measures = 应对措施
report_establishment = 定岗定编
report_budget = 费用预算
report_targets = 经营目标
report_schedule = 工作安排
report_evaluation = 考评办法
report_results = 执行情况
report_number = 序号
report_problem = 问题
report_regions_of_group = 所辖地区
report_group_manager = 大区经理
report_breakdown = 数量 × 单价
report_subtotal = 小计
report_outside = 编制外
report_over_cap = 超出限额
report_scale = 计分方法
report_weighted = 加权得分
report_total_score = 总分
report_person = 姓名
report_documents = 依据文件
report_groups = 大区
report_rule_sep = ；
# attention：需关注事项（`render::view::attention`）与合并单位页。
attention = 需关注事项
attention_none = 目前没有需要关注的事项。
attention_action = 需处理
attention_watch = 需关注
attention_repository = 资料库
attention_legend = ▲ 超出预算、限额或编制 · ▼ 未达目标或缺编 · ⚠ 需要修正的问题
attention_count = 需关注
units_below = 下属单位
consolidated_budget = 合并预算
consolidated_actual = 实际支出
consolidated_other_periods = 其他期间
consolidated_period = 期间
# signals：与预算、限额、目标相比的超支/节余（render::view::figures）及图表图例。
sig_over = 超支
sig_under = 节余
sig_even = 持平
sig_over_cap = 超限
sig_within_cap = 未超限
sig_key_used = 已用
sig_key_cap_line = 竖线：限额
sig_key_target_line = 竖线：目标（100%）
sig_status = 状态
# search
search_hint = 可按姓名、岗位、地区、单位、编号及文档内容搜索；按 ↓ 键进入结果列表。
search_loading = 正在载入索引……
search_more = 显示更多结果
# directory：人员名录、组织架构图与单位树（render::view::directory、org、lists）。
directory_all = 全部人员
directory_order = 按姓名拼音排序。每页最多 500 人；点击页码进入分页，点击字母跳到该字母开头的姓名。
directory_by_unit = 按单位
directory_by_post = 按岗位
directory_by_region = 按地区
directory_letters = 首字母索引
directory_pages = 分页
directory_note = 备注
directory_namesake = 同名
directory_former = 已离职
directory_later = 待入职
directory_clear_filter = 查看全部人员
org_note = 前两级已展开，点击姓名前的 ▸ 可展开或收起其下属，点击姓名打开其个人页。姓名旁的人数为其全部下属人数。
org_above = 汇报关系
# trends
trends_lead = 每张图按月排列文档所涉及的期间。折线断开处表示该月没有数据；季度或年度数据横跨其所含月份。同一指标的各图采用相同刻度。
trends_overview = 预算与人员
trends_kpis = 指标
trends_spend = 预算与实际支出
trends_headcount = 在岗人数与编制
trends_actual = 实际
trends_target = 目标
trends_floor = 保底
trends_ceiling = 上限
trends_budget = 预算
trends_spent = 实际支出
trends_on_staff = 在岗人数
trends_establishment = 编制
trends_gap = 缺数月份
trends_figures = 数据表
trends_group = 合并
trends_units = 单位
trends_empty = 尚无带期间的计划、预算或回顾。
