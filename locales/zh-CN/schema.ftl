# 模式错误：值的类型或格式不对。

schema-expected-one-of = 应为以下之一：{ $items }
