# 人员编制随时间的变化（validate::dating）：文档按其期间的人员编制核对，以及带日期的变动。

## review.not-employed、plan.not-employed：`period` 为文档的期间（`2026-09`）。

dating-review-joined = { $name }（`{ $id }`）于 { $since } 入职，晚于本考评的期间 { $period }
dating-review-left = { $name }（`{ $id }`）已于 { $until } 离职，早于本考评的期间 { $period }
dating-plan-joined = { $name }（`{ $id }`）于 { $since } 入职，晚于本计划的期间 { $period }
dating-plan-left = { $name }（`{ $id }`）已于 { $until } 离职，早于本计划的期间 { $period }
dating-since-here = 入职日期
dating-until-here = 离职日期
dating-not-employed-help = 请核对人员编制中该人员的 `since` 与 `until`，或本文档的 `period`

## 只从某一天起成立的人员编制问题：`message` 为问题本身。

dating-from-day = 自 { $day } 起，{ $message }

## 变动与代理的 roster.dates。

dating-change-before-since = { $name }日期为 { $from } 的变动早于其入职日期 { $since }
dating-change-after-until = { $name }日期为 { $from } 的变动晚于其离职日期 { $until }
dating-post-dates = 岗位 `{ $id }` 的撤销日期 { $until } 早于设立日期 { $since }
dating-post-change-before-since = 岗位 `{ $id }` 日期为 { $from } 的变动早于岗位设立日期 { $since }
dating-post-change-after-until = 岗位 `{ $id }` 日期为 { $from } 的变动晚于岗位撤销日期 { $until }
dating-same-day = { $name }有两条日期同为 { $from } 的变动都设定了 `{ $field }`
dating-post-same-day = 岗位 `{ $id }` 有两条日期同为 { $from } 的变动都设定了 `{ $field }`
dating-first-change = 第一条变动
dating-same-day-help = 请合并这两条变动，或改正其中一条的日期
dating-post-started-here = 岗位设立日期
dating-left-here = 离职日期

## roster.change-order

dating-change-order = { $name }日期为 { $from } 的变动写在了日期为 { $later } 的变动之后
dating-post-change-order = 岗位 `{ $id }` 日期为 { $from } 的变动写在了日期为 { $later } 的变动之后
dating-written-before = 写在其前的变动
dating-change-order-help = 请按日期顺序书写变动；无论顺序如何，变动都按各自的日期生效

## `new review`：待考评人员后的注释，说明其在期间内的变化。

dating-new-joined = { $day } 入职
dating-new-moved = { $day } 由 `{ $from }` 调任
dating-new-acting = { $from } 至 { $until } 代理 `{ $post }`
dating-new-acting-open = 自 { $from } 起代理 `{ $post }`
dating-new-left = { $day } 离职
dating-new-and = { $a }；{ $b }

## 人员编制中带日期条目的变更历史（render::history）：`人员 王芳 变动 2026-10-15 岗位由 rep 改为 rm`、
## `新增代理 2026-11-21`。

history-list-changes = 变动
history-list-acting = 代理
history-field-changes = 变动
history-field-acting = 代理
history-field-from = 生效日期
history-field-counties = 负责县数
history-field-in_establishment = 计入编制
