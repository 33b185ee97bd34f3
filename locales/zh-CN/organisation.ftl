# 单位的组织（validate::organisation 以及 validate::links 中关联多个岗位的预算明细）：
# 大区、文档引用的地区、代理岗位、编外人员。

## 大区。

# 大区的编号与同一人员编制中某个地区的编号相同。
org-group-is-region = 大区 `{ $id }` 与某个地区编号相同
org-region-defined-here = 该地区在此定义
org-group-is-region-help = 大区与地区共用编号：请为大区另取一个编号
org-group-twice = 大区 `{ $id }` 定义了两次
# 大区 `group` 列出的地区 `region` 已在另一大区 `first` 中。
org-region-in-two-groups = 大区 `{ $group }` 中的地区 `{ $region }` 已属于大区 `{ $first }`
org-region-first-group = 已在此列入大区 `{ $group }`
org-region-in-two-groups-help = 一个地区只能属于一个大区：请从其中一个大区中删去
# 大区列出的地区已并入另一地区（`into`）统计。
org-merged-member = 大区 `{ $group }` 列出了 `{ $region }`，而该地区计入 `{ $into }`
# `other` 为 `into` 所在的大区。
org-merged-member-help-other = `{ $into }` 属于大区 `{ $other }`：请把 `{ $region }` 也移到该大区，或删去
org-merged-member-help-none = 请把 `{ $into }` 加入大区 `{ $group }`，或删去 `{ $region }`
org-unknown-group-manager = 大区 `{ $group }` 的经理 `{ $manager }` 不在任何人员编制中
# 经理在其他单位的人员编制中。
org-group-manager-elsewhere = 大区 `{ $group }` 的经理{ $name }（`{ $manager }`）在单位 `{ $unit }` 的人员编制中
org-manager-is-here = 该经理在此列出
org-group-manager-elsewhere-help = 请填写单位 `{ $unit }` 的人员
# `day` 为人员编制的 `as_of`。
org-group-manager-gone = 大区 `{ $group }` 的经理{ $name }（`{ $manager }`）在 { $day } 不在职
org-manager-dates = 其在职日期
org-group-manager-gone-help = 请填写 { $day } 时的大区经理，或更正其 `since` 或 `until`

## 代理岗位（代理、兼任）。

org-acting-overlap = { $name }在相同日期内两次代理 `{ $post }`
org-acting-earlier = 另一条代理记录从此开始
org-acting-overlap-help = 请合并这两条记录，或更正其日期
# `day` 为代理期间内 `post` 恰为本人本职岗位的某一天。
org-acting-own-post = { $name }代理的 `{ $post }` 在 { $day } 就是其本职岗位
org-own-post-here = 其本职岗位
org-acting-own-post-help = `acting` 表示本职之外兼任的岗位：请删除该条目，或更正其岗位或日期
org-acting-reversed = { $name }代理 `{ $post }` 的结束日期 { $until } 早于开始日期 { $from }
org-acting-before = { $name }从 { $from } 起代理 `{ $post }`，早于其到岗日期 { $since }
org-acting-after = { $name }从 { $from } 起代理 `{ $post }`，晚于其离职日期 { $until }
org-acting-past = { $name }代理 `{ $post }` 的期间超过了其最后在职日 { $until }
org-person-dates = 其在职日期

## 编外人员。

# `role` 为所填写的工作内容。
org-outside-empty = `{ $role }`：人数为 0，没有列出任何人
org-outside-empty-help = 请填写实际人数，或删除该条目

## 关联多个岗位（`posts:`）的预算明细。

# `posts` 为岗位编号列表；`day` 为预算期间的最后一天。
org-headcount = 科目 `{ $line }` 的明细 `{ $item }` 为岗位 { $posts } 合计 { $quantity } 人，而这些岗位在 { $day } 合计编制 { $establishment } 人、在岗 { $people } 人
org-headcount-use = 请填 { $establishment }
org-headcount-use-either = 请填 { $establishment }（编制人数）或 { $people }（{ $day } 在岗人数）
