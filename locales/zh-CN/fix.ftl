# `planbook check --fix`、`--unsafe-fixes` 与 `--diff`（cli::fix），以及各项修正的标题。

## 写在诊断信息的建议之后：`check --fix` 可以自动完成的修正。
fix-shown-safe = 可自动修正：{ $title }
fix-shown-unsafe = 需核对的修正（加 `--fix --unsafe-fixes` 时才修改）：{ $title }

## `check --fix` 之后：修正了什么，还剩多少问题。
fix-summary = 已修正 { $fixed } 个问题，涉及 { $files } 个文件；还剩 { $remaining } 个问题
fix-summary-none = 没有修正任何问题；还剩 { $remaining } 个问题

## `check --diff` 之后。
fix-diff-summary = 将修正 { $fixed } 个问题，涉及 { $files } 个文件
fix-diff-none = 没有可自动修正的问题

## 有修正但未改动的文件。
fix-file-left = 未修改 `{ $path }`：其内容已不是 planbook 读取时的内容（期间被改动，或不是有效的 UTF-8）
fix-rounds-limit = 已连续修正 { $rounds } 轮，暂停；请再次运行 `planbook check --fix` 继续

## 未加 `--fix` 时：其中有多少问题可以自动修正。
fix-hint-safe = 有 { $count } 个问题可用 `planbook check --fix` 自动修正
fix-hint-both = 有 { $safe } 个问题可用 `planbook check --fix` 自动修正（另有 { $more } 个需加 `--unsafe-fixes`）
fix-hint-unsafe = 有 { $count } 个问题可用 `planbook check --fix --unsafe-fixes` 修正（请核对修改结果）

## `--fix` 或 `--diff` 与 `--staged` 或 `--rev` 同用。
fix-with-git = `{ $option }` 修改的是工作区中的文件，而 `{ $git }` 检查的是 git 中的内容；请去掉 `{ $git }` 后再运行 `planbook check { $option }`

## 修正的标题；`sum` 为已格式化的金额。
fix-set-amount = 将 `amount` 改为 { $sum }{ $also ->
    [both] ，并相应调整所属分项的小计 `subtotal` 与预算合计 `total`
    [subtotal] ，并相应调整所属分项的小计 `subtotal`
    [total] ，并相应调整预算合计 `total`
   *[none] {""}
}
