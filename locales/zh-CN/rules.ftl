# 规则目录（`planbook rules`）：每条规则编号（点号换成连字符）对应一行摘要，说明该规则发现的问题（不带句末标点）；
# 以及 `-explanation`：为何重要、如何修正，并附示例。

rule-file-read = 文件无法读取
rule-file-read-explanation = `planbook` 无法打开该文件，例如它是指向不存在文件的链接，或是无权读取的文件夹。其他文件仍会照常检查。

rule-file-encoding = 文件不是有效的 `UTF-8` 文本
rule-file-encoding-explanation = 文档必须以 `UTF-8` 编码保存。旧版编辑器以 `GBK` 或 `GB2312` 保存的文件会在此报出，并标明第一个非 `UTF-8` 字节的位置。请将文件另存为 `UTF-8`。

rule-file-too-large = 文件超过可读取的大小上限
rule-file-too-large-explanation = `planbook` 不读取超过 64 MiB 的文件，以免误放的导出文件耗尽内存。请拆分该文档，或在 `planbook.yaml` 的 `exclude:` 下列出该文件。

rule-file-link-outside = 符号链接指向仓库之外，不予读取
rule-file-link-outside-explanation = `planbook` 从不读取数据仓库之外的内容，因此像 `/etc/passwd` 这样的文件即使以 `notes.md` 的名义链接进来，也不会进入手册。链接一律不跟随：指向仓库内文件或文件夹的链接会被跳过（其目标按自身路径读取）；以文档命名的链接或文件夹链接若指向仓库之外，则报出此警告。请将文件复制到仓库中，或在 `exclude:` 下列出该链接。

rule-yaml-syntax = 文件不是有效的 YAML
rule-yaml-syntax-explanation =
    YAML 解析在所示位置中止。常见原因是用制表符缩进（YAML 只允许空格），或括号、引号未闭合。

    示例：
        lines:
    {"    \u0009"}- id: rent      # 此处的制表符导致格式无效

rule-yaml-duplicate-key = 同一映射中某个键出现两次
rule-yaml-duplicate-key-explanation =
    YAML 不允许在同一映射中重复书写同一个键，其他工具会悄悄只保留其中一个值。`planbook` 会指出第二次出现的位置，并注明第一次出现之处。

    示例：
        amount: 13000
        amount: 12000   # 究竟以哪个为准？

rule-yaml-limit = 文档嵌套过深，或经别名展开的内容过多
rule-yaml-limit-explanation = `planbook` 拒绝嵌套超过 128 层的文档，也拒绝别名（`*name`）展开后超过 100,000 个值的文档（否则寥寥几行的“别名炸弹”就能展开成数十亿个值）。正常的计划类文档远低于这两个上限。

rule-front-matter-unclosed = Markdown 前置元数据缺少结束行 `---`
rule-front-matter-unclosed-explanation = 以 `---` 开头的 Markdown 文件带有 YAML 前置元数据，必须以一行只有 `---` 的内容结束。否则整个文件都会被当作 YAML 读取。

rule-document-empty = YAML 文件中没有文档
rule-document-empty-explanation = 文件为空，或只有注释。请补上 `kind:` 和文档的各项字段，或删除该文件。

rule-document-not-mapping = 文档不是键值映射
rule-document-not-mapping-explanation = 文档是以 `kind:` 开头的键值映射。顶层为列表（以 `- ` 开头的行）或单个值的文件不是文档。

rule-document-missing-kind = YAML 文档缺少 `kind` 键
rule-document-missing-kind-explanation = 仓库中的每个 YAML 文件都必须注明自身类型，以免一处笔误让 `planbook` 悄悄跳过某个文档。请添加 `kind: roster`、`budget`、`plan`、`review` 或 `page`，或在 `planbook.yaml` 中排除该文件。（不带 `kind` 的 Markdown 文件视为普通页面。）

rule-document-unknown-kind = 文档的 `kind` 不是支持的类型
rule-document-unknown-kind-explanation = 可用的类型为 `roster`、`budget`、`plan`、`review` 和 `page`。

