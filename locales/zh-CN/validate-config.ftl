# 关于 planbook.yaml 本身的规则（validate::config）：规则级别设置、单位层级、指标目录。

config-unknown-rule = 未知的规则 `{ $id }`
config-unknown-rule-help = 运行 `planbook rules` 可列出所有规则编号
config-duplicate-unit = 单位 `{ $id }` 重复定义
config-duplicate-kpi = 指标 `{ $id }` 重复定义
config-first-defined-here = 首次定义处
config-unknown-parent = 单位 `{ $id }` 的上级单位 `{ $parent }` 不存在
config-unknown-parent-help = 请填写另一单位的编号；顶级单位请省略 `parent`
# `units` 为循环中的单位编号，加引号并以箭头相连：`a` → `b`；`id` 为再次出现的第一个单位。
config-unit-cycle = 单位上下级关系形成循环：{ $units } → `{ $id }`
config-unit-cycle-member = `{ $id }` 处于此循环中
config-unit-cycle-help = 请将其中一个单位设为顶级单位，或为其指定其他上级单位
