# 人员编制规则（validate::roster）：编号、岗位、地区、汇报关系与编制。

roster-duplicate-person = 人员编号 `{ $id }` 重复使用
# 重复编号首次使用或定义的位置。
roster-first-used-here = 首次使用处
roster-first-defined-here = 首次定义处
roster-duplicate-person-help = 请为每位人员分配唯一的编号
roster-duplicate-post = 岗位 `{ $id }` 重复定义
roster-duplicate-region = 地区 `{ $id }` 重复定义

# 人员所在地区已并入另一地区。
roster-merged-region = { $name }所在地区 `{ $region }` 已并入 `{ $into }` 统计
# `name` 为被并入地区的名称。
roster-merged-here = `{ $name }` 在此并入 `{ $into }`
roster-merged-region-help = 请将{ $name }的地区改为 `{ $into }`

## 汇报关系。

roster-self-manager = { $name }（`{ $id }`）的上级是其本人
roster-self-manager-help = 请填写其上级的人员编号；组织最高层人员请省略 `reports_to`
roster-unknown-manager = { $name }的上级 `{ $manager }` 不在任何人员编制中
roster-too-deep = { $name }的汇报链有 { $levels } 级，超过允许的 { $max } 级
# `message` 为 roster-too-deep；`deepest` 为其下属中最深汇报链的级数。
roster-too-deep-below = { $message }；其下属的汇报链最深达 { $deepest } 级
roster-too-deep-help = 管理层级上限由 `planbook.yaml` 中的 `max_management_levels` 设定
# 汇报链，自上而下：`汇报链：张伟 → 李娜 → 刘洋`。
roster-chain = 汇报链：{ $chain }
# 链条中相邻的两人。
roster-chain-link = { $from } → { $to }
# 长链条中间省略的人员。
roster-chain-more = ……（另有 { $more } 人）
# 循环中的一员：`张伟（`p001`）`。
roster-person-id = { $name }（`{ $id }`）
roster-cycle = 汇报关系形成循环：{ $chain } → { $name }
roster-reports-to = { $name }的上级为 `{ $manager }`
roster-cycle-size = 此循环共涉及 { $count } 人
roster-cycle-help = 循环中须有一人改为向循环外的上级汇报，或不设上级

## 编制与日期。

roster-over-establishment = 岗位 `{ $id }`（{ $title }）在岗 { $people } 人，超出编制 { $extra } 人（编制 { $establishment } 人）
roster-over-person = { $name }超出编制
roster-over-establishment-help = 请增加编制，或将人员调往其他岗位
roster-vacancy = 岗位 `{ $id }`（{ $title }）空编 { $open } 人（编制 { $establishment } 人，在岗 { $filled } 人）
roster-dates = { $name }的离职日期 { $until } 早于入职日期 { $since }
roster-started-here = 入职日期
