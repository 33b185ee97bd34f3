# `planbook lsp` 重命名编号时的提示，以及编辑器大纲中各类编号的名称。

## Rename

lsp-rename-nothing = 此处没有可重命名的编号。
lsp-rename-empty = 新编号为空。
# $char: the character the id may not contain.
lsp-rename-character = 编号不能包含 { $char }：编号由字母、数字和标点组成，不含空格和斜杠。
lsp-rename-dots = `.` 和 `..` 不能用作编号。
# $id: the new id; $kind: what it names (a person, a post…).
lsp-rename-taken = 此处已有编号为 `{ $id }` 的{ $kind }，请换一个编号。

## Kinds of ids

lsp-sym-unit = 单位
lsp-sym-kpi = 指标
lsp-sym-table = 表
lsp-sym-person = 人员
lsp-sym-post = 岗位
lsp-sym-region = 区域
lsp-sym-section = 预算分项
lsp-sym-line = 预算科目
lsp-sym-category = 科目类别
lsp-sym-limit = 限额
lsp-sym-problem = 问题
lsp-sym-measure = 措施
lsp-sym-area = 工作板块
lsp-sym-task = 任务
lsp-sym-component = 考核项
lsp-sym-component-group = 考核项分组

## Outline

lsp-outline-posts = 岗位
lsp-outline-regions = 区域
lsp-outline-groups = 大区
lsp-outline-people = 人员
lsp-outline-sections = 分项
lsp-outline-lines = 科目
lsp-outline-limits = 限额
lsp-outline-problems = 问题
lsp-outline-measures = 措施
lsp-outline-areas = 工作板块
lsp-outline-targets = 目标
lsp-outline-tasks = 任务
lsp-outline-scorecards = 考核表
lsp-outline-actuals = 实际完成
lsp-outline-spend = 费用支出
lsp-outline-scores = 考核得分
lsp-outline-units = 单位
lsp-outline-kpis = 指标
lsp-outline-tables = 表
# $post: the post a scorecard is for.
lsp-outline-scorecard = { $post }考核表
lsp-outline-count = { $count } 项
