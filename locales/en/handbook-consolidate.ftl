# The unit page of a unit with units below it: its figures consolidated from theirs.

consolidate-page-budget = Consolidated budget
# `$period` is a period as the handbook writes it, `$currency` a currency code.
consolidate-page-budget-caption = Consolidated budget, { $period } ({ $currency })
consolidate-page-headcount = Headcount
consolidate-page-headcount-caption = Headcount as of { $day }
consolidate-page-attainment = Attainment
consolidate-page-attainment-caption = Consolidated attainment, { $period }
consolidate-page-unit = Unit
consolidate-page-basis = Budget used
consolidate-page-budget-col = Budget
consolidate-page-actual = Actual
consolidate-page-establishment = Establishment
consolidate-page-on-staff = On staff
consolidate-page-outside = Of them outside establishment
consolidate-page-vacancies = Vacancies
consolidate-page-over = Over
consolidate-page-kpi = KPI
consolidate-page-rule = Combined as
consolidate-page-target = Target
consolidate-page-floor = Floor / ceiling
consolidate-page-attainment-col = Attainment
consolidate-page-contributors = Contributed
consolidate-page-total = Group total
# Under the tables: own rows add up to the total; a subtotal row is a unit with the units below it.
consolidate-page-note = Each unit's row holds its own documents; a subtotal row adds the units below it. Units without a budget are listed as missing, not counted as zero.