rule-document-unknown-unit = 文档所属单位不在 `planbook.yaml` 中
rule-document-unknown-unit-explanation =
    每个文档都隶属于 `planbook.yaml` 中组织层级里的某个单位，汇总才能逐级向上计算。请在 `units:` 下添加该单位，或更正单位编号。

    示例：
        unit: henna     # planbook.yaml 中为 `henan`

rule-document-unknown-kpi = 目标或实际数引用了指标库中没有的指标
rule-document-unknown-kpi-explanation = 指标统一在 `planbook.yaml` 的 `kpis:` 中定义，包括计量单位、汇总方式以及数值越高越好还是越低越好。计划和回顾按编号引用指标。

rule-document-duplicate = 两份同类文档对应同一单位和期间
rule-document-duplicate-explanation = 每个单位每个期间最多只有一份预算、一份计划和一份回顾（人员编制也只有一份），这样关联和汇总才不会有歧义。请合并这两份文档，或更正其中一份的期间。

rule-schema-unknown-field = 文档结构不允许的字段
rule-schema-unknown-field-explanation =
    通常是笔误。`planbook` 会提示最接近的合法字段名。

    示例：
        amout: 46000    # 是否应为 `amount`？

rule-schema-missing-field = 缺少必填字段
rule-schema-missing-field-explanation = 有些字段为必填项，例如岗位的 `establishment` 或预算的 `period`。

rule-schema-type = 值的类型不正确
rule-schema-type-explanation =
    例如应填数字的地方填了文字。数字直接书写，不加引号，也不加千位分隔符；只有 `true` 和 `false` 是布尔值。

    示例：
        amount: "46,000"   # 应写作 46000

rule-schema-value = 值不在允许范围内，或格式不正确
rule-schema-value-explanation = 值的类型正确，但格式不符合要求：期间须写作 `2026-12`、`2026-Q1` 或 `2026`；枚举项只能取所列词语之一。

rule-schema-invalid = 文档不符合其结构定义
rule-schema-invalid-explanation = 与结构定义不符的其他情况，例如不存在的日期（`2026-02-30`）。

rule-number-out-of-range = 数字或其和、积超出可精确计算的范围
rule-number-out-of-range-explanation =
    `planbook` 从不对金额做舍入。数字的整数部分最多 15 位、小数部分最多 6 位，且须完整写出（不用指数形式）；求和或“数量 × 单价”的结果若需要超过 28 位有效数字，会在此报出，而不会被舍入。

    示例：
        amount: 79000000000000000000000000000    # 29 位数字

rule-config-unknown-rule = `planbook.yaml` 的 `rules` 中列出了不存在的规则
rule-config-unknown-rule-explanation = 严重级别的覆盖设置使用 `planbook rules` 所列的规则编号。

rule-config-bad-glob = `planbook.yaml` 中的 `exclude` 模式不是有效的通配符模式
rule-config-bad-glob-explanation = 模式使用通配符语法，相对于 `planbook.yaml` 所在位置，例如 `drafts/**` 或 `*.tmp.yaml`。

rule-config-duplicate-unit = `planbook.yaml` 中有两个单位编号相同
rule-config-duplicate-unit-explanation = 单位编号必须唯一：文档和汇总都按编号引用单位。

rule-config-unknown-parent = 单位的 `parent` 不是已有单位
rule-config-unknown-parent-explanation = `parent:` 必须填写另一个单位的编号；顶层单位则不填。

rule-config-unit-cycle = 单位的上下级关系形成循环
rule-config-unit-cycle-explanation = 单位层级必须是树形结构：从任一单位沿 `parent:` 向上，最终都应到达顶层单位。循环中的每个单位都会列出。

rule-config-duplicate-kpi = 指标库中有两个指标编号相同
rule-config-duplicate-kpi-explanation = 指标编号必须唯一：目标和实际数都按编号引用指标。

rule-roster-duplicate-person = 人员编号在同一份或不同人员编制中重复使用
rule-roster-duplicate-person-explanation = 人员编号在整个仓库中唯一，这样考评得分、任务和汇报关系才能准确对应到一个人。另一处出现的位置也会一并标明。

rule-roster-duplicate-post = 同一份人员编制中岗位编号重复使用
rule-roster-duplicate-post-explanation = 岗位编号在一份人员编制内必须唯一。

