# `planbook lsp` 的代码操作。
lsp-action-fix-all = 修复本文件中所有可安全修复的问题（{ $count } 处）
lsp-action-add-person = 在{ $unit }的花名册中添加人员 { $id }
lsp-action-add-kpi = 在 planbook.yaml 中添加指标 { $id }
lsp-action-add-task = 在 { $file } 中添加任务 { $id }
lsp-action-add-line = 在 { $file } 中添加预算科目 { $id }
