# 读取文档：文件、front matter、`kind` 键。

load-add-kind = 请在第一行写上如 `kind: budget`；文档类型有 { $items }

## 读取文件。

# `reason` 为下面的某条 load-link-… / load-not-… 消息，或操作系统给出的原因。
load-read-failed = 无法读取文件：{ $reason }
load-link-dangling = 这是一个链接，指向的文件不存在
load-link-loop = 这是一个指回自身的链接
# `error` 为操作系统给出的原因。
load-link-broken = 这是一个无法打开的链接：{ $error }
load-not-regular = 这是管道、套接字或设备，不是普通文件
load-not-a-file = 这不是普通文件
load-too-large = 文件大小为 { $size } 兆字节，超过可读取的上限 { $max } 兆字节
load-too-large-help = 请拆分为较小的文档，或在 `planbook.yaml` 的 `exclude` 中排除该文件
load-not-utf8 = 文件不是有效的 `UTF-8` 编码
load-invalid-bytes = 此处的字节不是有效的 `UTF-8` 编码
load-save-as-utf8 = 请将文件另存为 `UTF-8` 编码（`GBK` 或 `GB2312` 编码的文件必须先转换）
load-link-outside-file = 链接指向仓库之外的文件，不予读取
load-link-outside-folder = 链接指向仓库之外的文件夹，不予读取
load-link-outside-help = 请把链接的目标复制到仓库中，或在 `planbook.yaml` 的 `exclude` 中排除该链接

## `planbook.yaml` 中的 `exclude` 匹配模式。

load-bad-glob = `exclude` 匹配模式无效：{ $reason }
load-glob-recursive = `**` 用法有误：它必须单独构成路径的一段
load-glob-unclosed-class = 字符集合未闭合，缺少 `]`
load-glob-range = 字符范围无效：`{ $start }` 大于 `{ $end }`
load-glob-unopened-group = 候选组缺少开头的 `{"{"}`（如要匹配 `{"}"}` 本身，请写成 `[{"}"}]`）
load-glob-unclosed-group = 候选组缺少结尾的 `{"}"}`（如要匹配 `{"{"}` 本身，请写成 `[{"{"}]`）
load-glob-nested-groups = 候选组不能相互嵌套
load-glob-too-deep = 候选组嵌套过深
load-glob-dangling-escape = 末尾的 `\` 后面缺少要转义的字符

## 元数据块（front matter）与文档本身。

load-front-matter-unclosed = 文件开头的元数据块没有结束
load-front-matter-opens = 元数据块从这里开始
load-front-matter-close = 请用只含 `---` 的一行结束元数据块
load-empty = 文件中没有文档内容
load-empty-help = 请添加 `kind:` 和文档的各个字段，或删除该文件
# `found` 为某条 yaml-type-… 消息：“列表”。
load-not-mapping = 文档应为键值对的映射，实际为{ $found }
load-not-mapping-help = 文档以 `kind:` 开头，其后是各个字段，每行一个 `key: value`
load-no-kind = 文档缺少 `kind` 键
# `key` 是一个看似拼错了的 `kind`。
load-no-kind-found = 文档缺少 `kind` 键，但有 `{ $key }`
load-unknown-kind = 未知的文档类型 `{ $name }`

## 把值读入文档的字段。

load-expected-word = 应为允许的取值之一，实际为{ $found }
load-value-without-key = 这个值没有对应的键
load-no-such-date = 应为日期（如 `2026-12-01`），实际为 `{ $found }`，该日期不存在
# `detail` 为字段类型自身给出的（英文）说明；罕见，几乎所有问题都已由模式检查发现。
load-cannot-read = 无法读取该值：{ $detail }
