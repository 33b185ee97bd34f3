# 人员页面上的任职经历（render::view::person）：每个带日期的事项一行。

handbook-history-title = 任职经历
handbook-history-date = 日期
handbook-history-change = 变动
# `post` 为岗位名称。
handbook-history-joined = 入职，任{ $post }
handbook-history-post = 岗位：{ $post }
handbook-history-region = 地区：{ $region }
handbook-history-manager = 上级：{ $manager }
handbook-history-counties = 负责县数：{ $count }
handbook-history-and = { $a }；{ $b }
# `until` 为格式化后的日期。
handbook-history-acting = 代理{ $post }，至{ $until }
handbook-history-acting-open = 代理{ $post }
handbook-history-left = 离职
