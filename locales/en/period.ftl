# Periods as readers say them (`model::period::Period::text`), like the handbook writes them.

period-year = { $year }
period-quarter = Q{ $quarter } { $year }
period-month = { $month ->
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
