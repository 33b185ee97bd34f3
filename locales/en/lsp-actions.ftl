# Code actions of `planbook lsp`.
lsp-action-fix-all = Fix all safe problems in this file ({ $count })
lsp-action-add-person = Add person { $id } to the roster of { $unit }
lsp-action-add-kpi = Add KPI { $id } to planbook.yaml
lsp-action-add-task = Add task { $id } to { $file }
lsp-action-add-line = Add budget line { $id } to { $file }
