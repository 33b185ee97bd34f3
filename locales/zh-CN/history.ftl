# 修改历史：`planbook log`、`diff`、`blame` 以及手册中的历史说明。

## 一项字段改动，写成一句话。`$label` 是字段（`租赁费 预算`），`$item` 是列表中的一项
## （`科目 广告费`），数值照原样显示。

history-changed = { $label }由 { $before } 改为 { $after }
history-set-to = { $label }设为 { $value }
history-cleared = { $label }已清除（原为 { $value }）
history-item-added = 新增{ $item }
history-item-removed = 删除{ $item }
history-item-changed = 修改{ $item }

## 整份文档的变化。

history-doc-added = 新建
history-doc-removed = 删除
history-doc-moved = 由 { $from } 移来
# `planbook log` 与 `planbook diff` 中的一行：文档、路径及其变化。
history-line-modified = { $doc }（{ $path }）
history-line-added = 新建 { $doc }（{ $path }）
history-line-removed = 删除 { $doc }（{ $path }）
history-line-moved = { $doc }（{ $path }）由 { $from } 移来

## 按身份称呼文档。`$unit` 是单位，`$period` 是期间。

history-doc-config = 配置文件
history-doc-roster = { $unit } 人员编制
history-doc-budget = { $unit } { $period }预算
history-doc-plan = { $unit } { $period }计划
history-doc-review = { $unit } { $period }回顾
history-doc-page = 页面 { $path }

## 改动所指列表项的名词：`科目 租赁费`、`人员 王磊`。

history-list-lines = 科目
history-list-people = 人员
history-list-posts = 岗位
history-list-regions = 地区
history-list-sections = 分项
history-list-limits = 限额
history-list-breakdown = 明细项
history-list-targets = 目标
history-list-tasks = 任务
history-list-scorecards = 考评表
history-list-components = 考评项目
history-list-problems = 问题
history-list-actuals = 实际数
history-list-spend = 支出
history-list-scores = 得分
history-list-units = 单位
history-list-kpis = 指标
history-list-bonuses = 奖励项目
history-list-categories = 类别
history-list-post_classes = 岗位类别

## 字段名称。列表项的字段另有叫法时用 `history-field-<列表>-<字段>`（预算科目的金额即“预算”），
## 否则用 `history-field-<字段>`。

history-field-actual = 实际数
history-field-aggregate = 汇总方式
history-field-amount = 金额
history-field-as_of = 截至日期
history-field-assessed_by = 考评人
history-field-author = 作者
history-field-better = 方向
history-field-body = 正文
history-field-budget = 预算
history-field-category = 类别
history-field-class = 岗位类别
history-field-currency = 币种
history-field-depends_on = 前置任务
history-field-description = 说明
history-field-detail = 明细
history-field-due = 截止日期
history-field-duration = 工期
history-field-duties = 职责
history-field-email = 邮箱
history-field-employment = 用工形式
history-field-establishment = 编制
history-field-floor = 保底
# 越低越好的指标，其保底值即上限。
history-field-floor-lower = 上限
history-field-group = 分组
history-field-kpi = 指标
history-field-line = 科目
history-field-max = 上限
history-field-measured_on = 考评依据
history-field-min = 下限
history-field-name = 名称
history-field-note = 备注
history-field-order = 排序
history-field-owner = 负责人
history-field-parent = 上级单位
history-field-pay = 薪酬
history-field-per_post = 按岗位人均
history-field-period = 期间
history-field-person = 人员
history-field-phone = 电话
history-field-plan = 计划
history-field-post = 岗位
history-field-private = 不公开
history-field-publish = 发布
history-field-quantity = 数量
history-field-range = 区间
history-field-region = 地区
history-field-reports_to = 汇报对象
history-field-scope = 适用范围
history-field-section = 分项
history-field-since = 入职日期
history-field-start = 开始日期
history-field-status = 状态
history-field-subtotal = 小计
history-field-target = 目标
history-field-task = 任务
history-field-title = 标题
history-field-total = 合计
history-field-unit = 单位
history-field-unit_price = 单价
history-field-until = 离职日期
history-field-weight = 权重
history-field-lines-amount = 预算
history-field-posts-title = 岗位名称
history-field-lines = 科目
history-field-people = 人员
history-field-posts = 岗位
history-field-regions = 地区
history-field-sections = 分项
history-field-limits = 限额
history-field-breakdown = 明细
history-field-targets = 目标
history-field-tasks = 任务
history-field-scorecards = 考评表
history-field-components = 考评项目
history-field-problems = 问题
history-field-actuals = 实际数
history-field-spend = 支出
history-field-scores = 得分
history-field-units = 单位
history-field-kpis = 指标
history-field-bonuses = 奖励项目
history-field-categories = 类别
history-field-post_classes = 岗位类别

## 有专门叫法的取值：任务或问题的 `status`。

history-value-true = 是
history-value-false = 否
history-value-status-not-started = 未开始
history-value-status-in-progress = 进行中
history-value-status-done = 已完成
history-value-status-blocked = 受阻
history-value-status-dropped = 已取消
history-value-status-open = 未解决
history-value-status-resolved = 已解决

## 命令。

# `planbook log` 中合并提交一行的末尾。
history-merge = （合并）
history-shallow = 这是浅克隆：历史从 { $commit }（{ $date }）开始，更早的修改未知
history-note = 提示：{ $text }
history-none = { $why }，因此没有修改历史
history-no-repository = 数据仓库不在版本库中
history-no-commits = 版本库中还没有任何提交
history-bare = 版本库是裸库，没有工作区
history-work-tree = 工作区
history-diff-heading = `planbook diff`：{ $from } → { $to }
history-no-change = 没有文档改动
history-effects = 对汇总的影响：
history-effects-heading = 对汇总的影响
history-effect = { $what }：{ $before } → { $after }
history-effect-budget-total = { $unit } { $period }预算合计
history-effect-headcount = { $unit } 在岗人数
history-staffing = 在岗 { $headcount }／编制 { $establishment }
history-blame-line = { $label }：{ $value }
history-uncommitted = 尚未提交
history-before-start = 早于历史起点
history-cannot-read-revision = 无法读取版本 `{ $rev }`
history-not-a-document = `{ $path }` 不是能加载的文档，请对它运行 `planbook check`

## 手册。

history-none-note = { $why }，因此没有修改历史。
history-shallow-note = 这是浅克隆：历史从 { $commit }（{ $date }）开始，更早的修改未知。
history-disabled = 构建时指定了 --no-history
# 合并带来的数值，在设定人之前：`合并 王磊 · 2026-12-03 10:00 · …`。
history-merged = 合并
