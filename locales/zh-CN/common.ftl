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

noun-section = 部分
noun-line = 科目
noun-budget-line = 预算科目
noun-post = 岗位
noun-region = 地区
noun-person = 人员
noun-task = 任务
noun-component = 考评项目
