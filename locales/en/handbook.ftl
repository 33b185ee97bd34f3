# The handbook's interface words (`planbook build`, `planbook serve`). Ids written with
# underscores are the labels templates read as `t.<id>`; ids starting with `handbook-` are
# used from code (with arguments, or built at run time).

actual = Actual
actual_spend = Actual spend
all_pages = All pages
amount = Amount
assessed_by = Assessed by
attainment = Attainment
bonuses = Bonuses
breakdown = Breakdown
budget = Budget
budget_vs_caps = Budget against caps
budgets = Budgets
by_category = By category
cap = Cap
caps = Caps and headroom
category = Category
chart_table = Figures as a table
class = Class
component = Component
currency = Currency
declared = Declared
depends_on = Depends on
description = Description
diagnostics_none = No problems found.
direct_reports = Direct reports
documents = Documents
due = Due
duties = Duties
email = E-mail
employment = Employment
end = End
errors = Errors
establishment = Establishment
floor = Floor
generated_by = Built by planbook
group = Group
headcount = Headcount
headroom = Headroom
home = Home
item = Item
kpi = KPI
latest_period = Latest period
line = Line
lines = Budget lines
manager = Manager
measured_on = Measured on
met = met
above-floor = above floor
missed = missed
no-actual = no actual
name = Name
narrative = Narrative
nav = Sections
no_results = Nothing found.
none = None.
note = Note
notes = Notes
open_problems = Open problems
org_chart = Organisation chart
over = Over
owner = Owner
pages = Pages
parent_unit = Part of
pay = Pay
people = People
per_post = Per person in{" "}
period = Period
person = Person
phone = Phone
plan = Plan
plans = Plans
points = Points
post = Post
posts = Posts
previous = Previous period
problem = Problem
problems = Problems
problems_intro = What `planbook check` reports on the documents published here.
range = Range
rank = Rank
region = Region
regions = Regions
reports = Reports
review = Review
reviews = Reviews
roster = Roster
scope = Scope
score = Score
scorecards = Scorecards
scores = Scores
scores_over_time = Scores over time
search = Search
search_placeholder = Search the handbook
search_results = Results
search_needs_js = Search needs JavaScript.
section = Section
share = Share
since = Since
skip = Skip to content
standing = Standing
start = Start
status = Status
sub_units = Units
subtotal = Subtotal
target = Target
targets = Targets
task = Task
tasks = Tasks
tasks_owned = Tasks owned
timeline = Timeline
total = Total
trends = Trends
changes = Changes
recent_changes = Recent changes
last_changed = Last changed
by = by
change_history = Change history
set_by = set by
no_changes = No changes recorded yet.
unit = Unit
unit_price = Unit price
units = Units
until = Until
used = Used
vacancies = Vacancies
variance = Variance
warnings = Warnings
weight = Weight
year_to_date = Fiscal year to date
quantity = Quantity
not-started = not started
in-progress = in progress
done = done
blocked = blocked
dropped = dropped
full-time = full-time
part-time = part-time
contract = contract
secondment = secondment
temporary = temporary

floor_or_ceiling = Floor / ceiling
# The floor of a lower-is-better KPI (a cost, complaints): the most it may reach.
ceiling = Ceiling
# Standing of a lower-is-better KPI that stayed under its ceiling but missed its target.
within-ceiling = within ceiling

## Used from code

# The search page's status after a query.
handbook-search-found = { $count ->
    [one] { $count } result
   *[other] { $count } results
}
# A calendar day: 1 Dec 2026.
handbook-date = { $day } { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
} { $year }
# `planbook serve`, in the terminal.
handbook-serve-listening = serving the handbook at { $url } (rebuilds on change; Ctrl-C stops)
handbook-serve-rebuilt = rebuilt { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
} ({ $written } rendered) in { $time }
handbook-serve-failed = error: rebuild failed; still serving the last good handbook: { $error }
handbook-serve-cannot-listen = failed to listen on { $address }
handbook-serve-no-address = the server has no IP address
# `planbook serve`, on the pages it serves while the last rebuild failed.
handbook-serve-banner = The last rebuild failed; this is the last good handbook.
# `planbook serve`'s plain-text answers to the browser.
handbook-serve-not-found = not found
handbook-serve-bad-path = bad path
handbook-serve-moved = moved
# How many problems the problems page (and the home page) lists.
handbook-problem-counts = { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
} · { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
} · { $notes ->
    [one] { $notes } note
   *[other] { $notes } notes
}
# Why the handbook could not be built (shown by `planbook build` and on `planbook serve`'s
# pages); the template engine's own message follows.
handbook-builtin-template-broken = a built-in template does not compile
handbook-user-templates-broken = the templates in `templates/` do not compile
handbook-render-failed = failed to render `{ $page }` with template `{ $template }`
handbook-template-unreadable = failed to read `{ $path }`

# Punctuation between a label and its value, and around an aside, in running text.
colon = {": "}
open_paren = {" ("}
close_paren = )

