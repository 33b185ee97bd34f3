# What `planbook lsp` says when it renames an id, and the names of the kinds of ids in the
# editor's outline.

## Rename

lsp-rename-nothing = There is no id here to rename.
lsp-rename-empty = The new id is empty.
# $char: the character the id may not contain.
lsp-rename-character = An id cannot contain { $char }: ids are letters, digits and punctuation without spaces or slashes.
lsp-rename-dots = `.` and `..` cannot be ids.
# $id: the new id; $kind: what it names (a person, a post…).
lsp-rename-taken = `{ $id }` is already the id of another { $kind } here; choose another id.

## Kinds of ids

lsp-sym-unit = unit
lsp-sym-kpi = KPI
lsp-sym-table = table
lsp-sym-person = person
lsp-sym-post = post
lsp-sym-region = region
lsp-sym-section = budget section
lsp-sym-line = budget line
lsp-sym-category = category
lsp-sym-limit = limit
lsp-sym-problem = problem
lsp-sym-measure = measure
lsp-sym-area = work area
lsp-sym-task = task
lsp-sym-component = scorecard component
lsp-sym-component-group = component group

## Outline

lsp-outline-posts = Posts
lsp-outline-regions = Regions
lsp-outline-groups = Region groups
lsp-outline-people = People
lsp-outline-sections = Sections
lsp-outline-lines = Lines
lsp-outline-limits = Limits
lsp-outline-problems = Problems
lsp-outline-measures = Measures
lsp-outline-areas = Work areas
lsp-outline-targets = Targets
lsp-outline-tasks = Tasks
lsp-outline-scorecards = Scorecards
lsp-outline-actuals = Actuals
lsp-outline-spend = Spend
lsp-outline-scores = Scores
lsp-outline-units = Units
lsp-outline-kpis = KPIs
lsp-outline-tables = Tables
# $post: the post a scorecard is for.
lsp-outline-scorecard = Scorecard of { $post }
lsp-outline-count = { $count ->
    [one] 1 item
   *[other] { $count } items
}
