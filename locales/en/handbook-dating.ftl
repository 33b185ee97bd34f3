# A person's history on their handbook page (render::view::person): one row per dated event.

handbook-history-title = History
handbook-history-date = Date
handbook-history-change = Change
# `post` is the post's title.
handbook-history-joined = joined as { $post }
handbook-history-post = post: { $post }
handbook-history-region = region: { $region }
handbook-history-manager = reports to { $manager }
handbook-history-counties = counties covered: { $count }
handbook-history-and = { $a }; { $b }
# `until` is a formatted date.
handbook-history-acting = acting as { $post } until { $until }
handbook-history-acting-open = acting as { $post }
handbook-history-left = left
