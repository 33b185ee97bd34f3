# 趋势页（`render::view::trends`）：时间图的标题与摘要。

trends-span = { $from }至{ $to }，共{ $months }个月
trends-month = { $month }月
trends-chart-title = { $name } · { $unit }
trends-chart-title-group = { $name } · { $unit }（合并）
trends-desc = { $chart }，{ $from }至{ $to }：{ $periods }个期间中有{ $reported }个有实际数。
trends-desc-gaps = { $gaps }无数据。
trends-desc-last = 最近一期（{ $when }）：{ $actual_name }{ $last }。
trends-desc-last-planned = 最近一期（{ $when }）：{ $actual_name }{ $last }，{ $planned_name }{ $planned }。
trends-list = { $list }、{ $item }
trends-left-out = 为控制页面大小，另有{ $count }张图未显示；`planbook rollup trends` 可列出全部数据。
