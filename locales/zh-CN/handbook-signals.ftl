# 预算、回顾和达成率表上的超支/节余提示（render::view::figures）。

# 大区一行由所辖地区的目标合计而来；`regions` 为地区名称列表。
handbook-signals-summed = { $regions }合计
# 预算科目表上方：超支的科目及超支幅度。
handbook-signals-overspent = 超支科目 { $count } 项：{ $lines }
