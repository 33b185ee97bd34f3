#!/usr/bin/env python3
"""Writes a large organisation's data repository for bench/handbook.sh:

    gen_org.py DIR [--people 20000] [--units 300] [--seed 15]

A group (`locale: zh-CN`) with UNITS branches under regional companies, each branch with a
roster (posts with establishments, 3 to 8 regions, people with Chinese names — many names
shared across units, and a few within one unit — managers, some people with no manager and a
few whose manager is not on the roster) and, for one period (2026-12), a plan, a budget and a
review. PEOPLE people in all. Deterministic for a given seed. Prints a one-line summary.
"""
import argparse
import os
import random

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰飞鹏辉斌宇浩凯丹萍鑫晨阳宁欣怡佳琳雪梅婷颖晶莉琴云亮林波峰坤健文博涵"
CITIES = ("郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源 "
          "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 "
          "张家界 益阳 郴州 永州 怀化 娄底 石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 "
          "太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁 济南 青岛 淄博 枣庄 东营 烟台 潍坊 "
          "济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 "
          "滁州 阜阳 宿州 六安 亳州 池州 宣城").split()
PROVINCES = "河南 湖北 湖南 河北 山西 山东 安徽 江西 陕西 四川 云南 贵州 广西 广东 福建 浙江 江苏".split()
POSTS = [
    # id, title, share of the unit's people (the rest are reps), pay
    ("gm", "总经理", 0, 0),
    ("regional-manager", "大区经理", 0.04, 1800),
    ("admin-clerk", "行政内勤", 0.03, 900),
    ("sales-clerk", "销售内勤", 0.03, 900),
    ("supervisor", "市场督导", 0.02, 1200),
]


def name(rng):
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
    return rng.choice(SURNAMES) + given


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


def config(units, parents):
    lines = ["name: 华中通讯集团", "locale: zh-CN", "currency: CNY", "", "units:",
             "  - { id: group, name: 华中通讯集团, description: 集团总部，汇总各省公司与分公司。 }"]
    for pid, pname in parents:
        lines.append(f"  - {{ id: {pid}, name: {pname}, parent: group }}")
    for uid, uname, parent in units:
        lines.append(f"  - {{ id: {uid}, name: {uname}, parent: {parent} }}")
    lines += ["", "kpis:",
              "  - { id: units, name: 出货量, unit: 台, aggregate: sum, better: higher }",
              "  - { id: expenses, name: 费用, unit: CNY, aggregate: sum, better: lower }", ""]
    return "\n".join(lines)


def roster(rng, uid, uname, count, serial, duplicate):
    cities = rng.sample(CITIES, rng.randint(3, 8))
    regions = [(f"r{i + 1}", c) for i, c in enumerate(cities)]
    people = []
    ids = []
    plan = [("gm", 1)]
    for post, _, share, _ in POSTS[1:]:
        plan.append((post, max(1, round(count * share))))
    rest = count - sum(n for _, n in plan)
    plan.append(("rep", max(0, rest)))
    managers = []
    for post, n in plan:
        for _ in range(n):
            if len(people) >= count:
                break
            pid = f"p{serial + len(people):06d}"
            region = rng.choice(regions)[0]
            if post == "gm":
                boss = None
            elif post == "regional-manager":
                boss = ids[0] if ids else None
            elif managers and rng.random() > 0.03:
                boss = rng.choice(managers)
            elif rng.random() < 0.5:
                boss = f"p9{serial + len(people):06d}"  # a manager not on the roster
            else:
                boss = None
            person = {"id": pid, "name": name(rng), "post": post, "region": region, "boss": boss}
            if duplicate and len(people) == 2:
                person["name"] = people[1]["name"]  # two people of one name in one unit
            people.append(person)
            ids.append(pid)
            if post == "regional-manager":
                managers.append(pid)
    counts = {}
    for p in people:
        counts[p["post"]] = counts.get(p["post"], 0) + 1
    out = [f"kind: roster", f"unit: {uid}", f"title: {uname}人员编制与名册", "as_of: 2026-12-01", "",
           "posts:"]
    for post, title, _, pay in POSTS + [("rep", "业务员", 0, 700)]:
        n = counts.get(post, 0)
        if n == 0:
            continue
        reports = "" if post == "gm" else ", reports_to: gm" if post != "rep" else \
            ", reports_to: regional-manager"
        pay_text = f", pay: {pay}" if pay else ""
        out.append(f"  - {{ id: {post}, title: {title}, establishment: {n}{pay_text}{reports} }}")
    out += ["", "regions:"]
    out += [f"  - {{ id: {rid}, name: {rname} }}" for rid, rname in regions]
    out += ["", "people:"]
    for p in people:
        boss = f", reports_to: {p['boss']}" if p["boss"] else ""
        out.append(f"  - {{ id: {p['id']}, name: {p['name']}, post: {p['post']}, "
                   f"region: {p['region']}{boss} }}")
    return "\n".join(out) + "\n", people, regions