rule-roster-duplicate-region = 同一份人员编制中地区编号重复使用
rule-roster-duplicate-region-explanation = 地区编号在一份人员编制内必须唯一。

rule-roster-unknown-post = 人员、岗位或预算明细引用了人员编制中没有的岗位
rule-roster-unknown-post-explanation = 岗位在本单位人员编制的 `posts:` 下定义。

rule-roster-unknown-region = 人员或地区引用了人员编制中没有的地区
rule-roster-unknown-region-explanation = 地区在本单位人员编制的 `regions:` 下定义。

rule-roster-merged-region = 人员被分配到已并入其他地区的地区
rule-roster-merged-region-explanation = 带有 `merged_into:` 的地区由其并入的地区统一覆盖（鹤壁计入安阳），因此人员应分配到该地区。

rule-roster-unknown-manager = `reports_to` 指向的人员不在任何人员编制中
rule-roster-unknown-manager-explanation = 汇报关系必须落到真实的人员上。请更正编号，或补充该上级。

rule-roster-self-manager = 人员向自己汇报
rule-roster-self-manager-explanation = `reports_to:` 填写的是该人员本人的编号。

rule-roster-cycle = 汇报关系形成循环
rule-roster-cycle-explanation = 从这些人员出发沿 `reports_to:` 向上，最终又回到起点，因此循环中没有人有最高上级。循环中的每个人都会列出。

rule-roster-too-deep = 汇报链的层级超过 `max_management_levels`
rule-roster-too-deep-explanation = `planbook.yaml` 规定了组织允许的管理层级数（示例计划允许三级：总经理、大区经理、业务员）。该汇报链会一并列出。

rule-roster-over-establishment = 岗位在岗人数超过编制
rule-roster-over-establishment-explanation = 编制（定编）是一个岗位核定的人数。请提高编制，或调出人员。

rule-roster-vacancy = 岗位在岗人数少于编制
rule-roster-vacancy-explanation = 仅供参考：列出各岗位的空编数。

rule-roster-dates = 人员的 `until` 早于 `since`
rule-roster-dates-explanation = `until:`（离职日期）不能早于 `since:`（入职日期）。

rule-budget-item-form = 明细项既没有 `amount`，也没有 `quantity` 和 `unit_price`
rule-budget-item-form-explanation = 明细项要么是 `quantity` × `unit_price`，要么是固定的 `amount`，二者不能同时填写，也不能只填一半。

rule-budget-duplicate-line = 预算中有两个科目编号相同
rule-budget-duplicate-line-explanation = 科目编号在一份预算内必须唯一；回顾按科目编号填报支出。

rule-budget-unknown-section = 科目引用了预算中未定义的分项
rule-budget-unknown-section-explanation = 分项在 `sections:` 下声明；科目的 `section:` 必须是其中之一。

rule-budget-unknown-line = 限额引用了预算中没有的科目
rule-budget-unknown-line-explanation = 分组限额在 `lines:` 下列出科目编号，每个编号都必须是本预算的科目。

rule-budget-negative = 预算金额为负数
rule-budget-negative-explanation = 金额、数量和单价均不得小于零。收入和退款请另行记录。

rule-budget-mixed-currency = 科目的币种与所属预算不同
rule-budget-mixed-currency-explanation = 一份预算按同一币种合计。请换算该科目的金额，或为其单独编制预算。

rule-budget-breakdown-over = 科目明细合计超过科目金额
rule-budget-breakdown-over-explanation =
    各明细项（数量 × 单价）所需金额超过了该科目的预算。

    示例：
        amount: 5000
        breakdown:
          - {"{"} name: 电话, quantity: 30, unit_price: 250 {"}"}   # 7500

rule-budget-breakdown-short = 科目明细合计少于科目金额
rule-budget-breakdown-short-explanation = 科目金额中有一部分未由明细项说明，未说明的差额会一并列出。示例预算的工资科目为 46,000，而明细合计为 45,650。

rule-budget-subtotal-mismatch = 分项的申报小计与其科目合计不符
rule-budget-subtotal-mismatch-explanation = 填写的 `subtotal:` 是一项声明：该分项各科目之和必须等于它。

rule-budget-total-mismatch = 预算的申报总额与科目合计不符
rule-budget-total-mismatch-explanation =
    填写的 `total:` 是一项声明：全部科目之和必须等于它。

    示例：
        total: 123000   # 各科目合计为 122900

