# 诊断信息在消息前后的版式（`planbook check`）。

severity-error = 错误
severity-warning = 警告
severity-note = 提示
# 紧跟在 `错误[rule.id]` 之后。
diag-headline = ：{ $message }
diag-help = 建议：{ $help }
# 与消息写在同一行的附注（`--format short`、GitHub 注释）。
diag-aside = （{ $note }）
diag-count-errors = { $count } 个错误
diag-count-warnings = { $count } 个警告
diag-count-notes = { $count } 条提示
# `place` 为空，或以空格开头说明文件从何处读取：` HEAD~1 (3f2a9c1) 中的`，放在文件数之前。
diag-summary = 已检查{ $place } { $files } 个文件：{ $problems }
diag-summary-clean = 已检查{ $place } { $files } 个文件：未发现问题
