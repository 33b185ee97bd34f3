# `planbook build` 与 `planbook serve` 生成手册之后：有错误的文档，以及无法读取的文档的页面
# （`render::broken`），这些页面显示问题而非内容。
build-errors-in = { $count } 份文档有错误
# 有文档无法读取时，接在 `build-errors-in` 同一行之后；其后每行一个页面（`build-broken-page`）。
build-errors-unreadable = ；其中 { $count } 份无法读取，其页面显示问题而非内容：
# 所有文档都能读取时，接在 `build-errors-in` 同一行之后。
build-errors-listed = ，详见手册的问题页
build-broken-page = { $path } → { $page }
# `planbook build --deny-errors` 遇到有错误的资料库：未发布。其后每行一个有错误的文件。
build-denied = 未发布：{ $count } 份文档有错误，且指定了 `--deny-errors`，{ $dir } 保持原样：
build-denied-check = 可运行 `planbook check` 查看问题
