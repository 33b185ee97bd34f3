# 因所依赖的文件有错误而未核对的内容。`what` 为 containment-count-* 或其列举，`path` 为有错误的文件路径。
containment-not-checked = { $what }未对照 `{ $path }` 核对：该文件有错误
# `count` 为该类未核对文档的份数。
containment-count-roster = { $count } 份人员编制
containment-count-budget = { $count } 份预算
containment-count-plan = { $count } 份计划
containment-count-review = { $count } 份考评
containment-count-page = { $count } 个页面
# 列举的最后两项：“1 份计划和 2 份考评”。
containment-pair = { $first }和 { $second }
# 列举中的一项及其余各项：“1 份预算、1 份计划和 2 份考评”。
containment-series = { $first }、{ $rest }
containment-first-error = 第一处错误在此
containment-not-checked-here = 未核对
containment-not-checked-help = 请先改正 `{ $path }` 中的错误，再重新检查：届时会一并核对依赖它的内容
