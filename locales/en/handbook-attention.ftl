# The attention lists of the home page and unit pages (`render::view::attention`).
# `$action` and `$watch` count the items that need action and those to watch.
attention-counts = { $action } need action · { $watch } to watch
# A budget line over budget; `$period` is a period as the handbook writes it, the figures formatted.
attention-line-over = { $period }, line “{ $line }”: spent { $actual } against a budget of { $budget }, { $over } over
attention-category-over = { $period }, category “{ $category }”: spent { $actual } against a budget of { $budget }, { $over } over
attention-total-over = { $period }, the whole budget: spent { $actual } against { $budget }, { $over } over
attention-cap-over = { $period }, cap “{ $cap }”: { $used } used of { $max }, { $over } over
# `$kpi` is a KPI's name, `$scope` what the target applies to (a region, a post).
attention-kpi-scope = { $kpi } ({ $scope })
attention-target-below-floor = { $period }, { $kpi }: actual { $actual }, below the floor of { $floor } (target { $target })
attention-target-over-ceiling = { $period }, { $kpi }: actual { $actual }, above the ceiling of { $ceiling }
attention-target-range = { $period }, { $kpi }: actual { $actual }, outside the range { $range }
attention-target-missed = { $period }, { $kpi }: actual { $actual } against a target of { $target }
attention-target-short = { $period }, { $kpi }: actual { $actual }, above the floor but short of the target of { $target }
# `$day` is the day the roster is counted on, `$post` a post's title.
attention-over = { $post }: { $headcount } on staff for an establishment of { $establishment }, { $over } over (as of { $day })
attention-vacancies = { $post }: { $headcount } on staff for an establishment of { $establishment }, { $vacancies ->
    [one] one vacancy
   *[other] { $vacancies } vacancies
} (as of { $day })
# `$documents` lists what the period has (plan, budget); `$ended` is the period's last day.
attention-review-missing = { $period } ended on { $ended } and has no review ({ $documents } present)
# `$document` is a document's title or path.
attention-errors = { $document }: { $errors ->
    [one] one error
   *[other] { $errors } errors
}{ $warnings ->
    [0] {""}
    [one] {" "}and one warning
   *[other] {" "}and { $warnings } warnings
}
attention-warnings = { $document }: { $warnings ->
    [one] one warning
   *[other] { $warnings } warnings
}
attention-broken = { $document } could not be read ({ $problems ->
    [one] one problem
   *[other] { $problems } problems
})
attention-target-below-floor-only = { $period }, { $kpi }: actual { $actual }, below the floor of { $floor }
# Under a unit's first items on the home page: `$count` more items on the unit's page.
attention-more = { $count ->
    [one] one more item
   *[other] { $count } more items
} on the unit's page
attention-target-short-lower = { $period }, { $kpi }: actual { $actual }, within the ceiling but short of the target of { $target }
attention-no-documents = { $unit } has no roster, plan, budget or review yet