# Documents that could not be read (`render::broken`): beside every link to one, on its page,
# on the home and problems pages.
broken_marker = could not be read
broken_intro = This document could not be read, so its content is not shown. Fix the problems below and build the handbook again.
broken_person_intro = This person is listed in a roster that could not be read, so their page is not shown. It comes back once the roster is fixed.
broken_file = File
broken_problems = What is wrong
broken_help = Help
broken_people = People listed in it
broken_heading = Problems in the data
broken_list_intro = These documents could not be read; their pages show what is wrong instead of their content:
partial_intro = Part of this document could not be read: the items with these errors are left out of this page, and its totals do not include them.

# The roster page (`render::view::roster`): the unit as of a day, posts outside the
# establishment, region groups, acting and outside people, headcount by month, former staff.
roster_as_of = As of
roster_outside_establishment = Outside the establishment
roster_groups = Region groups
roster_group = Group
roster_group_regions = Regions
roster_group_manager = Manager
roster_acting = Acting in another post
roster_acting_intro = Counted in their own post only.
roster_own_post = Own post
roster_acting_post = Acting as
roster_from = From
roster_outside = Working for the unit, not on its roster
roster_outside_intro = Listed here, never counted in headcount or establishment.
roster_role = Role
roster_count = Number
roster_paid_by = Paid by
roster_by_month = Headcount by month
roster_by_month_intro = People on staff at the end of each month.
roster_month = Month
roster_of_whom_outside = Of whom outside the establishment
roster_joined = Joined
roster_left = Left
roster_former = Former staff
roster_later = Joining later
roster_post_acting = Acting
# The line under the establishment: `$establishment` counts only posts in it.
handbook-roster-staffing = Establishment { $establishment }, on staff { $headcount } (of whom { $outside } outside the establishment)
handbook-roster-outside-line = Posts outside the establishment: { $headcount } on staff, { $places } authorised; not in the establishment total
score_bonus = Bonus
# Plan links (`render::view::plan_links`): measures, work areas, answers.
measures = Measures
measure = Measure
work_areas = Work areas
work_area = Work area
answers = Answers
answered_by = Answered by
no_area = No area
# report (`render::view::report`): the printable monthly report and the links to it.
report_column = Report
report_list_sep = {", "}
report_print = Monthly report
report_problems = Problems
report_measures = Measures
report_establishment = Establishment
report_budget = Budget
report_targets = Targets
report_schedule = Schedule
report_evaluation = Evaluation scheme
report_results = Results
report_number = No.
report_problem = Problem
report_regions_of_group = Regions
report_group_manager = Group manager
report_breakdown = Quantity × unit price
report_subtotal = Subtotal
report_outside = outside the establishment
report_over_cap = over the cap
report_scale = Scoring
report_weighted = Weighted
report_total_score = Total
report_person = Name
report_documents = Documents
report_groups = Region groups
report_rule_sep = {"; "}
# attention: the attention lists (`render::view::attention`) and consolidated unit pages.
attention = Needs attention
attention_none = Nothing needs attention.
attention_action = Needs action
attention_watch = Watch
attention_repository = Repository
attention_legend = ▲ over budget, a cap or establishment · ▼ short of a target or of establishment · ⚠ a problem to fix
attention_count = Attention
units_below = Units below
consolidated_budget = Consolidated budget
consolidated_actual = Actual spend
consolidated_other_periods = Other periods
consolidated_period = Period
# signals: over/under a budget, cap or target (render::view::figures) and chart legends.
sig_over = over budget
sig_under = under budget
sig_even = on budget
sig_over_cap = over the cap
sig_within_cap = within the cap
sig_key_used = used
sig_key_cap_line = line: the cap
sig_key_target_line = line: the target (100%)
sig_status = status
# search
search_hint = Names, posts, regions, units, ids and document text; ↓ moves to the results.
search_loading = Loading the index…
search_more = Show more results
# directory: the people directory, the org chart and the units tree (render::view::directory, org, lists).
directory_all = All people
directory_order = Sorted by name. Each page lists up to 500 people; the numbers lead to the pages, the letters to where names begin.
directory_by_unit = By unit
directory_by_post = By post
directory_by_region = By region
directory_letters = Initials
directory_pages = Pages
directory_note = Note
directory_namesake = Same name
directory_former = Left
directory_later = Joins later
directory_clear_filter = All people
org_note = The top two levels are open; the ▸ before a name opens or closes their team, and the name opens their page. The figure beside a name counts everyone below them.
org_above = Reporting line
# trends
trends_lead = Each chart runs month by month over the periods of the documents. A break in a line is a month without a figure; a quarter's or a year's figure lies across its months. Charts of one figure share one scale.
trends_overview = Budget and headcount
trends_kpis = KPIs
trends_spend = Budget and actual spend
trends_headcount = Headcount and establishment
trends_actual = Actual
trends_target = Target
trends_floor = Floor
trends_ceiling = Ceiling
trends_budget = Budget
trends_spent = Actual spend
trends_on_staff = On staff
trends_establishment = Establishment
trends_gap = No figure
trends_figures = Figures
trends_group = Consolidated
trends_units = Units
trends_empty = No plan, budget or review has a period yet.
