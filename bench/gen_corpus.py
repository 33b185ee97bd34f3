#!/usr/bin/env python3
"""Generate a large synthetic planbook data repository for benchmarking.

    python3 bench/gen_corpus.py --docs N OUT_DIR

writes OUT_DIR/planbook.yaml (a root unit, regional units and many branch units, a KPI
catalogue) and exactly N documents spread over the kinds roughly as in a real company's
repository. Per branch unit:

* ``roster.yaml`` with 20-60 people,
* twelve monthly budgets ``2026-MM.budget.yaml`` (15-25 lines, some with breakdowns),
* twelve monthly plans ``2026-MM.plan.md`` (targets, 5-10 tasks, scorecards, and a
  Markdown narrative in Chinese and English with headings, lists and a table),
* reviews ``2026-MM.review.md`` for January to October,

plus free Markdown pages (policies, local rules, meeting notes) to make up N. About 64% of
the documents are Markdown.

Every document is meant to be valid, not only against the schemas but also in the ways later
rules are likely to check: ids are unique, references resolve (units, KPIs, posts, people,
regions, tasks, budget lines, scorecard components), breakdowns, subtotals and totals add up,
scorecard weights sum to 100, dates fall inside the period and reporting chains are at most
three levels deep.

The output is deterministic: the same N and --seed always give byte-identical files. Only the
standard library is used.
"""

from __future__ import annotations

import argparse
import calendar
import json
import os
import random
import re
import shutil
import sys
from pathlib import Path

YEAR = 2026
MONTHS = list(range(1, 13))
REVIEWED_MONTHS = list(range(1, 11))  # November and December are not reviewed yet
DOCS_PER_UNIT = 1 + len(MONTHS) * 2 + len(REVIEWED_MONTHS)  # roster, budgets, plans, reviews
PAGE_SHARE = 0.03  # at least this share of the documents are free pages
# `$schema` comments assume the corpus sits at bench/corpus/<size>/ in the planbook checkout:
# planbook.yaml, policies/*.md, <region>/<unit>/*, <region>/<unit>/pages/*.
SCHEMA_UP = ["../../../", "../../../../", "../../../../../", "../../../../../../"]

# --------------------------------------------------------------------------------------------
# YAML scalars
# --------------------------------------------------------------------------------------------

_RESERVED = {
    "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~", "",
}
_PLAIN_OK = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9+.][^\n]*$")