rule-budget-cap-exceeded = 超出限额
rule-budget-cap-exceeded-explanation = 限额所覆盖的科目（全部科目，或其 `lines:` 和 `categories:` 所列科目）合计超过了其 `max:`。示例预算将人员费用限额定为 90,000。

rule-budget-headcount = 明细项的数量与对应岗位的编制及在岗人数均不一致
rule-budget-headcount-explanation = 通过 `post:`（或用 `posts: [admin-clerk, sales-clerk]` 关联多个岗位）关联到人员编制岗位的明细项，统计的是这些岗位的人数。其数量应等于这些岗位的编制合计，或在岗人数合计，两者都按预算期最后一天的名册计算：9月的预算按9月的名册核对，而不是按今天的名册。

rule-plan-unknown-person = 计划负责人或任务负责人不在本单位人员编制中
rule-plan-unknown-person-explanation = 负责人须为计划所属单位（或其下属单位）人员编制中的人员编号。

rule-plan-unknown-post = 考评表或目标引用了本单位人员编制中没有的岗位
rule-plan-unknown-post-explanation = `post:`、`per_post:` 和 `assessed_by:` 引用的是本单位人员编制中的岗位。

rule-plan-target-empty = 目标未填写 `target`、`floor` 或 `range`
rule-plan-target-empty-explanation = 目标至少要有一个数值：`target`、`floor` 或 `range`。

rule-plan-floor-above-target = 目标的保底值越过了目标值
rule-plan-floor-above-target-explanation = 保底值是可接受的最低结果，目标值是努力方向。因此对越高越好的指标，保底值不得高于目标值（对越低越好的指标，则不得低于目标值）。

rule-plan-inverted-range = 区间的 `min` 大于 `max`
rule-plan-inverted-range-explanation =
    示例：
        range: {"{"} min: 600000, max: 350000 {"}"}   # 两者应互换

rule-plan-weights-sum = 考评表的权重之和不等于 100
rule-plan-weights-sum-explanation = 示例计划中基本工作占 60%，业绩占 40%。实际求得的权重之和会一并列出。

rule-plan-duplicate-component = 考评表中有两个考评项目编号相同
rule-plan-duplicate-component-explanation = 回顾按编号为考评项目打分，因此编号在一张考评表内必须唯一。

rule-plan-duplicate-scorecard = 同一计划中某岗位有两张考评表
rule-plan-duplicate-scorecard-explanation = 每个岗位在一份计划中只按一张考评表考评。

rule-plan-duplicate-task = 计划中有两项任务编号相同
rule-plan-duplicate-task-explanation = 任务编号在一份计划内必须唯一；前置任务和回顾都按编号引用任务。

rule-plan-unknown-dependency = 任务依赖了计划中没有的任务
rule-plan-unknown-dependency-explanation = `depends_on:` 列出的是同一计划中其他任务的编号。

rule-plan-task-cycle = 任务之间形成循环依赖
rule-plan-task-cycle-explanation = 循环中的任务都永远无法开始。循环中的每项任务都会列出。

rule-plan-task-dates = 任务的日期相互矛盾
rule-plan-task-dates-explanation = 任务的 `due` 早于 `start`，或 `start` 加上 `duration` 与 `due` 不符，或任务在其前置任务截止之前就开始。

rule-plan-task-outside-period = 任务的开始或结束日期超出计划期间
rule-plan-task-outside-period-explanation = 12 月计划的任务通常都在 12 月内。

rule-plan-budget-missing = 计划关联的预算不存在，或不是预算
rule-plan-budget-missing-explanation = `budget:` 是相对于计划文件的路径。

rule-plan-budget-mismatch = 计划关联的预算属于其他单位或期间
rule-plan-budget-mismatch-explanation = `henan` 2026-12 的计划应关联 `henan` 2026-12 的预算。

rule-review-no-plan = 回顾没有可对应的计划
rule-review-no-plan-explanation = 回顾的 `plan:` 链接缺失或失效，且没有覆盖其单位和期间的计划。

rule-review-plan-mismatch = 回顾对应的计划属于其他单位或期间
rule-review-plan-mismatch-explanation = `henan` 2026-12 的回顾应对应 `henan` 2026-12 的计划。

