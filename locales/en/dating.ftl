# The roster over time (validate::dating): documents read as of their period, dated changes.

## review.not-employed, plan.not-employed: `period` is the document's period (`2026-09`).

dating-review-joined = { $name } (`{ $id }`) joined on { $since }, after this review's period { $period }
dating-review-left = { $name } (`{ $id }`) left on { $until }, before this review's period { $period }
dating-plan-joined = { $name } (`{ $id }`) joined on { $since }, after this plan's period { $period }
dating-plan-left = { $name } (`{ $id }`) left on { $until }, before this plan's period { $period }
dating-since-here = joined here
dating-until-here = left here
dating-not-employed-help = check the person's `since` and `until` on the roster, or the document's `period`

## A finding of the roster that holds only from a day on: `message` is the finding.

dating-from-day = from { $day }, { $message }

## roster.dates on changes and acting assignments.

dating-change-before-since = { $name }'s change dated { $from } is before they start on { $since }
dating-change-after-until = { $name }'s change dated { $from } is after they leave on { $until }
dating-post-dates = post `{ $id }` ends on { $until } before it starts on { $since }
dating-post-change-before-since = the change of post `{ $id }` dated { $from } is before the post starts on { $since }
dating-post-change-after-until = the change of post `{ $id }` dated { $from } is after the post ends on { $until }
dating-same-day = { $name } has two changes dated { $from } that both set `{ $field }`
dating-post-same-day = post `{ $id }` has two changes dated { $from } that both set `{ $field }`
dating-first-change = the first change
dating-same-day-help = merge the two changes, or correct one of the days
dating-post-started-here = the post starts here
dating-left-here = leaves here

## roster.change-order

dating-change-order = { $name }'s change dated { $from } is written after the one dated { $later }
dating-post-change-order = the change of post `{ $id }` dated { $from } is written after the one dated { $later }
dating-written-before = written before it
dating-change-order-help = write the changes in date order; they apply by their dates either way

## `new review`: a comment after a person to score, on what changed during the period.

dating-new-joined = joined on { $day }
dating-new-moved = moved from `{ $from }` on { $day }
dating-new-acting = acting as `{ $post }` from { $from } to { $until }
dating-new-acting-open = acting as `{ $post }` from { $from }
dating-new-left = leaves on { $day }
dating-new-and = { $a }; { $b }

## Change history (render::history) of a roster's dated entries: `person p012 (王芳) change
## 2026-10-15 post: rep → rm`, `acting assignment 2026-11-21 added`.

history-list-changes = change
history-list-acting = acting assignment
history-field-changes = changes
history-field-acting = acting assignments
history-field-from = from
history-field-counties = counties covered
history-field-in_establishment = in the establishment
