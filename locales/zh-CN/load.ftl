# 读取文档：文件、front matter、`kind` 键。

load-add-kind = 请在第一行写上如 `kind: budget`；文档类型有 { $items }
