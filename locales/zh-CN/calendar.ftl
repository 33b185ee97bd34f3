# `new` 按日历改写标题，`check` 核对标题与期间是否一致（validate::titles）。

## document.title-period：`$said` 为标题中写的期间，`$period` 为文档的 `period`（`2026-11`），
## `$title` 为改正期间后的标题。

calendar-title-period = 标题写的是 { $said }，但期间为 { $period }
calendar-title-period-help = 请将标题改为 `{ $title }`