rule-review-unplanned-actual = 填报的实际数在计划中没有对应目标
rule-review-unplanned-actual-explanation = 要么计划缺少该目标，要么实际数的 `kpi`、`scope` 或 `per_post` 与目标不一致。

rule-review-missing-actual = 计划目标在回顾中没有实际数
rule-review-missing-actual-explanation = 计划的每个目标都应填报实际数，即使未达成也应填报。

rule-review-unknown-task = 为计划中没有的任务填写了任务状态
rule-review-unknown-task-explanation = 任务状态引用的是所回顾计划中的任务编号。

rule-review-unknown-line = 为预算中没有的科目填报了支出
rule-review-unknown-line-explanation = 支出引用的是所回顾计划所关联预算中的科目编号。

rule-review-unknown-person = 被考评人员不在人员编制中
rule-review-unknown-person-explanation = 考评得分只针对本单位人员编制中的人员。

rule-review-wrong-post = 人员按其未担任的岗位考评
rule-review-wrong-post-explanation = 适用的考评表是该人员在人员编制中所任岗位的考评表。

rule-review-no-scorecard = 人员有考评得分，但计划中没有其岗位的考评表
rule-review-no-scorecard-explanation = 请在计划中为该岗位添加考评表，或删除这些得分。

rule-review-unknown-component = 为该人员考评表中没有的考评项目打了分
rule-review-unknown-component-explanation = 考评项目是计划中该人员岗位考评表里的编号。

rule-review-score-range = 得分低于 0 或高于 100
rule-review-score-range-explanation = 每个考评项目按 0 至 100 分打分，再按权重折算为总分。

rule-review-missing-value = 回顾中的任务状态、得分或支出仍未填写
rule-review-missing-value-explanation =
    `planbook new review` 会写出计划的每项任务、每个得分和每个预算科目，值留空待填。在全部填写之前，未填项会在此以警告报出，这样回顾在撰写过程中也能提交。

    示例：
        tasks:
          - task: staffing
            status:      # 待填：done、in-progress……

rule-suppress-malformed = 无法识别的 `planbook:` 屏蔽注释
rule-suppress-malformed-explanation =
    屏蔽注释在括号中写明要屏蔽的规则，并在括号后说明原因。

    示例：
        # planbook: allow(plan.task-outside-period) 承接十一月任务
        # planbook: allow-file(review.missing-value) 月底统一填写

rule-suppress-missing-reason = 屏蔽注释没有写明原因
rule-suppress-missing-reason-explanation =
    只有写明原因的屏蔽才会生效，以便日后查看文件的人知道为何接受该问题。未写原因的注释不屏蔽任何问题。

    示例：
        # planbook: allow(plan.task-outside-period) 承接十一月任务

rule-suppress-unknown-rule = 屏蔽注释中的规则编号不存在
rule-suppress-unknown-rule-explanation = 屏蔽注释使用 `planbook rules` 列出的规则编号。

rule-suppress-unused = 屏蔽注释没有屏蔽任何问题
rule-suppress-unused-explanation = 注释所针对的问题已不存在（已修正，或移到了其他行）。请删除该注释，或运行 `planbook check --fix`，以免它日后屏蔽新的问题。
rule-check-not-checked = 某份文档所依赖的文件有错误，未对照它核对
rule-check-not-checked-explanation =
    某个文件无法完整读取时（YAML 写法有误、有模式不认识的字段、取值类型不对），planbook 只在出错处报告这一处错误，不会拿读不出的内容去核对其他文档：不会因为人员编制里一处笔误，就说考评里打分的每个人都不存在。此时改为给出本提示，列出哪些文档未对照该文件核对；改正后会一并核对。

    列表中本身有错误的条目（某个人员、某个预算科目）会被略去，文档其余部分照常使用；引用被略去条目的地方也不再报错。

rule-roster-region-in-two-groups = 同一地区列入了两个大区
rule-roster-region-in-two-groups-explanation = 一个地区至多属于 `groups:` 中的一个大区，这样按大区汇总的人数和达成率只计一次。请将其从其中一个大区中删去。

