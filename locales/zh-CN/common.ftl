# planbook 各部分共用的词句。

# 供消息目录自身的测试使用。
i18n-example = { $name } 有 { $count } 处修改
i18n-example-noun = 预算

# 句中列举各项之间：`2 个错误，1 个警告`。
list-separator = ，
# 名称列举之间：`a`、`b`。
list-items = 、
# 至多十二项，以及其余的项数。
list-some = { $more ->
    [0] { $items }
   *[other] { $items } 等（另有 { $more } 项）
}

## “您是不是要写……”提示（diag::suggest）。

suggest-did-you-mean = 是否应为 `{ $best }`？
suggest-both = { $best }{ $listed }
suggest-kinds-are = 文档类型有 { $items }
unknown-id = 未知的{ $what } `{ $id }`
known-ids = 已有的{ $what }编号为 { $items }

## 消息中用到的名词。

noun-section = 分项
noun-line = 科目
noun-budget-line = 预算科目
noun-post = 岗位
noun-region = 地区
noun-person = 人员
noun-task = 任务
noun-component = 考评项目

## 操作系统的答复（i18n::io_error）。

io-not-found = 文件或文件夹不存在
io-permission-denied = 没有权限
io-already-exists = 已经存在
io-is-a-directory = 这是文件夹，不是文件
io-not-a-directory = 路径中有一段不是文件夹
io-directory-not-empty = 文件夹不是空的
io-read-only = 文件系统为只读
io-storage-full = 磁盘已满
io-quota-exceeded = 磁盘配额已用完
io-file-too-large = 文件超出文件系统允许的大小
io-invalid-filename = 文件名在此处无效
io-timed-out = 操作超时
io-interrupted = 操作被中断
io-unexpected-eof = 文件意外结束
io-out-of-memory = 内存不足
io-address-in-use = 地址已被占用
io-address-not-available = 本机没有这个地址
io-connection-refused = 连接被拒绝
