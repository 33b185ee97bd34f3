## 考评表：考评类别、得分范围、加分；考评得分汇总用语。

scores-noun-group = 考评类别
scores-group-weights-sum = 岗位 `{ $post }` 考评表各考评类别的权重合计为 { $sum }，而不是 100
scores-parts = { $parts }
scores-group-weight = 考评类别 `{ $group }`：{ $weight }
scores-weights-reduce = 请将权重共减少 { $excess }
scores-weights-add = 请补足缺少的 { $missing }
scores-group-mismatch = 考评类别 `{ $group }`（{ $name }）各项目的权重合计为 { $sum }，与该类别的权重 { $weight } 不符
scores-component-weight = `{ $component }`：{ $weight }
scores-groups-here = 考评表的考评类别
scores-no-group = 考评项目 `{ $component }` 未写明所属类别，而岗位 `{ $post }` 的考评表设有考评类别
scores-no-group-help = 请用 `group:` 写明所属类别，可选 { $groups }
scores-duplicate-group = 考评类别 `{ $group }` 在岗位 `{ $post }` 的考评表中出现了两次
scores-first-here = 首次出现于此
scores-points-max-low = 得分上限 { $max } 低于 100
scores-points-max-low-help = 权重按满分 100 折算，请将 `max` 设为 100 或以上
scores-points-inverted = 得分范围的下限 { $min } 大于上限 { $max }
scores-bonus-max-negative = `bonus_max` 为负数：{ $max }
scores-score-range = 考评项目 `{ $component }` 的得分 { $points } 不在 { $min } 到 { $max } 之间
scores-range-default = 考评表未设 `points:` 时，考评项目按 { $min } 到 { $max } 分打分
scores-range-card = 岗位 `{ $post }` 的考评表规定得分为 { $min } 到 { $max }（见其 `points:`）
scores-range-component = 考评项目 `{ $component }` 规定得分为 { $min } 到 { $max }（见其 `max`）
scores-range-set-here = 得分范围在此设定
scores-bonus-range = 加分 { $bonus } 不在 0 到 { $max } 之间
scores-bonus-range-help = 岗位 `{ $post }` 的考评表规定最多加 { $max } 分（见其 `bonus_max`）
scores-no-bonus = 给出了加分 { $bonus }，但岗位 `{ $post }` 的考评表不设加分
scores-no-bonus-help = 请在考评表中设定 `bonus_max`，或删除 `bonus`

scores-title-post = 考评得分：{ $post }
scores-col-bonus = 加分
scores-only-for-scores = `--overall` 和 `--post` 仅用于 `planbook rollup scores`
scores-scale-falls = 考评尺度在保底线给 { $floor } 分，在目标值却只给 { $target } 分：完成目标反而降低得分
scores-scale-cap-low = 考评尺度的封顶分 { $cap } 低于目标值对应的 { $target } 分
scores-scale-target = 目标值对应的得分