rule-roster-group-manager = 大区经理在人员编制所述日期不在本单位任职
rule-roster-group-manager-explanation = 大区的 `manager:` 应为该大区所属单位人员编制中的人员，并在人员编制的 `as_of` 日期在职。经理已离职、尚未到岗或在其他单位的人员编制中，该大区就没有经理：请填写该日期的大区经理。

rule-document-unknown-region = 目标或实际值引用的地区或大区不在本单位人员编制中
rule-document-unknown-region-explanation = 目标或实际值的 `region:` 应为文档所属单位（或其下属单位）人员编制中 `regions:` 的地区或 `groups:` 的大区。

rule-roster-acting-own-post = 人员代理的岗位就是其本职岗位
rule-roster-acting-own-post-explanation = `acting:` 条目表示在本职岗位之外一段时间内兼任或代理的岗位。在其覆盖的某一天，该人员的本职岗位（按其带日期的变动计）已经就是这个岗位：请删除该条目，或更正其日期或岗位。

rule-roster-acting-overlap = 同一人员在相同日期内两次代理同一岗位
rule-roster-acting-overlap-explanation = 同一人员代理同一岗位的两条 `acting:` 记录有日期重叠。请合并为一条，或更正日期。

rule-roster-outside-empty = 编外人员条目的人数为零
rule-roster-outside-empty-explanation = `outside:` 中 `count: 0` 的条目没有列出任何人。请填写实际人数，或删除该条目；只有一人时可省略 `count`。
rule-config-table-form = 折算表同时写了 `tiers` 和 `first`/`each_more`，或两者都没有
rule-config-table-form-explanation = `planbook.yaml` 中的折算表要么分档（`tiers`：月零售 30 台以上折算为 1 个掌控零售店，100 台折算为 2 个），要么按数量计算（`first` 为第一个县的标准，`each_more` 为每增加一个县的标准）。请只用一种写法。

rule-config-table-tiers = 折算表有两档起点相同，或较高一档的折算值反而较低
rule-config-table-tiers-explanation = 各档按 `from` 适用：输入值取其达到的最后一档的折算值。两档 `from` 相同会使其中一档失效；较高一档折算值反而较低，通常是笔误。

rule-config-duplicate-table = `planbook.yaml` 中折算表编号重复
rule-config-duplicate-table-explanation = `tally` 和 `allowance` 按编号引用折算表，每个编号只能对应一张表；重复时采用第一个定义。

rule-document-unknown-table = `tally` 或 `allowance` 引用了 `planbook.yaml` 中没有的折算表
rule-document-unknown-table-explanation = 回顾的 `tally` 和预算明细的 `allowance` 所用的折算表定义在 `planbook.yaml` 的 `tables:` 下。编号对上之前，该数字无法计算。

rule-review-tally-mismatch = 回顾中的实际值与折算结果不符
rule-review-tally-mismatch-explanation = 带 `tally` 的实际值等于各输入按折算表折算后的合计。如同时填写了 `actual`，两者必须相等；删去 `actual` 即直接采用折算结果。提示中列出计算过程。

rule-budget-allowance-count = 补贴明细涉及的人员在人员编制中未填 `counties`
rule-budget-allowance-count-explanation = `allowance` 明细按预算期最后一天各岗位上每人负责的县数套用补贴标准。人员编制中未填 `counties:` 的人按 0 个县计算，这通常不是本意。

rule-budget-allowance-mismatch = 预算明细的金额与按补贴标准计算的结果不符
rule-budget-allowance-mismatch-explanation = 带 `allowance` 的明细等于其岗位上每人按标准计算的金额之和。填写的 `amount`（或数量 × 单价）必须与之相等；删去金额即直接采用计算结果。提示中列出每人的金额。

