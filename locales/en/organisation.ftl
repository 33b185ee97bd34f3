# How a unit is organised (validate::organisation and the multi-post budget items of
# validate::links): region groups, regions named by documents, acting posts, staff outside
# the roster.

## Region groups (大区).

# A group whose id is also the id of a region of the same roster.
org-group-is-region = group `{ $id }` has the id of a region
org-region-defined-here = the region is defined here
org-group-is-region-help = group ids share the region namespace: give the group an id of its own
org-group-twice = group `{ $id }` is defined twice
# `group` lists `region`, which `first` (another group) already lists.
org-region-in-two-groups = region `{ $region }` of group `{ $group }` is already in group `{ $first }`
org-region-first-group = in group `{ $group }` here
org-region-in-two-groups-help = a region belongs to one group: remove it from one of them
# A group lists a region that is counted under another region (`into`).
org-merged-member = group `{ $group }` lists `{ $region }`, which is counted under `{ $into }`
# `other` is the group that holds `into`.
org-merged-member-help-other = `{ $into }` is in group `{ $other }`: move `{ $region }` there too, or leave it out
org-merged-member-help-none = add `{ $into }` to group `{ $group }`, or leave `{ $region }` out
org-unknown-group-manager = group `{ $group }` is managed by `{ $manager }`, who is on no roster
# The manager is on the roster of another unit.
org-group-manager-elsewhere = group `{ $group }` is managed by { $name } (`{ $manager }`), who is on the roster of unit `{ $unit }`
org-manager-is-here = the manager is listed here
org-group-manager-elsewhere-help = name a person of unit `{ $unit }`
# `day` is the roster's `as_of`.
org-group-manager-gone = group `{ $group }` is managed by { $name } (`{ $manager }`), who is not on staff on { $day }
org-manager-dates = their time on the roster
org-group-manager-gone-help = name the group's manager on { $day }, or correct their `since` or `until`

## Acting assignments (代理, 兼任).

org-acting-overlap = { $name } acts in `{ $post }` twice on the same days
org-acting-earlier = the other assignment starts here
org-acting-overlap-help = merge the two entries, or correct their dates
# `day` is a day the assignment covers on which `post` is the person's own post.
org-acting-own-post = { $name } acts in `{ $post }`, which is their own post on { $day }
org-own-post-here = their own post
org-acting-own-post-help = `acting` gives a post held on top of their own: remove the entry, or correct its post or dates
org-acting-reversed = { $name }'s acting in `{ $post }` ends on { $until }, before it starts on { $from }
org-acting-before = { $name } acts in `{ $post }` from { $from }, before joining on { $since }
org-acting-after = { $name } acts in `{ $post }` from { $from }, after leaving on { $until }
org-acting-past = { $name }'s acting in `{ $post }` goes on after their last day, { $until }
org-person-dates = their time on the roster

## People outside the roster.

# `role` is what they do, as written.
org-outside-empty = `{ $role }`: a count of 0 lists nobody
org-outside-empty-help = give how many there are, or remove the entry

## A budget item counting several posts (`posts:`).

# `posts` lists the post ids; `day` is the last day of the budget's period.
org-headcount = item `{ $item }` of line `{ $line }` counts { $quantity } for posts { $posts }, which together have an establishment of { $establishment } and { $people ->
        [one] { $people } person
       *[other] { $people } people
    } on { $day }
org-headcount-use = use { $establishment }
org-headcount-use-either = use { $establishment } (the establishment) or { $people } (the people in the posts on { $day })
