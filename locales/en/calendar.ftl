# `new` knows the calendar, and `check` compares a title with its period (validate::titles).

## document.title-period: `$said` is the period as the title writes it, `$period` the
## document's `period` (`2026-11`), `$title` the title with the period corrected.

calendar-title-period = the title says { $said } but the period is { $period }
calendar-title-period-help = make the title `{ $title }`
