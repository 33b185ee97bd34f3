# 各命令在诊断信息之外输出的内容。

rules-unknown = 未知的规则 `{ $id }`；{ $hint }
rules-see-list = 可用 `planbook rules` 查看全部规则
