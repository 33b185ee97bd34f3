# Rules about rosters (validate::roster): ids, posts, regions, reporting lines, establishment.

roster-duplicate-person = person id `{ $id }` is used twice
# Where a duplicated id was first used or defined.
roster-first-used-here = first used here
roster-first-defined-here = first defined here
roster-duplicate-person-help = give each person their own id
roster-duplicate-post = post `{ $id }` is defined twice
roster-duplicate-region = region `{ $id }` is defined twice

# A person sits in a region that is merged into another one.
roster-merged-region = { $name } is assigned to `{ $region }`, which is counted under `{ $into }`
# `name` is the merged region's display name.
roster-merged-here = `{ $name }` is merged into `{ $into }` here
roster-merged-region-help = assign { $name } to `{ $into }`

## Reporting lines.

roster-self-manager = { $name } (`{ $id }`) reports to themselves
roster-self-manager-help = name their manager's id, or leave `reports_to` out for the top of the organisation
roster-unknown-manager = { $name } reports to `{ $manager }`, who is on no roster
roster-too-deep = the reporting chain of { $name } has { $levels ->
        [one] { $levels } level
       *[other] { $levels } levels
    }, more than the { $max } allowed
# `message` is roster-too-deep; `deepest` is how many levels the deepest chain below has.
roster-too-deep-below = { $message }; below them it reaches { $deepest }
roster-too-deep-help = `max_management_levels` in planbook.yaml sets the limit
# A reporting chain, top first: `chain: 张伟 → 李娜 → 刘洋`.
roster-chain = chain: { $chain }
# Two neighbours in a chain of names.
roster-chain-link = { $from } → { $to }
# Stands for the people left out of the middle of a long chain.
roster-chain-more = … ({ $more } more)
# A member of a cycle: `张伟 (`p001`)`.
roster-person-id = { $name } (`{ $id }`)
roster-cycle = reporting lines form a cycle: { $chain } → { $name }
roster-reports-to = { $name } reports to `{ $manager }`
roster-cycle-size = { $count } people form this cycle
roster-cycle-help = someone in the cycle must report to a manager outside it, or to nobody

## Establishment (authorised posts) and dates.

roster-over-establishment = post `{ $id }` ({ $title }) has { $people ->
        [one] { $people } person
       *[other] { $people } people
    }, { $extra } more than its establishment of { $establishment }
roster-over-person = { $name } is over the establishment
roster-over-establishment-help = raise the establishment, or move someone to another post
roster-vacancy = post `{ $id }` ({ $title }) has { $open ->
        [one] { $open } vacancy
       *[other] { $open } vacancies
    } ({ $filled } of { $establishment } filled)
roster-dates = { $name } leaves on { $until } before starting on { $since }
roster-started-here = started here
