# 单个预算的规则（validate::budget）：科目编号、明细、申报的合计与限额。

## budget.item-form：每个明细项要么是“数量 × 单价”，要么是固定金额 `amount`。

budget-item-both = 科目 `{ $line }` 的明细项 `{ $item }` 同时写了 `amount` 和 `quantity`/`unit_price`
budget-item-both-help = 只保留一种写法：固定金额 `amount`，或数量 `quantity` 加单价 `unit_price`
budget-item-half = 科目 `{ $line }` 的明细项 `{ $item }` 须同时写明 `quantity` 和 `unit_price`
budget-item-half-help = 请补上缺少的一项，或改用固定金额 `amount`
budget-item-neither = 科目 `{ $line }` 的明细项 `{ $item }` 既没有 `amount`，也没有 `quantity` 和 `unit_price`
budget-item-neither-help = 请填写数量 `quantity` 和单价 `unit_price`，或填写固定金额 `amount`

## budget.duplicate-line

budget-line-twice = 科目编号 `{ $id }` 重复使用
# 指向首次使用该编号的科目。
budget-first-used-here = 首次使用处

## budget.negative

budget-negative = 科目 `{ $line }` 含有负数 { $figure }
budget-negative-help = 预算金额不能为负数

## budget.mixed-currency：`currency` 与 `budget_currency` 为币种代码，如 CNY。

budget-mixed-currency = 科目 `{ $line }` 以 { $currency } 计价，而预算以 { $budget_currency } 计价
budget-currency-here = 预算的币种
budget-mixed-currency-help = 请折算金额，或为其单独编制预算

## number.out-of-range：预算中计算出的数超出精确计算的范围。

budget-beyond-item = 科目 `{ $line }` 中 `{ $item }` 的数量 × 单价超出了精确计算的范围
budget-beyond-breakdown = 科目 `{ $line }` 的明细合计超出了精确计算的范围
budget-beyond-section = 分项 `{ $section }` 的合计超出了精确计算的范围
budget-beyond-limit = 限额 `{ $limit }` 所辖科目的合计超出了精确计算的范围
budget-beyond-total = 预算总额超出了精确计算的范围
budget-beyond-difference = 科目 `{ $line }` 的金额与其明细合计之差超出了精确计算的范围
budget-beyond-note = 计算结果超过 28 位有效数字，无法精确计算
budget-beyond-help = 请检查数字是否输错；金额从不四舍五入

## budget.breakdown-over 与 budget.breakdown-short；数字均为已格式化的金额。

budget-breakdown-over = 科目 `{ $line }` 的明细合计 { $sum }，超过其金额 { $amount }
budget-breakdown-over-note = 明细合计 { $sum }，超出 { $over }
budget-breakdown-over-help = 请将 `amount` 提高到 { $sum }，或削减明细项
budget-breakdown-short = 科目 `{ $line }` 的金额为 { $amount }，但明细只说明了其中的 { $sum }
budget-breakdown-short-note = 有 { $missing } 未说明用途
budget-breakdown-short-help = 请将 `amount` 改为 { $sum }，或为余下的 { $missing } 增加一个明细项
# 明细各项及其金额：`电话 7,500 + 差旅 1,200`。
budget-breakdown-items = { $items }

## budget.subtotal-mismatch 与 budget.total-mismatch。

budget-subtotal-mismatch = 分项 `{ $section }` 申报的小计 { $declared } 与各科目合计 { $computed } 不符
budget-total-mismatch = 申报的合计 { $declared } 与各科目合计 { $computed } 不符
# `difference` 为各科目合计减去申报数，带正负号：`+100`、`-1,000`。
budget-mismatch-note = 各科目合计为 { $computed }（差额 { $difference }）
budget-mismatch-help = 请改为 { $computed }，或更正各科目

## budget.cap-exceeded：`name` 与 `limit` 为限额的名称与编号。

budget-cap-exceeded = { $name }（`{ $limit }`）合计 { $sum }，比限额 { $max } 多出 { $over }
budget-cap-note = 所辖科目合计 { $sum }
# 所辖科目及其金额：`工资 46,000 + 奖金 18,000`。
budget-cap-help = 所辖科目：{ $lines }
