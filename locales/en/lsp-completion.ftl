## Completion in the language server (`planbook lsp`): details shown next to each item.

lsp-completion-kpi = { $name } ({ $unit })
lsp-completion-person-doc = On the roster of { $unit }
lsp-completion-group = { $name } (region group)
lsp-completion-category = Budget category
lsp-completion-component = { $name } · weight { $weight }
lsp-completion-alias = Same as `{ $canonical }`: { $meaning }
lsp-completion-field = Field
lsp-completion-kind-config = Repository settings
lsp-completion-kind-roster = Roster
lsp-completion-kind-budget = Budget
lsp-completion-kind-plan = Plan
lsp-completion-kind-review = Review
lsp-completion-kind-page = Page
