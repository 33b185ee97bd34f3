## 语言服务器（`planbook lsp`）的补全：各候选项旁显示的说明。

lsp-completion-kpi = { $name }（{ $unit }）
lsp-completion-person-doc = 在{ $unit }的花名册上
lsp-completion-group = { $name }（大区组）
lsp-completion-category = 预算科目
lsp-completion-component = { $name } · 权重 { $weight }
lsp-completion-alias = 同 `{ $canonical }`：{ $meaning }
lsp-completion-field = 字段
lsp-completion-kind-config = 仓库设置
lsp-completion-kind-roster = 花名册
lsp-completion-kind-budget = 预算
lsp-completion-kind-plan = 计划
lsp-completion-kind-review = 回顾
lsp-completion-kind-page = 页面
