# Over/under signalling on the budget, review and attainment tables (render::view::figures).

# A region group's row summed from its regions' targets; `regions` is the list of names.
handbook-signals-summed = sum of { $regions }
# Above the budget's lines: the lines over budget, each with its excess.
handbook-signals-overspent = { $count ->
    [one] One line is over budget: { $lines }
   *[other] { $count } lines are over budget: { $lines }
}
