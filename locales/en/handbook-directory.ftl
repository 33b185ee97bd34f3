# The people directory, the org chart and the units tree (render::view::directory, org, lists).

handbook-directory-total = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
# `filter` is a unit's, post's or region's name.
handbook-directory-filtered = People: { $filter }
handbook-directory-page-title = { $title } (page { $page } of { $pages })
# `kind` is "Unit", "Post" or "Region".
handbook-directory-filter = { $kind }: { $value }
handbook-org-below = { $count } below
handbook-org-manager-missing = Manager not on the roster: { $id }
handbook-org-manager-left = Manager no longer on staff: { $name } ({ $id })
handbook-org-page-title = Org chart: { $name }
handbook-org-missing-note = { $count ->
    [one] One person reports to a manager who is not on the roster: listed at the end under ⚠.
   *[other] { $count } people report to a manager who is not on the roster: listed at the end under ⚠.
}
handbook-org-hidden-note = { $count } more people at this level are listed in the directory, not in the chart.
handbook-roster-in-directory = All { $count } people of this roster, page by page, in the directory
handbook-units-people = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
handbook-units-below = { $count ->
    [one] { $count } unit below
   *[other] { $count } units below
}
handbook-person-namesakes = Also named { $name }
handbook-person-namesakes-intro = This page is { $name } ({ $id }) of { $unit }.