rule-review-score-computed = 考评得分与按达成率计算的分数不符
rule-review-score-computed-explanation = 带 `kpi` 和 `scale` 的考评项目按本人所在地区、大区或单位该指标的达成率计分：达到保底值得 `floor` 分，达到目标值得 `target` 分，其间及超出部分按直线计算，不超过封顶分。回顾中可不填该项；填写的分数与计算结果不符时，会列出计算过程。
rule-review-derived-mismatch = 推算指标的实际值与其推算依据不符
rule-review-derived-mismatch-explanation =
    `planbook.yaml` 中带 `derived:` 的指标由回顾中的其他数据推算：`from: spend`（回顾中 `spend` 各行实际支出之和，须全部填写后才核对）、`from: budget`（本单位该期预算总额）、`from: headcount`（本单位期末在岗人数），或 `plus:`/`minus:` 其他指标的实际值。回顾中填报的值与推算值相差超过 `tolerance` 时给出本警告，并列出计算过程；`planbook check --fix --unsafe-fixes` 会写入推算值。

    示例：
        kpis:
          - {"{"} id: expenses, name: 费用, unit: CNY, derived: {"{"} from: spend {"}"} {"}"}
          - {"{"} id: profit, name: 利润, unit: CNY, derived: {"{"} plus: [gross-margin], minus: [expenses] {"}"} {"}"}

rule-config-derived-form = 指标的 `derived` 未写来源，或同时写了来源和指标
rule-config-derived-form-explanation =
    `derived:` 要么写 `from:` 一项数据（`spend`、`budget`、`headcount`），要么写 `plus:`/`minus:` 其他指标的列表。

    示例：
        derived: {"{"} from: spend, tolerance: 100 {"}"}

rule-config-derived-cycle = 指标由其自身推算
rule-config-derived-cycle-explanation =
    指标的 `plus:`/`minus:` 不能直接或经由其他推算指标回到该指标本身，否则其数值永远无法核对。

    示例：
        - {"{"} id: profit, name: 利润, derived: {"{"} plus: [gross-margin], minus: [expenses] {"}"} {"}"}

rule-document-percent-as-fraction = 百分比写成了小数
rule-document-percent-as-fraction-explanation =
    对于 `unit` 为 `%` 的指标，若计划目标（或该指标的其他数值）写作 `99.9`，而此处写作 `0.95`，多半是把 95% 写成了小数。百分比请写 `%` 前面的数字；`planbook check --fix --unsafe-fixes` 会将其乘以 100。

    示例：
        actuals:
          - {"{"} kpi: reliability, actual: 95 {"}"}   # 不要写 0.95

rule-document-title-period = 文档标题中的期间与其 `period` 不符
rule-document-title-period-explanation =
    从上月复制的计划、回顾或预算，若未修改标题，就会沿用上月的标题（`planbook new` 会自动改写）。标题可以用任何写法写期间（`2026-10`、`2026年10月`、`10月`、`October 2026`、`2026年第四季度`）；写的是其他期间、且没有写到包含本期的期间时，给出本警告，并给出改正后的标题。

    示例：
        period: 2026-11
        title: 河南分公司2026年11月工作计划
rule-plan-group-weights-sum = 考评表各考评类别的权重之和不等于 100
rule-plan-group-weights-sum-explanation =
    考评表写有 `groups:` 时，每个考评类别有自己的权重（如：基本工作占 60%，绩效工作占 40%），各类别权重之和应为 100。此时各考评项目的权重按类别分别核对（`plan.group-mismatch`），不再合计核对。

    示例：
      groups:
        - {"{"} id: basic, name: 基本工作, weight: 60 {"}"}
        - {"{"} id: performance, name: 绩效工作, weight: 40 {"}"}
rule-plan-group-mismatch = 考评类别中各项目的权重之和不等于该类别的权重
rule-plan-group-mismatch-explanation =
    同一考评类别的项目分享该类别的权重：业务员的绩效工作占 40，由区域销售完成率 20 和重点零售店零售量 20 组成。提示会写明类别、类别权重及其项目的权重合计。

    示例：
      - {"{"} id: sales, name: 区域销售完成率, weight: 20, group: performance {"}"}
      - {"{"} id: retail, name: 重点零售店零售量, weight: 20, group: performance {"}"}
