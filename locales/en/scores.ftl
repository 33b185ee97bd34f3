## Scorecards: groups, ranges of points, bonus; the scores rollup's words.

scores-noun-group = component group
scores-group-weights-sum = the group weights of the scorecard for `{ $post }` sum to { $sum }, not 100
scores-parts = { $parts }
scores-group-weight = group `{ $group }`: { $weight }
scores-weights-reduce = reduce the weights by { $excess }
scores-weights-add = add the missing { $missing }
scores-group-mismatch = the components of group `{ $group }` ({ $name }) sum to { $sum }, not its weight { $weight }
scores-component-weight = `{ $component }`: { $weight }
scores-groups-here = the scorecard's groups
scores-no-group = component `{ $component }` belongs to no group, but the scorecard for `{ $post }` has groups
scores-no-group-help = add `group:` naming one of { $groups }
scores-duplicate-group = group `{ $group }` appears twice in the scorecard of `{ $post }`
scores-first-here = first used here
scores-points-max-low = the most points, { $max }, is below 100
scores-points-max-low-help = the weights are reckoned on full marks of 100: set `max` to 100 or more
scores-points-inverted = the points run from { $min } down to { $max }
scores-bonus-max-negative = `bonus_max` is negative: { $max }
scores-score-range = score { $points } for `{ $component }` is outside { $min } to { $max }
scores-range-default = components are scored { $min } to { $max } unless the scorecard sets `points:`
scores-range-card = the scorecard for `{ $post }` allows { $min } to { $max } (its `points:`)
scores-range-component = component `{ $component }` allows { $min } to { $max } (its `max`)
scores-range-set-here = the range is set here
scores-bonus-range = bonus { $bonus } is outside 0 to { $max }
scores-bonus-range-help = the scorecard for `{ $post }` allows up to { $max } bonus points (its `bonus_max`)
scores-no-bonus = bonus { $bonus } is given, but the scorecard for `{ $post }` allows none
scores-no-bonus-help = set `bonus_max` on the scorecard, or remove the `bonus`

scores-title-post = scores: { $post }
scores-col-bonus = bonus
scores-only-for-scores = `--overall` and `--post` apply to `planbook rollup scores` only
scores-scale-falls = the scale gives { $floor } points at the floor but only { $target } at the target: reaching the target would lower the score
scores-scale-cap-low = the scale's cap of { $cap } points is below the { $target } points it gives at the target
scores-scale-target = points at the target