def q(text: str) -> str:
    """A YAML scalar for `text`: plain when that is safe, else a JSON (YAML) double-quoted string."""
    if (
        _PLAIN_OK.match(text)
        and text.lower() not in _RESERVED
        and text == text.strip()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and not any(c in text for c in ",[]{}")
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def money(cents: int) -> str:
    """An amount in cents as a plain YAML number: `46000`, `1350.5`, `12.25`."""
    whole, frac = divmod(cents, 100)
    if frac == 0:
        return str(whole)
    if frac % 10 == 0:
        return f"{whole}.{frac // 10}"
    return f"{whole}.{frac:02d}"


def num(value: float, digits: int = 2) -> str:
    """A figure without trailing zeros."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def date(month: int, day: int) -> str:
    return f"{YEAR}-{month:02d}-{day:02d}"


def block_text(key: str, text: str, indent: str) -> list[str]:
    """`key: >-` with the text folded over lines of about 60 characters."""
    lines = [f"{indent}{key}: >-"]
    chunk = 60
    for i in range(0, len(text), chunk):
        lines.append(f"{indent}  {text[i:i + chunk]}")
    return lines


# --------------------------------------------------------------------------------------------
# Word banks
# --------------------------------------------------------------------------------------------

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建国志文斌宇浩凯晨瑞博欣雪琳佳慧颖婷倩梅"
    "兰云飞海波亮峰林鑫宁丹晶立新春秋东南北中正清远航思嘉乐安康泽润天翔俊彬琦璐蕾薇晓"
)

REGIONS = [  # regional units between the root and the branches
    ("huabei", "华北大区"), ("huadong", "华东大区"), ("huanan", "华南大区"), ("huazhong", "华中大区"),
    ("xinan", "西南大区"), ("xibei", "西北大区"), ("dongbei", "东北大区"),
]
CITIES = [
    ("zhengzhou", "郑州", "huazhong"), ("luoyang", "洛阳", "huazhong"), ("kaifeng", "开封", "huazhong"),
    ("nanyang", "南阳", "huazhong"), ("xinxiang", "新乡", "huazhong"), ("wuhan", "武汉", "huazhong"),
    ("yichang", "宜昌", "huazhong"), ("xiangyang", "襄阳", "huazhong"), ("changsha", "长沙", "huazhong"),
    ("zhuzhou", "株洲", "huazhong"), ("hengyang", "衡阳", "huazhong"), ("beijing", "北京", "huabei"),
    ("tianjin", "天津", "huabei"), ("shijiazhuang", "石家庄", "huabei"), ("tangshan", "唐山", "huabei"),
    ("baoding", "保定", "huabei"), ("taiyuan", "太原", "huabei"), ("datong", "大同", "huabei"),
    ("hohhot", "呼和浩特", "huabei"), ("baotou", "包头", "huabei"), ("shanghai", "上海", "huadong"),
    ("nanjing", "南京", "huadong"), ("suzhou", "苏州", "huadong"), ("wuxi", "无锡", "huadong"),
    ("hangzhou", "杭州", "huadong"), ("ningbo", "宁波", "huadong"), ("wenzhou", "温州", "huadong"),
    ("hefei", "合肥", "huadong"), ("wuhu", "芜湖", "huadong"), ("jinan", "济南", "huadong"),
    ("qingdao", "青岛", "huadong"), ("yantai", "烟台", "huadong"), ("fuzhou", "福州", "huadong"),
    ("xiamen", "厦门", "huadong"), ("nanchang", "南昌", "huadong"), ("guangzhou", "广州", "huanan"),
    ("shenzhen", "深圳", "huanan"), ("dongguan", "东莞", "huanan"), ("foshan", "佛山", "huanan"),
    ("shantou", "汕头", "huanan"), ("nanning", "南宁", "huanan"), ("guilin", "桂林", "huanan"),
    ("haikou", "海口", "huanan"), ("chengdu", "成都", "xinan"), ("mianyang", "绵阳", "xinan"),
    ("chongqing", "重庆", "xinan"), ("guiyang", "贵阳", "xinan"), ("kunming", "昆明", "xinan"),
    ("dali", "大理", "xinan"), ("lhasa", "拉萨", "xinan"), ("xian", "西安", "xibei"),
    ("baoji", "宝鸡", "xibei"), ("lanzhou", "兰州", "xibei"), ("xining", "西宁", "xibei"),
    ("yinchuan", "银川", "xibei"), ("urumqi", "乌鲁木齐", "xibei"), ("shenyang", "沈阳", "dongbei"),
    ("dalian", "大连", "dongbei"), ("changchun", "长春", "dongbei"), ("jilin", "吉林", "dongbei"),
    ("harbin", "哈尔滨", "dongbei"), ("daqing", "大庆", "dongbei"),
]
DISTRICTS = [
    ("chengqu", "城区"), ("dongqu", "东区"), ("xiqu", "西区"), ("nanqu", "南区"), ("beiqu", "北区"),
    ("gaoxin", "高新区"), ("kaifaqu", "经开区"), ("xinqu", "新区"), ("gangqu", "港区"),
    ("county-1", "一县片区"), ("county-2", "二县片区"), ("county-3", "三县片区"),
    ("county-4", "四县片区"), ("county-5", "五县片区"), ("county-6", "六县片区"),
]
ORDINALS = "一二三四五六七八九十"

# id, name, unit, aggregate, better, base value, description
KPIS = [
    ("units", "出货量", "台", "sum", "higher", 6000, "当期向经销商及零售店的提货（出货）台数。"),
    ("revenue", "销售收入", "CNY", "sum", "higher", 9_000_000, "不含税销售收入，按开票口径统计。"),
    ("gross-margin", "毛利", "CNY", "sum", "higher", 450_000, "销售收入减进货成本，未扣经营费用。"),
    ("profit", "经营利润", "CNY", "sum", "higher", 250_000, "毛利减去当期全部费用（经营费用与分摊费用）。"),
    ("expenses", "费用", "CNY", "sum", "lower", 130_000, "经营费用与分摊、财务费用之和，与预算表口径一致。"),
    ("key-stores", "重点零售店", "家", "sum", "higher", 150, "月零售本公司机型30台以上、由专人掌控的零售店家数。"),
    ("key-store-retail", "重点零售店零售量", "台", "sum", "higher", 4500, "所掌控重点零售店当月零售本公司机型的台数。"),
    ("units-per-rep", "人均提货量", "台", "mean", "higher", 300, "一线销售人员平均每人月提货台数。"),
    ("bestseller-models", "畅销机型款数", "款", "max", "higher", 3, "单款月销量达到1500台以上的机型数。"),
    ("bestseller-units", "畅销机型单款月销量", "台", "mean", "higher", 1500, "每款畅销机型的平均月销量。"),
    ("profit-models", "利润机型款数", "款", "max", "higher", 3, "单台毛利100元以上的机型数。"),
    ("margin-per-unit", "单台毛利", "CNY", "mean", "higher", 60, "每台平均毛利（gross margin per unit）。"),
    ("new-dealers", "新增经销商", "家", "sum", "higher", 8, "当月新签约并首次提货的经销商家数。"),
    ("dealer-count", "有效经销商", "家", "sum", "higher", 60, "当月有提货记录的经销商家数。"),
    ("receivable-days", "应收账款周转天数", "天", "mean", "lower", 25, "平均应收账款余额除以日均销售收入（DSO）。"),
    ("inventory-weeks", "库存周数", "周", "mean", "lower", 3, "期末库存可供销售的周数，控制在三周以内。"),
    ("stock-outs", "断货次数", "次", "sum", "lower", 4, "主销机型在任一地区断货超过两天的次数。"),
    ("returns-rate", "退机率", "%", "mean", "lower", 1.5, "当月退换机台数占出货量的比例（return rate）。"),
    ("complaints", "有效投诉", "件", "sum", "lower", 3, "经核实属实的客户投诉件数。"),
    ("satisfaction", "客户满意率", "%", "mean", "higher", 95, "回访及问卷调查中表示满意的客户比例（CSAT）。"),
    ("on-time-delivery", "准时送货率", "%", "mean", "higher", 97, "在承诺时间内送达的订单比例（OTD）。"),
    ("market-share", "市场占有率", "%", "mean", "higher", 12, "本公司机型在辖区零售市场的份额。"),
    ("store-coverage", "网点覆盖率", "%", "mean", "higher", 70, "辖区县乡网点中有本公司机型陈列的比例。"),
    ("training-sessions", "培训场次", "期", "sum", "higher", 2, "举办的销售技能、产品知识集中培训场次。"),
    ("staff-turnover", "人员流失率", "%", "mean", "lower", 4, "当月离职人数占月初在岗人数的比例。"),
    ("promo-roi", "促销投入产出比", "倍", "mean", "higher", 6, "促销带来的毛利增量除以促销投入（ROI）。"),
]
KPI_BY_ID = {k[0]: k for k in KPIS}

# id, title, class, pay (yuan/month, None = paid by head office), duties
POSTS = {
    "gm": ("总经理", "management", None, "主持分公司经营与管理；人员选拔由总经理亲自把关。"),
    "deputy-gm": ("副总经理", "management", 3200, "协助总经理分管销售与渠道，总经理外出时代行职责。"),
    "regional-manager": ("片区经理", "management", 1800, "负责本片区的价格与货流管理，指挥和辅导辖区人员，并直辖一个地区的销售任务。"),
    "market-manager": ("市场部经理", "market", 1800, "对接上家争取资源与政策；管理库存；制定促销方案；建设重点零售店。"),
    "finance-clerk": ("财务内勤", "admin", 1000, "费用报销审核、个人费用台账、应收账款对账与资金日报。"),
    "admin-clerk": ("行政内勤", "admin", 900, "考勤与工作纪律、人事档案与定岗定编、考评汇总、费用控制。"),
    "sales-clerk": ("销售内勤", "admin", 900, "销售计划与进度跟踪、销售政策下达、协调一线销售人员。"),
    "rep": ("业务员", "sales", 1350, "负责一个地区的客户管理、销售任务与市场工作；掌控10家以上重点零售店。"),
    "supervisor": ("市场督导", "promoter", 800, "重点零售店掌控、终端建设、促销执行与终端报表。"),
    "flexible": ("机动", "flexible", None, "根据各区工作量临时调配，补位空缺或支援重点市场。"),
}

LINE_TEMPLATES = [  # id, name, category, section, typical amount (yuan)
    ("office", "办公费", "office", "operating", 5000),
    ("phone", "电话费", "communication", "operating", 7500),
    ("hospitality", "招待费", "hospitality", "operating", 3000),
    ("transport", "交通费", "transport", "operating", 1000),
    ("travel", "差旅费", "travel", "operating", 12000),
    ("salary", "工资", "personnel", "operating", 46000),
    ("bonus", "奖金", "personnel", "operating", 10000),
    ("social-insurance", "社保统筹", "personnel", "operating", 8000),
    ("rent", "租赁费", "premises", "operating", 13000),
    ("utilities", "水电费", "premises", "operating", 3000),
    ("freight", "运输费", "logistics", "operating", 9000),
    ("advertising", "广告费", "marketing", "operating", 6000),
    ("publicity", "宣传费", "marketing", "operating", 2500),
    ("promotion", "促销费", "marketing", "operating", 15000),
    ("store-incentive", "店员奖励", "marketing", "operating", 8000),
    ("depreciation", "折旧费", "depreciation", "operating", 600),
    ("training", "教育经费", "training", "operating", 2500),
    ("vehicle", "车辆使用费", "transport", "operating", 4000),
    ("repairs", "修理费", "premises", "operating", 800),
    ("conference", "会议费", "office", "operating", 1500),
    ("it", "信息系统费", "office", "operating", 1200),
    ("other", "其他经营及管理费用", "other", "operating", 500),
    ("logistics-allocation", "物流费用分摊", "logistics", "allocation", 8000),
    ("hq-allocation", "总部管理费分摊", "allocation", "allocation", 6000),
    ("county-allocation", "县级网点费用分摊", "allocation", "allocation", 1500),
    ("finance", "财务费用", "finance", "allocation", 1100),
    ("insurance", "财产保险费", "finance", "allocation", 700),
]
ALWAYS_LINES = ("salary", "office", "phone", "travel", "rent")

TASK_TEMPLATES = [  # id, name, description
    ("settle-in", "熟悉和稳定队伍", "摸清人员、流程、费用、产品和客户的现状，稳住队伍和客户。"),
    ("staffing", "定岗定编", "按服务客户数定岗、按市场容量定任务，出编制方案和人员名单。"),
    ("publish-scheme", "公布考评办法", "发布基本工作与绩效工作的考评办法及奖金规则。"),
    ("re-compete", "管理岗位竞聘", "片区经理岗位公开竞聘，非管理岗位做工作评估。"),
    ("product-line", "产品资源构建", "确定畅销机型、利润机型和过渡机型，形成合理的产品线。"),
    ("customers", "客户资源管理", "逐一拜访客户，明确核心经销商和重点零售店并签订区域责任书。"),
    ("pull-through", "终端拉动", "启动店员奖和终端促销，跟踪重点零售店的零售量。"),
    ("training", "月度培训讲座", "组织产品知识与销售技巧培训（sales training），并做课后考核。"),
    ("price-control", "价格体系梳理", "理顺地市、县、乡镇三级价格体系，杜绝窜货。"),
    ("inventory", "库存清理", "盘点各仓库存，处理超期机型，库存控制在三周销量以内。"),
    ("receivables", "应收账款清收", "逐户对账，逾期30天以上的欠款制定回收计划。"),
    ("store-audit", "重点店巡检", "按清单巡检重点零售店的陈列、价签和物料（store audit）。"),
    ("dealer-meeting", "经销商座谈会", "召开季度经销商座谈会，通报政策并听取意见。"),
    ("expense-ledger", "个人费用台账", "建立并公示个人费用台账，按月核对。"),
    ("new-model-launch", "新机型上市", "组织新机型首批铺货和上市促销（launch campaign）。"),
    ("county-expansion", "县乡网点开发", "在空白县乡开发新网点，每县至少两家。"),
    ("after-sales", "售后流程梳理", "明确各环节责任人和时限，客户问题48小时内答复。"),
    ("competition", "销量比拼", "片区之间开展月度销量比拼，结果与奖金挂钩。"),
    ("data-report", "终端报表规范", "统一终端日报、周报格式，按时上报。"),
    ("month-close", "月末结账与分析", "核对销量、费用与毛利，形成月度经营分析报告。"),
]

PROBLEMS = [
    ("对一线人员缺乏过程监督", "工作时间脱岗、纪律松散，只在月底看结果，过程无人跟进。"),
    ("人员配置与市场容量不匹配", "有的地区人多量少，有的地区一人顶全区，开发深度参差不齐。"),
    ("招聘和选拔把关不严", "委托招聘，面试流于形式，新进人员素质偏低。"),
    ("管理只压任务不教方法", "习惯用罚款代替辅导，下属知道要做什么却不知道怎么做。"),
    ("人员流动频繁", "有能力的人因待遇、机会或公平感不足而离开。"),
    ("市场秩序混乱", "多头放货，价格体系不合理，利润没有保障；窜货既伤渠道又让市场难以管理。"),
    ("客户信任度低", "开发成本高、历史遗留问题多，合作客户越来越少。"),
    ("售后流程衔接不畅", "环节之间推诿、责任人不明，客户问题拖而不决。"),
    ("销售政策缺乏连续性", "政策频繁变动，客户难以安排经营，意见很大。"),
    ("库存结构不合理", "滞销机型占压资金，畅销机型时常断货。"),
    ("应收账款回收慢", "部分经销商长期赊销，逾期款项占比上升。"),
]

SENTENCES_ZH = [
    "手机品牌和机型越来越多，单款销量被摊薄，每台的利润空间也在收窄。",
    "渠道正在变短、变清楚，谁能把地市、县城、乡镇的网点一家家做实，谁就能把市场握在手里。",
    "本月的思路是：账要算细，事要落实，人要精干，市场要深耕，资源要成线。",
    "各片区要以销售为目标、以市场管理为基础、以终端拉动为手段。",
    "费用预算细化到岗位、落实到人，超出标准的部分由个人承担。",
    "重点零售店是终端工作的抓手，每名业务员至少掌控十家。",
    "价格与货流必须统一管理，发现窜货一律按制度处理，不搞下不为例。",
    "新机型上市前两周是窗口期，铺货速度决定了整个生命周期的销量。",
    "库存控制在三周销量以内，既不断货，也不积压。",
    "考评结果当月公布，奖金随工资发放，做到奖罚分明。",
    "片区经理每半月到辖区蹲点一次，帮助业务员解决实际问题。",
    "对经销商要讲诚信，承诺的政策必须兑现，历史遗留问题限期解决。",
    "培训不是形式，讲完要考，考完要用，用得好的要表扬。",
    "客户投诉48小时内必须有答复，一周内必须有结果。",
    "本月出货节奏前松后紧，下旬要防止为冲量而压货。",
    "县乡市场的空白点仍然很多，这是下一阶段增长的主要来源。",
    "利润机型的推广要和店员奖挂钩，让终端愿意推、顾客愿意买。",
    "内勤人员要把报表做准做快，数据是管理的基础。",
    "各项工作要有计划、有检查、有总结，不能只布置不落实。",
    "要珍惜来之不易的客户关系，不因短期利益伤害长期合作。",
]
SENTENCES_EN = [
    "Sell-through at key stores matters more than sell-in to dealers.",
    "We track the KPI weekly and escalate when it falls below the floor.",
    "Inventory above three weeks of sales ties up cash and must be cleared.",
    "The budget is a ceiling, not a target: unspent money is a saving, not a loss.",
    "Each regional manager owns one territory directly in addition to the region.",
    "Promotions are approved only with an expected ROI and a post-campaign review.",
    "Dealer credit terms are reviewed monthly against payment history.",
    "New hires shadow an experienced rep for two weeks before taking a territory.",
    "Price discipline protects margin for everyone in the channel.",
    "Reports are due by the 3rd working day of the following month.",
]
HEADINGS_PLAN = [
    ("一、形势判断", "Situation"), ("二、主要问题", "Problems"), ("三、工作思路", "Approach"),
    ("四、重点工作", "Key initiatives"), ("五、目标分解", "Targets"), ("六、保障措施", "Measures"),
]
HEADINGS_REVIEW = [
    ("一、总体结果", "Results"), ("二、任务进展", "Progress"), ("三、费用执行", "Spending"),
    ("四、问题与原因", "Issues"), ("五、下月改进", "Next month"),
]
POLICY_TOPICS = [
    "费用管理办法", "员工考评办法", "差旅费报销规定", "招待费管理规定", "车辆使用管理办法", "库存管理制度",
    "客户信用管理办法", "价格管理规定", "促销活动管理办法", "人员招聘与选拔办法", "培训管理办法",
    "会议管理制度", "印章管理办法", "档案管理办法", "信息安全规定", "办公用品管理办法", "固定资产管理办法",
    "应收账款管理办法", "合同管理办法", "安全生产管理规定", "窜货处理办法", "重点零售店认定办法",
    "奖金发放办法", "考勤管理制度", "物料管理办法",
]
LOCAL_PAGE_TOPICS = ["实施细则", "会议纪要", "工作指引", "客户拜访规范", "片区划分说明", "交接清单"]


# --------------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------------


class Gen:
    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.next_person = 1
        # The relative link to the expense policy from the document being written.
        self.policy_link = "policies/费用管理办法.md"

    # -- text ------------------------------------------------------------------------------

    def person_name(self) -> str:
        r = self.r
        given = r.choice(GIVEN) + (r.choice(GIVEN) if r.random() < 0.75 else "")
        return r.choice(SURNAMES) + given

    def paragraph(self, n_min: int = 2, n_max: int = 5) -> str:
        r = self.r
        parts = []
        for _ in range(r.randint(n_min, n_max)):
            if r.random() < 0.25:
                parts.append(r.choice(SENTENCES_EN) + " ")
            else:
                parts.append(r.choice(SENTENCES_ZH))
        text = "".join(parts).strip()
        # Decorate a little: bold, inline code, a link.
        if r.random() < 0.3:
            text = "**要点：** " + text
        if r.random() < 0.15:
            text += f" 详见 [费用管理办法]({self.policy_link})。"
        if r.random() < 0.1:
            text += " 运行 `planbook check` 核对数据。"
        return wrap(text)

    def bullets(self, items: list[str], ordered: bool = False) -> str:
        out = []
        for i, item in enumerate(items, 1):
            out.append(f"{i}. {item}" if ordered else f"- {item}")
        return "\n".join(out)

    # -- units and the configuration --------------------------------------------------------

    def units(self, count: int) -> list[dict]:
        units = []
        seen: dict[str, int] = {}
        for i in range(count):
            pinyin, city, region = CITIES[i % len(CITIES)]
            k = seen.get(pinyin, 0) + 1
            seen[pinyin] = k
            uid = pinyin if k == 1 else f"{pinyin}-{k}"
            name = f"{city}分公司" if k == 1 else f"{city}第{cn_number(k)}分公司"
            units.append({"id": uid, "name": name, "city": city, "region": region})
        return units

    def config(self, units: list[dict]) -> str:
        r = self.r
        out = [
            f"# yaml-language-server: $schema={SCHEMA_UP[0]}schema/config.schema.json",
            "#",
            f"# 合成的基准测试资料库（benchmark corpus）：{len(units)}个分公司。由 bench/gen_corpus.py 生成，请勿手改。",
            "name: 中鑫控股集团",
            "locale: zh-CN",
            "currency: CNY",
            "fiscal_year_start: 1",
            "max_management_levels: 3",
            "",
            "units:",
            "  - id: hq",
            "    name: 中鑫控股集团",
            "    description: 集团总部，汇总各大区、分公司的预算、指标与人员。",
        ]
        for rid, rname in REGIONS:
            out += [
                f"  - id: {rid}",
                f"    name: {rname}",
                "    parent: hq",
            ]
        for u in units:
            out += [f"  - id: {u['id']}", f"    name: {u['name']}", f"    parent: {u['region']}"]
            if r.random() < 0.5:
                out.append(
                    f"    description: {q(u['city'] + '地区的手机分销、渠道管理与终端零售推动（mobile distribution）。')}"
                )
        out += ["", "kpis:"]
        for kid, name, unit, agg, better, _, desc in KPIS:
            out += [
                f"  - id: {kid}",
                f"    name: {q(name)}",
                f"    unit: {q(unit)}",
                f"    aggregate: {agg}",
                f"    better: {better}",
                f"    description: {q(desc)}",
            ]
        out += ["", 'exclude: ["drafts/**"]', ""]
        return "\n".join(out)

    # -- roster -----------------------------------------------------------------------------

    def roster(self, unit: dict) -> tuple[str, dict]:
        """The roster text and what later documents need: posts, people by post."""
        r = self.r
        n = r.randint(20, 60)
        counts = {"gm": 1}
        if n >= 40:
            counts["deputy-gm"] = 1
        counts["regional-manager"] = 2 + n // 12
        counts["market-manager"] = 1
        counts["finance-clerk"] = 1
        counts["admin-clerk"] = 1
        counts["sales-clerk"] = 1
        counts["supervisor"] = n // 6
        counts["rep"] = n - sum(counts.values())
        establishment = {p: c + (r.randint(0, 2) if p in ("rep", "supervisor") else 0) for p, c in counts.items()}
        establishment["flexible"] = r.randint(0, 2)

        districts = r.sample(DISTRICTS, r.randint(4, min(12, len(DISTRICTS))))
        districts.sort(key=lambda d: DISTRICTS.index(d))
        merged = {}
        if len(districts) > 5 and r.random() < 0.5:
            merged[districts[-1][0]] = districts[0][0]
        active_regions = [d for d in districts if d[0] not in merged]

        lines = [
            f"# yaml-language-server: $schema={SCHEMA_UP[2]}schema/roster.schema.json",
            "#",
            f"# {unit['name']}定岗定编：编制{sum(establishment.values())}人，在岗{n}人。",
            "kind: roster",
            f"unit: {unit['id']}",
            f"title: {q(unit['name'] + '人员编制与名册')}",
            f"as_of: {date(1, 1)}",
            "",
            "posts:",
        ]
        paid = {}
        for pid in POSTS:
            if pid not in establishment:
                continue
            title, cls, pay, duties = POSTS[pid]
            lines += [f"  - id: {pid}", f"    title: {title}", f"    class: {cls}",
                      f"    establishment: {establishment[pid]}"]
            if pay is not None:
                pay_cents = pay * 100 + (r.choice((0, 0, 0, 5000)) if pid == "rep" else 0)
                paid[pid] = pay_cents
                lines.append(f"    pay: {money(pay_cents)}")
            if pid != "gm":
                boss = "regional-manager" if pid in ("rep", "supervisor") else "gm"
                lines.append(f"    reports_to: {boss}")
            if r.random() < 0.7 or len(duties) < 40:
                lines.append(f"    duties: {q(duties)}")
            else:
                lines += block_text("duties", duties, "    ")
            if pid == "gm":
                lines.append("    note: 薪酬由集团总部发放，不列入分公司工资预算。")
            lines.append("")

        lines.append("regions:")
        for did, dname in districts:
            entry = f"  - {{ id: {did}, name: {unit['city']}{dname}"
            if did in merged:
                entry += f", merged_into: {merged[did]}, note: 业务量小，并入统计"
            lines.append(entry + " }")
        lines += ["", "people:"]

        people_by_post: dict[str, list[str]] = {}
        managers: list[str] = []
        gm_id = None
        for pid in POSTS:
            for i in range(counts.get(pid, 0)):
                person = f"p{self.next_person:05d}"
                self.next_person += 1
                people_by_post.setdefault(pid, []).append(person)
                lines.append(f"  - id: {person}")
                lines.append(f"    name: {self.person_name()}")
                lines.append(f"    post: {pid}")
                region = None
                if pid in ("regional-manager", "rep", "supervisor"):
                    region = active_regions[i % len(active_regions)][0]
                elif pid == "gm":
                    region = active_regions[0][0]
                if region:
                    lines.append(f"    region: {region}")
                if pid == "gm":
                    gm_id = person
                elif pid in ("rep", "supervisor"):
                    lines.append(f"    reports_to: {managers[i % len(managers)]}")
                else:
                    lines.append(f"    reports_to: {gm_id}")
                if pid == "regional-manager":
                    managers.append(person)
                since_year = r.randint(2018, 2025)
                lines.append(f"    since: {since_year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}")
                if pid == "supervisor":
                    lines.append(f"    employment: {r.choice(('secondment', 'contract', 'part-time'))}")
                elif r.random() < 0.08:
                    lines.append("    employment: contract")
                if pid in paid and r.random() < 0.2:
                    lines.append(f"    pay: {money(paid[pid])}")
                if r.random() < 0.6:
                    lines.append(f"    phone: \"1{r.choice('3578')}{r.randint(0, 9)}{r.randint(0, 99999999):08d}\"")
                if r.random() < 0.4:
                    lines.append(f"    email: {person}@zhongxin.example.com")
                if r.random() < 0.1:
                    lines.append(f"    note: {r.choice(('新任，试用期三个月。', '兼管大客户（key accounts）合作。', '本地人员，熟悉县乡市场。', '由片区经理直接带教。'))}")
        lines.append("")
        info = {"posts": list(establishment), "paid": paid, "counts": counts,
                "people": people_by_post, "gm": gm_id}
        return "\n".join(lines), info

    # -- budget -----------------------------------------------------------------------------

    def budget(self, unit: dict, month: int, info: dict) -> tuple[str, list[str]]:
        r = self.r
        period = f"{YEAR}-{month:02d}"
        n_lines = r.randint(15, 25)
        optional = [t for t in LINE_TEMPLATES if t[0] not in ALWAYS_LINES]
        chosen_ids = set(ALWAYS_LINES) | {t[0] for t in r.sample(optional, n_lines - len(ALWAYS_LINES))}
        templates = [t for t in LINE_TEMPLATES if t[0] in chosen_ids]

        body: list[str] = []
        funded: list[str] = []
        section_totals = {"operating": 0, "allocation": 0}
        category_totals: dict[str, int] = {}
        for lid, name, category, section, typical in templates:
            out = [f"  - id: {lid}", f"    name: {name}", f"    category: {category}", f"    section: {section}"]
            amount = None
            items: list[str] = []
            if lid == "salary":
                amount = 0
                for post, cents in info["paid"].items():
                    qty = info["counts"].get(post, 0)
                    if qty == 0:
                        continue
                    amount += qty * cents
                    items.append(f"      - {{ name: {POSTS[post][0]}, quantity: {qty}, unit_price: {money(cents)}, post: {post} }}")
            elif lid in ("phone", "office", "travel", "vehicle", "training") and r.random() < 0.6:
                amount = 0
                staff = sum(info["counts"].values())
                if lid == "phone":
                    price = r.choice((150, 200, 250)) * 100
                    amount = staff * price
                    items.append(f"      - {{ name: 人均通讯标准, quantity: {staff}, unit_price: {money(price)} }}")
                elif lid == "office":
                    price = r.choice((60, 80, 100)) * 100
                    phones = r.randint(2, 6)
                    amount = staff * price + phones * 40000
                    items.append(f"      - {{ name: IP电话, quantity: {phones}, unit_price: 400, note: 按部计 }}")
                    items.append(f"      - {{ name: 人均办公用品, quantity: {staff}, unit_price: {money(price)}, note: 按在岗人数计 }}")
                elif lid == "travel":
                    reps = info["counts"].get("rep", 0)
                    rms = info["counts"].get("regional-manager", 0)
                    fixed = r.randint(8, 15) * 10000
                    amount = reps * 20000 + rms * 50000 + fixed
                    items.append(f"      - {{ name: 地区业务员差旅, quantity: {reps}, unit_price: 200, post: rep }}")
                    items.append(f"      - {{ name: 片区经理差旅, quantity: {rms}, unit_price: 500, post: regional-manager }}")
                    items.append(f"      - {{ name: 总经理差旅, amount: {money(fixed)} }}")
                elif lid == "vehicle":
                    cars = r.randint(1, 4)
                    amount = cars * 120050
                    items.append(f"      - {{ name: 公务用车油费及路桥费, quantity: {cars}, unit_price: 1200.5 }}")
                else:
                    sessions = r.randint(1, 3)
                    amount = sessions * 80000 + 25000
                    items.append(f"      - {{ name: 培训讲座, quantity: {sessions}, unit_price: 800 }}")
                    items.append(f"      - {{ name: 培训资料, amount: 250 }}")
            elif r.random() < 0.08 and lid in ("advertising", "publicity", "county-allocation", "insurance"):
                amount = None  # planned, not funded this month
            else:
                scale = r.uniform(0.7, 1.3)
                amount = int(typical * scale / 10) * 1000  # whole tens of yuan, in cents
                if r.random() < 0.1:
                    amount += 50
            if amount is not None:
                out.append(f"    amount: {money(amount)}")
                funded.append(lid)
                section_totals[section] += amount
                category_totals[category] = category_totals.get(category, 0) + amount
            if items:
                out.append("    breakdown:")
                out += items
            if amount is None:
                out.append("    note: 本月不单列，需要时从营销费用基金中申请。")
            elif r.random() < 0.2:
                out.append(f"    note: {q(r.choice(SENTENCES_ZH))}")
            body += out + [""]

        total = section_totals["operating"] + section_totals["allocation"]
        lines = [
            f"# yaml-language-server: $schema={SCHEMA_UP[2]}schema/budget.schema.json",
            f"# {unit['name']}{YEAR}年{month}月费用预算。",
            "kind: budget",
            f"unit: {unit['id']}",
            f"period: {period}",
            f"title: {unit['name']}{YEAR}年{month}月费用预算",
            "currency: CNY",
        ]
        if r.random() < 0.5:
            lines.append(f"note: {q(r.choice(SENTENCES_ZH))}")
        lines += [
            "",
            "sections:",
            "  - id: operating",
            "    name: 经营费用",
            f"    subtotal: {money(section_totals['operating'])}",
            "  - id: allocation",
            "    name: 分摊及财务费用",
        ]
        if r.random() < 0.5:
            lines.append(f"    subtotal: {money(section_totals['allocation'])}")
        lines += ["", "lines:"] + body
        lines.append("limits:")
        lines += [
            "  - id: total-cap",
            "    name: 费用总额上限",
            f"    max: {money(round_up(total * 115 // 100, 100000))}",
        ]
        if "personnel" in category_totals:
            lines += [
                "  - id: personnel",
                "    name: 人员类费用",
                f"    max: {money(round_up(category_totals['personnel'] * 11 // 10, 100000))}",
                "    categories: [personnel]",
            ]
        if "hospitality" in chosen_ids and "hospitality" in funded:
            lines += [
                "  - id: hospitality-cap",
                "    name: 招待费上限",
                "    max: 5000",
                "    lines: [hospitality]",
                "    note: 只用于接待上家，每月至多一次。",
            ]
        lines += ["", f"total: {money(total)}", ""]
        return "\n".join(lines), funded

    # -- plan -------------------------------------------------------------------------------

    def plan(self, unit: dict, month: int, info: dict) -> tuple[str, dict]:
        r = self.r
        period = f"{YEAR}-{month:02d}"
        last_day = calendar.monthrange(YEAR, month)[1]
        title = f"{unit['name']}{YEAR}年{month}月经营工作计划"
        leaders = [info["gm"]] + info["people"].get("regional-manager", []) + \
            info["people"].get("market-manager", []) + info["people"].get("sales-clerk", []) + \
            info["people"].get("admin-clerk", [])
        scale = r.uniform(0.5, 2.0)

        fm = [
            "---",
            f"# yaml-language-server: $schema={SCHEMA_UP[2]}schema/plan.schema.json",
            "kind: plan",
            f"unit: {unit['id']}",
            f"period: {period}",
            f"title: {title}",
            f"owner: {info['gm']}",
            f"budget: {period}.budget.yaml",
            "",
        ]
        problems = r.sample(PROBLEMS, r.randint(1, 4))
        fm.append("problems:")
        for ptitle, detail in problems:
            fm += [f"  - title: {q(ptitle)}", f"    detail: {q(detail)}"]
            if r.random() < 0.2:
                fm.append("    status: resolved")
        fm.append("")

        # Targets: distinct KPIs, one per-post target for reps.
        targets = []
        kpis = r.sample(KPIS, r.randint(5, 10))
        fm.append("targets:")
        for kid, _, unit_of, _, better, base, _ in kpis:
            value = base * scale if unit_of not in ("%",) and base > 10 else base
            target = nice(value, unit_of)
            entry = {"kpi": kid, "target": target, "per_post": None}
            fm.append(f"  - kpi: {kid}")
            form = r.random()
            if kid in ("units-per-rep",) and "rep" in info["counts"]:
                entry["per_post"] = "rep"
                fm.append("    per_post: rep")
            if form < 0.5:
                fm.append(f"    target: {num(target)}")
            elif form < 0.85:
                floor = target * (0.8 if better == "higher" else 1.25)
                fm.append(f"    target: {num(target)}")
                fm.append(f"    floor: {num(nice(floor, unit_of))}")
            else:
                lo, hi = nice(target * 0.9, unit_of), nice(target * 1.1, unit_of)
                if hi <= lo:
                    hi = lo + 1
                fm.append(f"    range: {{ min: {num(lo)}, max: {num(hi)} }}")
            if r.random() < 0.25:
                fm.append(f"    note: {q(r.choice(SENTENCES_ZH))}")
            targets.append(entry)
        fm.append("")

        # Tasks: a small schedule inside the month; dependencies finish before dependants start.
        n_tasks = r.randint(5, 10)
        templates = r.sample(TASK_TEMPLATES, n_tasks)
        tasks = []
        fm.append("tasks:")
        for i, (tid, tname, desc) in enumerate(templates):
            length = r.randint(2, 10)
            deps = []
            if i > 0 and r.random() < 0.5:
                deps = sorted(r.sample(range(i), min(i, r.randint(1, 2))))
            earliest = max([tasks[d]["end"] + 1 for d in deps], default=1)
            start = min(earliest + r.randint(0, 3), last_day - length + 1)
            if start < earliest:  # would not fit after its dependencies: drop them
                deps, start = [], r.randint(1, last_day - length + 1)
            end = start + length - 1
            tasks.append({"id": tid, "end": end})
            fm += [f"  - id: {tid}", f"    name: {q(tname)}", f"    owner: {r.choice(leaders)}",
                   f"    start: {date(month, start)}"]
            if r.random() < 0.5:
                dur = f"{length // 7}w" if length % 7 == 0 else f"{length}d"
                fm.append(f"    duration: {dur}")
            else:
                fm.append(f"    due: {date(month, end)}")
            if deps:
                fm.append(f"    depends_on: [{', '.join(tasks[d]['id'] for d in deps)}]")
            if r.random() < 0.7:
                fm.append(f"    description: {q(desc)}")
        fm.append("")

        # Scorecards for the posts that exist.
        scorecards = {}
        fm.append("scorecards:")
        kpi_ids = [k[0] for k in kpis]
        for post in ("rep", "regional-manager", "supervisor"):
            if post not in info["counts"]:
                continue
            basic = r.choice((50, 60, 60, 70))
            first = r.choice((10, 15, 20, 25))
            first = min(first, 100 - basic - 5)
            comps = [
                ("basic", "基本工作", basic, "basic", "考勤纪律、日常工作、工作日志与报表", None),
                ("region-sales", "区域销售完成率", first, "performance", "所负责地区当月出货量与任务之比", "units"),
                ("key-kpi", "重点指标", 100 - basic - first, "performance", "当月重点考核指标完成情况", r.choice(kpi_ids)),
            ]
            fm += [f"  - post: {post}", "    components:"]
            for cid, cname, weight, group, measured, kpi in comps:
                fm += [f"      - id: {cid}", f"        name: {cname}", f"        weight: {weight}",
                       f"        group: {group}", f"        measured_on: {q(measured)}"]
                if cid == "basic":
                    assessors = ["admin-clerk", "regional-manager"] if post != "regional-manager" else ["gm"]
                    fm.append(f"        assessed_by: [{', '.join(assessors)}]")
                if kpi:
                    fm.append(f"        kpi: {kpi}")
            fm.append("    bonuses: [超额完成任务奖, 市场推广奖, 费用节约奖]")
            scorecards[post] = [c[0] for c in comps]
        fm += ["---", ""]

        body = [f"# {title}", ""]
        for zh, en in HEADINGS_PLAN:
            body += [f"## {zh} {en}", ""]
            if en == "Problems":
                body += [self.bullets([f"**{t}**：{d}" for t, d in problems]), ""]
            elif en == "Key initiatives":
                body += [self.bullets([f"{t[1]}（`{t[0]}`）：{t[2]}" for t in templates], ordered=True), ""]
            elif en == "Targets":
                body += ["| 指标 KPI | 目标 Target | 说明 Note |", "| --- | ---: | --- |"]
                for t in targets:
                    k = KPI_BY_ID[t["kpi"]]
                    body.append(f"| {k[1]} ({k[0]}) | {num(t['target'])} {k[2]} | {k[6]} |")
                body.append("")
            else:
                for _ in range(r.randint(1, 2)):
                    body += [self.paragraph(), ""]
        if r.random() < 0.3:
            body += [f"> 备注 Note: {r.choice(SENTENCES_EN)}", ""]
        text = "\n".join(fm + body)
        return text, {"targets": targets, "tasks": [t["id"] for t in tasks], "scorecards": scorecards}

    # -- review -----------------------------------------------------------------------------

    def review(self, unit: dict, month: int, info: dict, plan: dict, funded: list[str]) -> str:
        r = self.r
        period = f"{YEAR}-{month:02d}"
        title = f"{unit['name']}{YEAR}年{month}月经营回顾"
        fm = [
            "---",
            f"# yaml-language-server: $schema={SCHEMA_UP[2]}schema/review.schema.json",
            "kind: review",
            f"unit: {unit['id']}",
            f"period: {period}",
            f"title: {title}",
            f"plan: {period}.plan.md",
            f"author: {info['gm']}",
            "",
            "actuals:",
        ]
        rows = []
        for t in plan["targets"]:
            k = KPI_BY_ID[t["kpi"]]
            actual = nice(t["target"] * r.uniform(0.75, 1.2), k[2])
            fm.append(f"  - kpi: {t['kpi']}")
            if t["per_post"]:
                fm.append(f"    per_post: {t['per_post']}")
            fm.append(f"    actual: {num(actual)}")
            if r.random() < 0.2:
                fm.append(f"    note: {q(r.choice(SENTENCES_ZH))}")
            rows.append((k, t["target"], actual))
        fm += ["", "tasks:"]
        statuses = ("done", "done", "done", "in-progress", "in-progress", "blocked", "not-started", "dropped")
        for tid in plan["tasks"]:
            fm += [f"  - task: {tid}", f"    status: {r.choice(statuses)}"]
            if r.random() < 0.3:
                fm.append(f"    note: {q(r.choice(SENTENCES_ZH))}")
        fm += ["", "spend:"]
        for lid in funded:
            actual = r.randint(300, 60000) * 10 + r.choice((0, 0, 0, 5))
            entry = f"  - {{ line: {lid}, actual: {money(actual * 10)}"
            if r.random() < 0.1:
                entry += ", note: 月初零星补货较多"
            fm.append(entry + " }")
        fm += ["", "scores:"]
        for post, comps in plan["scorecards"].items():
            for person in info["people"].get(post, []):
                parts = ", ".join(f"{c}: {r.randint(45, 100)}" for c in comps)
                fm.append(f"  - person: {person}")
                fm.append(f"    components: {{ {parts} }}")
                if r.random() < 0.05:
                    fm.append("    note: 基础仍薄弱，片区经理下月驻点帮扶。")
        fm += ["---", ""]

        body = [f"# {title}", ""]
        for zh, en in HEADINGS_REVIEW:
            body += [f"## {zh} {en}", ""]
            if en == "Results":
                body += ["| 指标 KPI | 目标 Target | 实际 Actual | 完成率 |", "| --- | ---: | ---: | ---: |"]
                for k, target, actual in rows:
                    rate = f"{actual / target * 100:.0f}%" if target else "—"
                    body.append(f"| {k[1]} | {num(target)} | {num(actual)} | {rate} |")
                body.append("")
            elif en == "Issues":
                body += [self.bullets([r.choice(SENTENCES_ZH) for _ in range(r.randint(2, 4))]), ""]
            else:
                body += [self.paragraph(), ""]
        return "\n".join(fm + body)

    # -- pages ------------------------------------------------------------------------------

    def page(self, title: str, order: int | None, local: bool) -> str:
        r = self.r
        fm = ["---", f"# yaml-language-server: $schema={SCHEMA_UP[3 if local else 1]}schema/page.schema.json"]
        fm.append(f"title: {q(title)}")
        fm.append(f"description: {q(r.choice(SENTENCES_ZH))}")
        if order is not None:
            fm.append(f"order: {order}")
        if r.random() < 0.05:
            fm.append("private: true")
        fm += ["---", ""]
        body = [f"# {title}", ""]
        for i in range(r.randint(3, 6)):
            body += [f"## {ORDINALS[i]}、{r.choice(('总则', '适用范围', '职责分工', '标准与流程', '考核与奖惩', '附则', '执行要求'))}", ""]
            body += [self.paragraph(2, 6), ""]
            if r.random() < 0.5:
                body += [self.bullets([r.choice(SENTENCES_ZH) for _ in range(r.randint(2, 5))], ordered=r.random() < 0.5), ""]
            if r.random() < 0.35:
                body += ["| 项目 Item | 标准 Standard | 审批 Approval |", "| --- | --- | --- |"]
                for _ in range(r.randint(2, 5)):
                    body.append(f"| {r.choice(LINE_TEMPLATES)[1]} | 每人每月不超过{r.randint(1, 20) * 50}元 | {r.choice(('总经理', '片区经理', '财务内勤'))} |")
                body.append("")
        return "\n".join(fm + body)


def wrap(text: str, width: int = 60) -> str:
    """Breaks a long paragraph into lines (Markdown joins them again), never inside a link or
    inline code."""
    out, line, depth, code = [], "", 0, False
    for ch in text:
        line += ch
        if ch == "`":
            code = not code
        elif ch in "[(":
            depth += 1
        elif ch in "])":
            depth = max(0, depth - 1)
        if len(line) >= width and ch in "。；， " and depth == 0 and not code:
            out.append(line.rstrip())
            line = ""
    if line.strip():
        out.append(line.rstrip())
    return "\n".join(out)


def cn_number(n: int) -> str:
    if n <= 10:
        return "零一二三四五六七八九十"[n]
    if n < 20:
        return "十" + "零一二三四五六七八九"[n - 10]
    tens, ones = divmod(n, 10)
    return "零一二三四五六七八九"[tens] + "十" + ("" if ones == 0 else "零一二三四五六七八九"[ones])


def round_up(cents: int, step: int) -> int:
    return -(-cents // step) * step


def nice(value: float, unit: str) -> float:
    """Rounds a KPI value the way a person would write it: counts are whole numbers."""
    if unit in ("%", "倍", "周", "天"):
        return round(value, 1)
    if value >= 1000:
        return float(round(value, -2))
    return float(max(1, round(value)))


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------


def plan_layout(docs: int) -> tuple[int, int]:
    """How many branch units and free pages make exactly `docs` documents."""
    units = max(1, int(docs * (1 - PAGE_SHARE)) // DOCS_PER_UNIT)
    pages = docs - units * DOCS_PER_UNIT
    if pages < 0:
        raise SystemExit(f"--docs must be at least {DOCS_PER_UNIT}")
    return units, pages


def generate(docs: int, out: Path, seed: int) -> dict:
    g = Gen(seed)
    n_units, n_pages = plan_layout(docs)
    units = g.units(n_units)
    files: dict[str, str] = {"planbook.yaml": g.config(units)}

    for u in units:
        base = f"{u['region']}/{u['id']}"
        g.policy_link = "../../policies/费用管理办法.md"
        roster_text, info = g.roster(u)
        files[f"{base}/roster.yaml"] = roster_text
        for m in MONTHS:
            budget_text, funded = g.budget(u, m, info)
            files[f"{base}/{YEAR}-{m:02d}.budget.yaml"] = budget_text
            plan_text, plan = g.plan(u, m, info)
            files[f"{base}/{YEAR}-{m:02d}.plan.md"] = plan_text
            if m in REVIEWED_MONTHS:
                files[f"{base}/{YEAR}-{m:02d}.review.md"] = g.review(u, m, info, plan, funded)

    # Free pages: group-wide policies first, then local pages spread over the units.
    n_policies = min(n_pages, max(10, n_pages // 10))
    g.policy_link = "费用管理办法.md"
    for i in range(n_policies):
        topic = POLICY_TOPICS[i % len(POLICY_TOPICS)]
        edition = i // len(POLICY_TOPICS)
        title = topic if edition == 0 else f"{topic}（第{cn_number(edition + 1)}版）"
        name = topic if edition == 0 else f"{topic}-{edition + 1}"
        files[f"policies/{name}.md"] = g.page(title, (i + 1) * 10, local=False)
    g.policy_link = "../../../policies/费用管理办法.md"
    for i in range(n_pages - n_policies):
        u = units[i % len(units)]
        topic = LOCAL_PAGE_TOPICS[(i // len(units)) % len(LOCAL_PAGE_TOPICS)]
        k = i // (len(units) * len(LOCAL_PAGE_TOPICS))
        name = topic if k == 0 else f"{topic}-{k + 1}"
        files[f"{u['region']}/{u['id']}/pages/{name}.md"] = g.page(f"{u['name']}{topic}", None, local=True)

    assert len(files) == docs + 1, (len(files), docs)
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    for rel in sorted(files):
        path = tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[rel], encoding="utf-8", newline="\n")
    if out.exists():
        shutil.rmtree(out)
    os.rename(tmp, out)

    kinds: dict[str, int] = {}
    size = 0
    for rel, text in files.items():
        if rel == "planbook.yaml":
            continue
        kind = "page" if "/pages/" in rel or rel.startswith("policies/") else \
            "roster" if rel.endswith("roster.yaml") else rel.rsplit(".", 2)[-2]
        kinds[kind] = kinds.get(kind, 0) + 1
        size += len(text.encode("utf-8"))
    return {"units": n_units, "kinds": kinds, "bytes": size}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, required=True, help="number of documents (besides planbook.yaml)")
    ap.add_argument("--seed", type=int, default=20261201, help="random seed (default: %(default)s)")
    ap.add_argument("out", type=Path, help="output folder; replaced if it exists")
    args = ap.parse_args()
    stats = generate(args.docs, args.out, args.seed)
    md = sum(v for k, v in stats["kinds"].items() if k in ("plan", "review", "page"))
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(stats["kinds"].items()))
    print(
        f"{args.out}: {args.docs} documents ({kinds}; {md / args.docs:.0%} Markdown), "
        f"{stats['units']} branch units, {stats['bytes'] / 1e6:.1f} MB",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