rule-plan-unknown-group = 考评项目所属的考评类别不在考评表中，或未写明类别
rule-plan-unknown-group-explanation = 考评表写有 `groups:` 时，每个考评项目都要用 `group:` 归入其中一个类别，其权重才能计入该类别。没有 `groups:` 时，`group:` 只是自由标签，不作核对。
rule-plan-duplicate-group = 考评表中有两个考评类别的编号相同
rule-plan-duplicate-group-explanation = 考评项目按编号引用所属类别，因此同一考评表中每个类别的编号必须唯一。
rule-plan-points-range = 考评表的得分范围无法使用
rule-plan-points-range-explanation =
    `points:` 规定考评项目可得的分数，不写时为 0 到 100；对超额完成计分的方案可以放宽上限（完成目标的 104% 得 104 分）。其 `max` 不得低于 100（权重按满分 100 折算），也不得低于 `min`；考评项目的 `max` 可单独覆盖，条件相同；`bonus_max` 不得为负数。

    示例：
      points: {"{"} max: 120 {"}"}
rule-review-bonus-range = 考评加分低于 0 或超过考评表的 `bonus_max`
rule-review-bonus-range-explanation =
    加分（奖励工作考评：费用节约、推广机型、销售状元等）在加权总分之外另行加计，可加 0 到考评表 `bonus_max` 分；考评表未设 `bonus_max` 时不得加分。

    示例：
      scores:
        - {"{"} person: p011, components: {"{"} basic: 88, sales: 104 {"}"}, bonus: 3 {"}"}
rule-roster-change-order = 人员编制中的变动未按日期顺序书写
rule-roster-change-order-explanation =
    人员或岗位的 `changes:` 按各自的 `from` 日期生效，与书写顺序无关，因此人员编制的含义不变；但阅读者通常以最后一条为最新变动，顺序颠倒容易误读。正因为计算结果不受影响，此规则为警告而非错误。

    示例：
        changes:
          - {"{"} from: 2026-10-15, post: regional-manager {"}"}
          - {"{"} from: 2027-01-01, region: xinxiang {"}"}
rule-review-not-employed = 考评中列出的人员在其期间内不在职
rule-review-not-employed-explanation = 考评按其期间内的人员编制核对：被考评人和作者应在该期间内至少一天在职（`since` 不晚于期间最后一天，`until` 不早于期间第一天）。在九月的考评中给十月入职的人打分，或给已离职的人打分，通常是人选或月份写错了。
rule-plan-not-employed = 计划的负责人在计划期间内不在职
rule-plan-not-employed-explanation = 计划负责人及各任务负责人应按人员编制的 `since` 与 `until` 在计划期间内至少一天在职。期间开始前已离职、或期间结束后才入职的人无法承担这些工作。
rule-plan-unknown-problem = 措施或任务应对的问题不在计划中
rule-plan-unknown-problem-explanation = 措施或任务的 `answers:` 列出的是本计划 `problems:` 中问题的编号。先给问题加上 `id:`，再引用：`problems: [{"{"} id: stock, title: 库存积压 {"}"}]`，`tasks: [{"{"} id: t1, name: 清库存, answers: [stock] {"}"}]`。

rule-plan-problem-unanswered = 未解决的问题没有任何措施或任务应对
rule-plan-problem-unanswered-explanation = 计划列出的每个未解决问题，都应有措施或任务应对（`answers: [stock]`）。没有 `id:` 的问题不检查：给它加上编号即可纳入检查。

rule-plan-duplicate-id = 计划中两个问题、措施或工作板块的编号相同
rule-plan-duplicate-id-explanation = 应对关系和板块都按编号引用问题、措施和板块，所以一个编号在计划内只能指一项。

rule-plan-unknown-area = 任务或措施所属的工作板块不在计划中
rule-plan-unknown-area-explanation = 任务或措施的 `area:` 应是计划 `areas:` 中声明的板块（`- {"{"} id: sales, name: 营销管理 {"}"}`）。

rule-plan-empty-area = 工作板块下没有任务也没有措施
rule-plan-empty-area-explanation = 板块用来归类任务和措施并显示进度；没有任何任务和措施的板块无从显示。

rule-plan-contribution-outside = 目标计入的期间不包含其计划的期间
rule-plan-contribution-outside-explanation = 月度或季度计划的目标写 `contributes_to: 2027`，表示该月目标计入 2027 年度目标；计划期间必须在该期间之内。

rule-plan-unknown-annual-target = 目标计入的更长期间的目标不存在
rule-plan-unknown-annual-target-explanation = 同一单位在 `contributes_to:` 所写期间的计划中，须有指标、范围、岗位、地区都相同的目标：达成率汇总据此计算年累计。
