# Rules about planbook.yaml itself (validate::config): rule overrides, the unit hierarchy,
# the KPI catalogue.

config-unknown-rule = unknown rule `{ $id }`
config-unknown-rule-help = `planbook rules` lists the rule ids
config-duplicate-unit = unit `{ $id }` is defined twice
config-duplicate-kpi = KPI `{ $id }` is defined twice
config-first-defined-here = first defined here
config-unknown-parent = unit `{ $id }` has an unknown parent `{ $parent }`
config-unknown-parent-help = name another unit's id, or leave `parent` out for a top-level unit
# `units` is the cycle's unit ids, quoted and joined by arrows: `a` → `b`; `id` is the first
# again.
config-unit-cycle = units form a cycle: { $units } → `{ $id }`
config-unit-cycle-member = `{ $id }` is part of the cycle
config-unit-cycle-help = make one of these units a top-level unit or give it another parent
