# 语言服务器的悬停卡片与内嵌提示（src/lsp/hover.rs、src/lsp/inlay.rs）。

## 标签与值之间。

lsp-hover-colon = ：

## 卡片各行的标签。

lsp-hover-as-of = 截至 { $day }
lsp-hover-id = 编号
lsp-hover-name = 名称
lsp-hover-post = 岗位
lsp-hover-region = 大区
lsp-hover-manager = 直属上级
lsp-hover-employment = 用工形式
lsp-hover-since = 入职
lsp-hover-until = 离职
lsp-hover-unit = 单位
lsp-hover-acting = 代理
lsp-hover-changes = 变动记录
lsp-hover-not-on-staff = { $day } 不在岗
lsp-hover-measure = 计量单位
lsp-hover-better = 方向
lsp-hover-aggregate = 汇总方式
lsp-hover-description = 说明
lsp-hover-target = 目标
lsp-hover-floor = 保底
lsp-hover-range = 区间
lsp-hover-actual = 实际
lsp-hover-attainment = 达成率
lsp-hover-amount = 金额
lsp-hover-no-amount = 未填写
lsp-hover-breakdown = 明细
lsp-hover-section = 分项
lsp-hover-category = 类别
lsp-hover-spent = 实际支出
lsp-hover-variance = 差额
lsp-hover-max = 上限
lsp-hover-covers = 适用范围
lsp-hover-covers-all = 全部科目
lsp-hover-used = 已列预算
lsp-hover-headroom = 剩余额度
lsp-hover-owner = 负责人
lsp-hover-start = 开始
lsp-hover-duration = 工期
lsp-hover-due = 截止
lsp-hover-end = 结束
lsp-hover-depends-on = 前置任务
lsp-hover-dependents = 后续任务
lsp-hover-status = 状态
lsp-hover-establishment = 编制
lsp-hover-on-staff = 在岗
lsp-hover-vacancies = 空缺
lsp-hover-pay = 薪酬
lsp-hover-people = 人数
lsp-hover-group = 所属大区
lsp-hover-regions = 下辖大区
lsp-hover-parent = 上级单位
lsp-hover-children = 下级单位
lsp-hover-weight = 权重
lsp-hover-scale = 计分标准
lsp-hover-kpi = 指标
lsp-hover-subtotal = 计算小计
lsp-hover-lines = 科目
lsp-hover-lines-total = 预算合计
lsp-hover-none = 无

## 值。

lsp-hover-with = { $value }（{ $words }）

lsp-hover-days = { $days } 天
lsp-hover-scale-value = 保底 { $floor }，目标 { $target }
lsp-hover-scale-cap = 保底 { $floor }，目标 { $target }，封顶 { $cap }
lsp-hover-acting-since = { $post }（自 { $from } 起）
lsp-hover-acting-between = { $post }（{ $from } 至 { $until }）
lsp-hover-employment-value = { $value ->
    [part-time] 兼职
    [contract] 合同工
    [secondment] 借调
    [temporary] 临时工
   *[full-time] 全职
}
lsp-hover-better-value = { $value ->
    [lower] 越低越好
   *[higher] 越高越好
}
lsp-hover-aggregate-value = { $value ->
    [mean] 取平均
    [min] 取最小值
    [max] 取最大值
   *[sum] 求和
}
lsp-hover-status-value = { $value ->
    [not-started] 未开始
    [in-progress] 进行中
    [blocked] 受阻
    [dropped] 已取消
   *[done] 已完成
}
lsp-hover-standing = { $standing ->
    [met] 达成
    [above-floor] 过保底，未达目标
    [missed] 未达成
   *[no-actual] 尚无实际数
}
lsp-hover-over = 超支 { $amount }
lsp-hover-under = 节余 { $amount }
lsp-hover-even = 与预算持平
lsp-hover-change-post = 岗位 { $post }
lsp-hover-change-region = 大区 { $region }
lsp-hover-change-manager = 上级 { $manager }
lsp-hover-change-employment = { $employment }
lsp-hover-change-pay = 薪酬 { $pay }

## 内嵌提示（简短）。

lsp-inlay-breakdown-differs = ≠ { $total } 明细合计
lsp-inlay-sum-differs = ≠ { $total } 计算合计
lsp-inlay-weights = 权重合计 { $sum }
lsp-inlay-weights-off = 权重合计 { $sum } ≠ 100
lsp-inlay-attainment = 达成 { $pct }%{ $standing ->
    [met] {" "}✓
    [missed] {" "}✗
   *[above-floor] （过保底）
}
lsp-inlay-over = 超支 { $amount }
lsp-inlay-under = 节余 { $amount }
lsp-inlay-even = 持平
lsp-hover-component-group = 所属分组
lsp-hover-beyond = 超出限额
