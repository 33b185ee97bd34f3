# 首页与单位页的“需关注事项”（`render::view::attention`）。
# `$action`、`$watch`：需处理与需关注的事项数。
attention-counts = 需处理 { $action } 项 · 需关注 { $watch } 项
# 预算科目超支；`$period` 为期间，金额已格式化。
attention-line-over = { $period }「{ $line }」实际支出 { $actual }，预算 { $budget }，超支 { $over }
attention-category-over = { $period }费用类别「{ $category }」实际支出 { $actual }，预算 { $budget }，超支 { $over }
attention-total-over = { $period }预算合计：实际支出 { $actual }，预算 { $budget }，超支 { $over }
attention-cap-over = { $period }限额「{ $cap }」已用 { $used }，限额 { $max }，超出 { $over }
# `$kpi` 为指标名称，`$scope` 为指标适用范围（地区、岗位）。
attention-kpi-scope = { $kpi }（{ $scope }）
attention-target-below-floor = { $period }{ $kpi }实际 { $actual }，低于保底 { $floor }（目标 { $target }）
attention-target-over-ceiling = { $period }{ $kpi }实际 { $actual }，超过上限 { $ceiling }
attention-target-range = { $period }{ $kpi }实际 { $actual }，不在 { $range } 范围内
attention-target-missed = { $period }{ $kpi }实际 { $actual }，未达目标 { $target }
attention-target-short = { $period }{ $kpi }实际 { $actual }，已达保底，未达目标 { $target }
# `$day` 为花名册的统计日，`$post` 为岗位名称。
attention-over = 「{ $post }」编制 { $establishment } 人，在岗 { $headcount } 人，超编 { $over } 人（截至{ $day }）
attention-vacancies = 「{ $post }」编制 { $establishment } 人，在岗 { $headcount } 人，缺员 { $vacancies } 人（截至{ $day }）
# `$documents` 列出该期已有的文档（计划、预算），`$ended` 为期末日。
attention-review-missing = { $period }已于{ $ended }结束，尚无总结（已有{ $documents }）
# `$document` 为文档标题或路径。
attention-errors = 「{ $document }」有 { $errors } 个错误{ $warnings ->
    [0] {""}
   *[other] 、{ $warnings } 个警告
}
attention-warnings = 「{ $document }」有 { $warnings } 个警告
attention-broken = 「{ $document }」无法读取（{ $problems } 个问题）
attention-target-below-floor-only = { $period }{ $kpi }实际 { $actual }，低于保底 { $floor }
# 首页每个单位只列前几项：`$count` 为单位页上其余的事项数。
attention-more = 另有 { $count } 项，见单位页
attention-target-short-lower = { $period }{ $kpi }实际 { $actual }，未超上限，未达目标 { $target }
attention-no-documents = { $unit }尚无花名册、计划、预算或回顾
