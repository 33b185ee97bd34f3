# 接受某项检查结果：抑制注释（`diag::suppress`）、基线（`diag::baseline`），
# 以及 `planbook check` 对它们的说明（`cli::accept`）。

suppress-malformed = 无法识别这条 `planbook:` 注释，它不会屏蔽任何问题
suppress-malformed-help = 请写成 `# planbook: allow(规则编号) 原因`；整个文件适用时写 `# planbook: allow-file(规则编号) 原因`
suppress-missing-reason = 对 `{ $rules }` 的屏蔽没有写明原因，因此不生效
suppress-missing-reason-help = 请在括号后写明原因，例如 `# planbook: allow({ $rules }) 承接十一月任务`
suppress-unknown-rule = `{ $id }` 不是规则编号，对它的屏蔽不起作用
suppress-unknown-rule-help = 运行 `planbook rules` 可列出所有规则编号
suppress-unused = 此处没有 `{ $rules }` 报告的问题，这条屏蔽注释已不需要
suppress-unused-help = 它所针对的问题已不存在：请删除这条注释
suppress-unused-fix = 删除这条注释
suppress-unused-rule = 此处没有 `{ $rule }` 报告的问题
suppress-unused-fix-rule = 从列表中删去 `{ $rule }`
suppress-unused-rule-help = 这条注释仍会屏蔽所列的其他规则：请从列表中删去 `{ $rule }`
baseline-invalid = 这不是 planbook 基线文件（{ $reason }）
baseline-version = 该文件由其他版本的 planbook 写入（格式 { $version }）；请重新运行 `planbook check --write-baseline`

accept-suppressed = 已屏蔽：{ $reason }
accept-baselined = 已记入基线
accept-hidden-suppressed = { $count } 项被注释屏蔽
accept-hidden-baselined = { $count } 项已记入基线
accept-hidden = 未显示：{ $parts }（`planbook check --show-suppressed` 可列出）
accept-stale = 基线中有 { $count } 项问题已不再出现；运行 `planbook check --write-baseline` 可精简基线
accept-wrote = 已将 { $count } 项检查结果写入 { $path }
accept-read-failed = 无法读取基线文件 { $path }：{ $reason }
accept-write-failed = 无法写入基线文件 { $path }：{ $reason }
