# 读取 YAML 文本：语法错误、重复的键、标记和大小限制（yaml）。

# `detail` 为下面的某条 yaml-scan-… 或其他 yaml-… 说明。
yaml-invalid = 语法错误：{ $detail }
yaml-more-documents = 文本中有不止一个文档
yaml-more-documents-help = 内容之后的 `---` 行会另起一个文档；请删除该行，或把各文档分别存为单独的文件
yaml-unexpected-end = 文本意外结束
yaml-unexpected-structure = 结构不符合预期
yaml-merge-value = 合并键（`<<`）的值必须是映射，或由映射组成的列表
yaml-alias-in-itself = 别名引用了包含它自身的节点
yaml-unknown-alias = 别名 `*{ $name }` 之前没有定义锚点 `&{ $name }`
yaml-unknown-alias-help = 请先用 `&name` 定义该值，再在后面用 `*name` 引用
yaml-tab-help = 缩进只能用空格；请把制表符换成空格

## 限制。

yaml-too-deep = 文档嵌套超过 { $max } 层
yaml-too-deep-help = 列表和映射最多只能相互嵌套这么多层；请把文档改平，或检查是否有未闭合的 `[` 或 `{"{"}`
yaml-too-many-aliases = 本文档中的别名（`*name`）展开后超过 { $max } 个值
yaml-too-many-aliases-help = 到此即停止读取，以免几行别名展开成数十亿个值；请把重复的值直接写出，或减少别名的层层引用
yaml-too-large = 文档中的值超过 { $max } 个
yaml-too-large-help = 不读取这么大的文档；请拆分为多个文档

## 重复的键。

yaml-duplicate-key = 键 `{ $name }` 重复
# 标在两个相同键中的第一个上。
yaml-first-defined = 首次定义处
yaml-duplicate-key-help = 同一映射中每个键只能出现一次；请删除其中一个，或将二者合并

## 标记与标量（只有 `true` 和 `false` 是布尔值）。

yaml-list-tag = 列表不能带标记 `{ $tag }`；请删除该标记
yaml-mapping-tag = 映射不能带标记 `{ $tag }`；请删除该标记
yaml-invalid-i64 = 标为整数的值不是有效的整数
yaml-invalid-u64 = 标为整数的值不是有效的整数
yaml-invalid-float = 标为小数的值不是有效的数字
yaml-scalar-collection-tag = 单个值不能带 `!!seq` 或 `!!map` 标记
yaml-unsupported-tag = 不支持该标记；请删除标记，或给值加上引号
yaml-invalid-boolean = 布尔值无效（只接受 `true` 或 `false`）

## 消息中对值的类型的称呼：“实际为列表”。

yaml-type-null = 空值
yaml-type-bool = 布尔值
yaml-type-number = 数字
yaml-type-string = 文本
yaml-type-list = 列表
yaml-type-mapping = 映射

## 解析器报告的问题。

