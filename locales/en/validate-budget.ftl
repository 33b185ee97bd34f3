# Rules about a single budget (validate::budget): line ids, breakdowns, declared totals, caps.

## budget.item-form: every breakdown item is `quantity × unit_price` or a fixed `amount`.

budget-item-both = breakdown item `{ $item }` of line `{ $line }` has both an `amount` and a `quantity`/`unit_price`
budget-item-both-help = keep one form: a fixed `amount`, or `quantity` and `unit_price`
budget-item-half = breakdown item `{ $item }` of line `{ $line }` needs both `quantity` and `unit_price`
budget-item-half-help = add the missing one, or use a fixed `amount` instead
budget-item-neither = breakdown item `{ $item }` of line `{ $line }` has neither an `amount` nor a `quantity` and `unit_price`
budget-item-neither-help = add `quantity` and `unit_price`, or a fixed `amount`

## budget.duplicate-line

budget-line-twice = line id `{ $id }` is used twice
# Points at the line that first used the id.
budget-first-used-here = first used here

## budget.negative

budget-negative = line `{ $line }` has a negative figure { $figure }
budget-negative-help = budget amounts are zero or more

## budget.mixed-currency: `currency` and `budget_currency` are ISO codes such as CNY.

budget-mixed-currency = line `{ $line }` is in { $currency } but the budget is in { $budget_currency }
budget-currency-here = the budget's currency
budget-mixed-currency-help = convert the amount, or budget it separately

## number.out-of-range for what a budget computes.

budget-beyond-item = quantity × unit price of `{ $item }` in line `{ $line }` is beyond exact range
budget-beyond-breakdown = the breakdown of line `{ $line }` is beyond exact range
budget-beyond-section = the sum of section `{ $section }` is beyond exact range
budget-beyond-limit = the sum under limit `{ $limit }` is beyond exact range
budget-beyond-total = the budget's total is beyond exact range
budget-beyond-difference = the difference between line `{ $line }`'s amount and its breakdown is beyond exact range
budget-beyond-note = the result needs more than the 28 significant digits planbook computes exactly
budget-beyond-help = check the figures for a typo; planbook never rounds money

## budget.breakdown-over and budget.breakdown-short; figures are formatted amounts.

budget-breakdown-over = breakdown of line `{ $line }` needs { $sum }, more than its amount { $amount }
budget-breakdown-over-note = breakdown sums to { $sum }, { $over } over
budget-breakdown-over-help = raise `amount` to { $sum }, or reduce the items
budget-breakdown-short = line `{ $line }` is { $amount } but its breakdown explains only { $sum }
budget-breakdown-short-note = { $missing } unexplained
budget-breakdown-short-help = set `amount` to { $sum }, or add an item for the remaining { $missing }
# The breakdown's items with their costs: `电话 7,500 + 差旅 1,200`.
budget-breakdown-items = { $items }

## budget.subtotal-mismatch and budget.total-mismatch.

budget-subtotal-mismatch = declared subtotal of section `{ $section }` { $declared } differs from the lines' sum { $computed }
budget-total-mismatch = declared total { $declared } differs from the lines' sum { $computed }
# `difference` is the lines' sum minus the declared figure, with its sign: `+100`, `-1,000`.
budget-mismatch-note = the lines add up to { $computed } ({ $difference })
budget-mismatch-help = set it to { $computed }, or correct the lines

## budget.cap-exceeded: `name` and `limit` are the limit's name and id.

budget-cap-exceeded = { $name } ({ $limit }) of { $sum } exceeds its limit of { $max } by { $over }
budget-cap-note = covered lines add up to { $sum }
# The covered lines with their amounts: `工资 46,000 + 奖金 18,000`.
budget-cap-help = covered: { $lines }
