# 读者习惯的期间写法（`model::period::Period::text`），与手册一致。

period-year = { $year }年
period-quarter = { $year }年第{ $quarter }季度
period-month = { $year }年{ $month }月