yaml-scan-eof-flow-sequence = 方括号列表尚未结束，文本就结束了
yaml-scan-eof-flow-mapping = 花括号映射尚未结束，文本就结束了
yaml-scan-eof-implicit-mapping = 方括号内的键值对尚未结束，文本就结束了
yaml-scan-eof-block-sequence = 列表尚未结束，文本就结束了
yaml-scan-eof-block-mapping = 映射尚未结束，文本就结束了
yaml-scan-eof = 文本意外结束
yaml-scan-no-content = 此处缺少应有的值
yaml-scan-no-key = 映射中此处应为一个键
yaml-scan-flow-mapping = 花括号映射中此处应为 `,` 或 `{"}"}`
yaml-scan-flow-sequence = 方括号列表中此处应为 `,` 或 `]`
yaml-scan-no-dash = 列表中此处应为以 `-` 开头的一项
yaml-scan-no-colon = 键后面应有 `:`
yaml-scan-key-broken = 键写得不完整（键必须写在一行内，且 `:` 紧跟其后）
yaml-scan-after-end = 文档结束标记之后还有内容
yaml-scan-indentation = 缩进不正确
yaml-scan-flow-indentation = 括号内的内容缩进不正确
yaml-scan-bom = 文档中间不能出现字节顺序标记（`BOM`）
# `character` 为转义后的字符：`@`、`\t`。
yaml-scan-character = 此处不能以字符“{ $character }”开头；请给值加上引号
yaml-scan-tab = 此处不能使用制表符
yaml-scan-tab-block = 此处不能使用制表符（缩进）
yaml-scan-tab-block-text = 多行文本的内容不能以制表符开头
yaml-scan-tab-indentation = 制表符不能用作缩进
yaml-scan-tab-plain = 未加引号的文本中出现了制表符
yaml-scan-comment-in-text = 注释打断了多行文本
yaml-scan-comment-space = 注释与前面的内容之间必须有空格
yaml-scan-anchor-name = 锚点或别名缺少名称（`&` 或 `*` 后应紧跟字母或数字）
yaml-scan-misplaced-bracket = 括号位置不对
yaml-scan-mismatched-bracket = 括号不匹配：`{ $open }` 被 `{ $close }` 闭合
yaml-scan-unclosed-bracket = 括号 `{ $open }` 未闭合
yaml-scan-dash-in-brackets = 以 `-` 开头的列表项不能写在括号内
yaml-scan-dash-not-allowed = 此处不能出现以 `-` 开头的列表项
yaml-scan-dash-space = `-` 后面必须有空格
yaml-scan-block-text-indent = 多行文本中有一行缩进不正确
yaml-scan-unclosed-quote = 引号未闭合
yaml-scan-quoted-indent = 带引号的多行文本缩进不正确
yaml-scan-after-single-quote = 单引号文本结束后还有多余内容
yaml-scan-after-double-quote = 双引号文本结束后还有多余内容
yaml-scan-unknown-escape = 双引号文本中有无法识别的转义字符
yaml-scan-hex-escape = 双引号文本中的转义缺少应有的十六进制数字
yaml-scan-low-surrogate-hex = 双引号文本中低位代理项的转义缺少应有的十六进制数字
yaml-scan-low-surrogate = 双引号文本中的低位代理项无效
yaml-scan-missing-low-surrogate = 双引号文本中的高位代理项后面缺少低位代理项
yaml-scan-unpaired-low-surrogate = 双引号文本中的低位代理项没有配对
yaml-scan-unicode-escape = 双引号文本中的字符转义码无效
yaml-scan-dash-bracket = 未加引号的文本不能以 `-` 加括号或逗号开头
yaml-scan-key-not-allowed = 此处不能出现键
yaml-scan-colon-space = `:` 后面必须有空格
yaml-scan-colon-placement = `:` 的位置不对
yaml-scan-colon-bracket = 花括号映射中 `:` 后面不能紧跟 `[` 或 `{"{"}`
yaml-scan-value-not-allowed = 此处不能出现键值对（是否缩进不对，或冒号后缺少空格？）
# 较少见的问题，附解析器的原话（`text`）。
yaml-scan-other = 文本无法解析（解析器：`{ $text }`）

## Syntax errors explained: what the writer most likely did, and what to do.

yaml-syntax-help = 此处的写法不符合格式；请检查这一行和上一行：缩进是否与周围的行一致，键后是否漏了 `: `，引号或括号是否没有配对
yaml-indent-key = 这一行缩进了 { $found } 个空格，但与它同级的行缩进 { $expected } 个空格
yaml-indent-key-help = 同一组键必须从同一列开始；请{ $expected ->
        [0] 删去这一行的缩进
       *[other] 把这一行缩进改为 { $expected } 个空格
    }，与同级的键对齐
yaml-indent-item = 这个列表项缩进了 { $found } 个空格，但同一列表的其他项缩进 { $expected } 个空格
yaml-indent-item-help = 同一列表的 `-` 必须从同一列开始；请{ $expected ->
        [0] 删去这一行的缩进
       *[other] 把这一行缩进改为 { $expected } 个空格
    }，与其他项对齐
yaml-indent-fix = { $expected ->
        [0] 删去这一行的缩进
       *[other] 把这一行缩进改为 { $expected } 个空格
    }