def budget(rng, uid, uname):
    names = ["办公费", "电话费", "差旅费", "交通费", "招待费", "工资", "房租", "水电费", "运输费", "促销费"]
    lines = [f"kind: budget", f"unit: {uid}", "period: 2026-12", f"title: {uname}2026年12月费用预算",
             "currency: CNY", "note: 按定岗定编测算，费用控制在上月水平以内。", "", "lines:"]
    for i, n in enumerate(names):
        lines.append(f"  - {{ id: l{i}, name: {n}, amount: {rng.randint(10, 400) * 100} }}")
    return "\n".join(lines) + "\n"


def plan(rng, uid, uname, people, regions):
    gm = people[0]["id"] if people else None
    owner = f"owner: {gm}\n" if gm else ""
    region = regions[0][1] if regions else ""
    return (f"---\nkind: plan\nunit: {uid}\nperiod: 2026-12\ntitle: {uname}2026年12月经营工作计划\n"
            f"{owner}budget: 2026-12.budget.yaml\n"
            "problems:\n"
            "  - { id: oversight, title: 对一线人员缺乏过程监督, detail: 只在月底看结果，过程无人跟进。 }\n"
            "  - { id: market-order, title: 市场秩序混乱, detail: 多头放货，价格体系不合理。 }\n"
            "tasks:\n"
            f"  - {{ id: oversee, name: 蹲点督导, {owner.strip()}, start: 2026-12-01, duration: 2w, "
            "answers: [oversight, market-order] }\n"
            "targets:\n"
            f"  - {{ kpi: units, floor: {rng.randint(20, 60) * 100}, target: {rng.randint(61, 120) * 100} }}\n"
            "---\n\n"
            f"## 本月重点\n\n{region}地区继续推进重点零售店建设，稳定队伍，压缩费用。\n")


def review(rng, uid, uname):
    return (f"---\nkind: review\nunit: {uid}\nperiod: 2026-12\ntitle: {uname}2026年12月经营回顾\n"
            "plan: 2026-12.plan.md\n"
            "actuals:\n"
            f"  - {{ kpi: units, actual: {rng.randint(20, 130) * 100} }}\n"
            "---\n\n本月出货基本达到保底线，运输费仍高于预算。\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--people", type=int, default=20000)
    ap.add_argument("--units", type=int, default=300)
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    n_parents = max(1, args.units // 20)
    parents = [(f"prov{i + 1}", f"{PROVINCES[i % len(PROVINCES)]}"
                f"{'' if i < len(PROVINCES) else i // len(PROVINCES) + 1}省公司")
               for i in range(n_parents)]
    units = []
    for i in range(args.units):
        city = CITIES[i % len(CITIES)]
        suffix = "" if i < len(CITIES) else str(i // len(CITIES) + 1)
        units.append((f"u{i + 1:03d}", f"{city}{suffix}分公司", parents[i % n_parents][0]))
    write(args.dir, "planbook.yaml", config(units, parents))
    base, extra = divmod(args.people, args.units)
    serial = 1
    total = 0
    for i, (uid, uname, _) in enumerate(units):
        count = base + (1 if i < extra else 0)
        text, people, regions = roster(rng, uid, uname, count, serial, duplicate=(i % 10 == 0))
        serial += count
        total += len(people)
        write(args.dir, f"{uid}/roster.yaml", text)
        write(args.dir, f"{uid}/2026-12.budget.yaml", budget(rng, uid, uname))
        write(args.dir, f"{uid}/2026-12.plan.md", plan(rng, uid, uname, people, regions))
        write(args.dir, f"{uid}/2026-12.review.md", review(rng, uid, uname))
    print(f"{total} people, {len(units)} units (+{n_parents} regional companies) in {args.dir}")


if __name__ == "__main__":
    main()
