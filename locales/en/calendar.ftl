# `new` knows the calendar, and `check` compares a title with its period (validate::titles).

## document.title-period: `$said` is the period as the title writes it, `$period` the
## document's `period` (`2026-11`), `$right` the period written the title's way.

calendar-title-period = the title says { $said } but the period is { $period }
calendar-heading-period = the first heading says { $said } but the period is { $period }
calendar-title-period-help = write { $right }
calendar-title-period-fix = write { $right }