yaml-siblings-here = 同级的行从这里开始
yaml-indent-unclear = 这一行缩进了 { $found } 个空格，与上面任何一行都对不齐
yaml-indent-unclear-help = 请与它所属的键或列表项对齐：同一组键从同一列开始，同一列表的 `-` 也从同一列开始
yaml-dash-in-mapping = 一组“键: 值”中间出现了列表项（`-`）
yaml-dash-in-mapping-help = 周围的行都是 `键: 值`，这一行也需要一个键；请删掉 `- `，或把这一项移到它所属列表的键下面，并比那个键缩进更多
yaml-mapping-keys-here = 这一组键从这里开始
yaml-colon-in-value = 这个值里含有 `: `，会被当成同一行的第二个键
yaml-colon-in-value-help = 请给值加上引号（如 `note: "时间: 9:00"`）；如果这里本该是一个新的键，请把它移到单独一行
yaml-tab = 缩进里有制表符
yaml-unclosed-quote = 这里开始的引号 `{ $quote }` 没有结束引号
yaml-unclosed-quote-help = 请在同一行的值末尾补上 `{ $quote }`，或删掉开头的引号
yaml-unclosed-bracket = 括号 `{ $open }` 未闭合
yaml-unclosed-bracket-help = 请在同一行最后一项之后用 `{ $close }` 闭合（如 `{ $open }a, b{ $close }`）；或改为每行写一项，以 `- ` 或 `键: 值` 开头
yaml-after-quote = 值的结束引号后面还有文字
yaml-after-quote-help = 加引号的值到结束引号为止；请把整个值都放进引号里，或去掉引号
yaml-colon-no-space = `{ $key }:{ $value }` 的冒号后没有空格，会被当成一整段文字，而不是键 `{ $key }` 和它的值
yaml-colon-no-space-help = 请在冒号后加一个空格：`{ $key }: { $value }`
yaml-colon-no-space-fix = 在冒号后加一个空格

## Input-method habits: full-width punctuation where YAML needs ASCII.

yaml-habit-colon = 全角冒号 `：`，请改为半角 `:`
yaml-habit-colon-help = 键和值之间只能用半角 `:` 加空格分隔；输入键名时请把输入法切换到半角标点
yaml-habit-space = 全角空格 `　`，请改为半角空格
yaml-habit-space-help = 缩进和 `:` 后的空格都必须是半角空格；全角空格（U+3000）看起来一样，但会被当成文字
yaml-habit-dash = 全角横线 `－`，请改为半角 `-`
yaml-habit-dash-help = 列表项以半角 `-` 加空格开头；全角 `－` 会被当成文字
yaml-habit-fix = 把全角字符改为半角
yaml-key-in-list = 列表项中间出现了一行 `键: 值`
yaml-key-in-list-help = 周围的行都是以 `-` 开头的列表项；请在这一行前也加上 `- `，或把它缩进到所属的列表项下面
yaml-list-items-here = 列表项从这里开始
yaml-list-after-key = 列表不能与它的键写在同一行
yaml-list-after-key-help = 请把各项写在键下面的行里，缩进并以 `- ` 开头；或用方括号写成 `key: [a, b]`
yaml-reserved-start = 值不能以 `{ $character }` 开头
yaml-reserved-start-help = 请给值加上引号：`"{ $character }…"`
yaml-unknown-escape = 双引号里的反斜杠 `\` 表示转义（如 `\n`），此处的转义无法识别
yaml-unknown-escape-help = 请改用单引号（如 `'C:\docs'`），或把每个反斜杠写两次（`\\`）
yaml-tab-text = 此处有制表符，这里只能用空格
yaml-indent-under-key-help = 上面的 `{ $key }:` 没有值：若这一行属于它，请缩进多于 { $expected } 个空格（如 { $nested } 个）；若与 `{ $key }` 同级，请{ $expected ->
        [0] 删去这一行的缩进
       *[other] 缩进 { $expected } 个空格
    }
yaml-flow-separator-help = 括号里的各项之间要用逗号加空格分隔（如 `{"{"} name: a, post: b {"}"}`、`[a, b]`），并在同一行闭合括号
yaml-dash-no-space = 列表项的 `-` 后面需要一个空格
yaml-dash-no-space-help = 没有空格时，`-` 会被当成文字的一部分；请像同一列表的其他项一样写成 `- `
yaml-dash-no-space-fix = 在 `-` 后加一个空格
