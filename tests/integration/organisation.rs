//! The seed's organisation (`../shared/seed/`, section 4 组织管理机构 and 人员定岗定编) as a
//! repository: an establishment of 30 with the general manager and supervisors outside it,
//! seven 大区, budget items over several posts (`行政900×3`, `大区1800×8`), an acting post and
//! promoters outside the roster. It checks clean, and each mistake gives one diagnostic.

use crate::support::{Repo, has_chinese};

const CONFIG: &str = "name: 测试公司\nlocale: zh-CN\nunits:\n  - { id: henan, name: 河南分公司 }
kpis:\n  - { id: units, name: 出货量, unit: 台 }\n";

/// The seven groups and the regions in each; the first region is the one its manager covers.
const GROUPS: &[(&str, &str, &[&str])] = &[
    ("ahp", "安鹤濮大区", &["anyang", "hebi", "puyang"]),
    ("jxj", "焦新济大区", &["jiaozuo", "xinxiang", "jiyuan"]),
    ("ls", "洛三大区", &["sanmenxia", "luoyang"]),
    ("zheng", "郑大区", &["zhengzhou"]),
    ("kszxl", "开商周许漯大区", &["xuchang", "kaifeng", "shangqiu", "zhoukou", "luohe"]),
    ("pn", "平南大区", &["nanyang", "pingdingshan"]),
    ("xz", "信驻大区", &["xinyang", "zhumadian"]),
];

/// Regions merged into another: nobody is assigned to them.
const MERGED: &[(&str, &str)] = &[("hebi", "anyang"), ("jiyuan", "jiaozuo")];

/// The posts: 30 in the establishment (18 + 7 + 1 + 3 + 1), the general manager and the
/// supervisors outside it.
const POSTS: &str = "posts:
  - { id: gm, title: 总经理, establishment: 1, in_establishment: false }
  - { id: regional-manager, title: 大区经理, establishment: 7, pay: 1800, reports_to: gm }
  - { id: market-resource-manager, title: 市场资源部经理, establishment: 1, pay: 1800 }
  - { id: admin-clerk, title: 行政内勤, establishment: 1, pay: 900 }
  - { id: sales-clerk, title: 销售内勤, establishment: 1, pay: 900 }
  - { id: market-clerk, title: 市场内勤, establishment: 1, pay: 900 }
  - { id: rep, title: 业务员, establishment: 18, pay: 1350 }
  - { id: flexible, title: 机动, establishment: 1 }
  - id: supervisor
    title: 市场督导
    establishment: 7
    pay: 800
    in_establishment: false
";

/// The seed's roster, every post filled, with `extra` people appended.
fn roster(extra: &str) -> String {
    let mut out = format!("kind: roster\nunit: henan\nas_of: 2026-09-01\n{POSTS}regions:\n");
    for (_, _, regions) in GROUPS {
        for region in *regions {
            let merged = MERGED.iter().find(|(r, _)| r == region);
            match merged {
                Some((_, into)) => {
                    out += &format!("  - {{ id: {region}, name: {region}, merged_into: {into} }}\n")
                }
                None => out += &format!("  - {{ id: {region}, name: {region} }}\n"),
            }
        }
    }
    out += "groups:\n";
    for (i, (id, name, regions)) in GROUPS.iter().enumerate() {
        let regions = regions.join(", ");
        out += &format!("  - {{ id: {id}, name: {name}, regions: [{regions}], manager: m{i} }}\n");
    }
    out += "people:\n  - { id: gm1, name: 总经理甲, post: gm, region: zhengzhou }\n";
    let person = |id: &str, post: &str, region: &str, boss: &str| {
        let at = format!("region: {region}, reports_to: {boss}");
        format!("  - {{ id: {id}, name: 员工{id}, post: {post}, {at} }}\n")
    };
    for (i, (_, _, regions)) in GROUPS.iter().enumerate() {
        let manager = format!("m{i}");
        out += &person(&manager, "regional-manager", regions[0], "gm1");
        out += &person(&format!("s{i}"), "supervisor", regions[0], &manager);
        for (j, region) in regions.iter().enumerate() {
            if MERGED.iter().any(|(r, _)| r == region) {
                continue;
            }
            let reps = if *region == "zhengzhou" { 3 } else { 1 };
            for k in 0..reps {
                out += &person(&format!("r{i}{j}{k}"), "rep", region, &manager);
            }
        }
    }
    out += &person("mr", "market-resource-manager", "zhengzhou", "gm1");
    out += &person("c1", "admin-clerk", "zhengzhou", "gm1");
    out += &person("c2", "sales-clerk", "zhengzhou", "gm1");
    out += &person("c3", "market-clerk", "zhengzhou", "gm1");
    // The flexible post covers the sales clerk's leave in September (代理).
    out += "  - id: f1\n    name: 机动甲\n    post: flexible\n    reports_to: gm1
    acting:\n      - { post: sales-clerk, from: 2026-09-01, until: 2026-09-30 }\n";
    out += extra;
    out += "outside:
  - { role: 兼职促销员, count: 40, paid_by: 店员奖, note: 编外人员，采用店员奖形式 }
  - { role: 厂家促销员, count: 3, region: zhengzhou, paid_by: 厂家 }\n";
    out
}

/// The salary line of the seed: `行政900×3`, `大区1800×8`.
fn budget(period: &str, admin: &str) -> String {
    format!(
        "kind: budget\nunit: henan\nperiod: {period}\nlines:
  - id: salary
    name: 工资
    category: personnel
    amount: 47000
    breakdown:
      - {{ name: 地区业务员, quantity: 18, unit_price: 1350, post: rep }}
      - {{ name: 市场督导, quantity: 7, unit_price: 800, post: supervisor }}
      - {{ name: 行政, {admin}, posts: [admin-clerk, sales-clerk, market-clerk] }}
      - name: 大区
        quantity: 8
        unit_price: 1800
        posts: [regional-manager, market-resource-manager]
"
    )
}

const ADMIN: &str = "quantity: 3, unit_price: 900";

const PLAN: &str = "---\nkind: plan\nunit: henan\nperiod: 2026-09\ntitle: 2026年9月计划
targets:\n  - { kpi: units, target: 3000, region: ahp }
  - { kpi: units, target: 1000, region: anyang }\n---\n# 九月计划\n";

fn seed(roster_text: &str, budget_text: &str) -> Repo {
    Repo::new()
        .file("planbook.yaml", CONFIG)
        .file("henan/roster.yaml", roster_text)
        .file("henan/2026-09.budget.yaml", budget_text)
        .file("henan/2026-09.plan.md", PLAN)
}

#[test]
fn the_seeds_organisation_checks_clean() {
    let repo = seed(&roster(""), &budget("2026-09", ADMIN));
    let run = repo.run(["check", "--format", "json"]);
    assert_eq!(run.rules(), Vec::<String>::new(), "{}", run.stdout);
    assert_eq!(run.code, 0);
}

/// The rules `check` reports on the seed with `roster_text` and `budget_text`.
fn rules_of(roster_text: &str, budget_text: &str) -> Vec<String> {
    seed(roster_text, budget_text).run(["check", "--format", "json"]).rules()
}

#[test]
fn a_misspelt_region_in_a_group_is_one_unknown_region() {
    let text = roster("").replace("regions: [zhengzhou]", "regions: [zhengzou]");
    assert_eq!(rules_of(&text, &budget("2026-09", ADMIN)), ["roster.unknown-region"]);
}

#[test]
fn a_region_in_two_groups_is_one_error() {
    let text = roster("").replace("regions: [zhengzhou]", "regions: [zhengzhou, luohe]");
    assert_eq!(rules_of(&text, &budget("2026-09", ADMIN)), ["roster.region-in-two-groups"]);
}

#[test]
fn a_multi_post_item_matching_neither_sum_is_one_warning() {
    let wrong = budget("2026-09", "quantity: 4, unit_price: 675");
    assert_eq!(rules_of(&roster(""), &wrong), ["budget.headcount"]);
    let run = seed(&roster(""), &wrong).run(["check", "--lang", "zh-CN", "--format", "json"]);
    let found = run.json();
    let message = found[0]["message"].as_str().unwrap_or_default();
    assert_eq!(
        message,
        "科目 `salary` 的明细 `行政` 为岗位 `admin-clerk`、`sales-clerk`、`market-clerk` 合计 4 \
         人，而这些岗位在 2026-09-30 合计编制 3 人、在岗 3 人"
    );
    assert_eq!(found[0]["help"], "请填 3");
    let related: Vec<&str> = found[0]["related"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["note"].as_str())
        .collect();
    assert_eq!(related, ["行政内勤编制 1 人", "销售内勤编制 1 人", "市场内勤编制 1 人"]);
    let english = seed(&roster(""), &wrong).run(["check", "--format", "json"]).json();
    assert!(
        english[0]["message"].as_str().is_some_and(|m| m.contains(
            "counts 4 for posts `admin-clerk`, `sales-clerk`, `market-clerk`, which together have \
             an establishment of 3 and 3 people on 2026-09-30"
        )),
        "{}",
        english[0]
    );
}

#[test]
fn an_acting_post_that_does_not_exist_is_one_unknown_post() {
    let text = roster("").replace("post: sales-clerk, from", "post: sales-clrek, from");
    assert_eq!(rules_of(&text, &budget("2026-09", ADMIN)), ["roster.unknown-post"]);
    let run = seed(&text, &budget("2026-09", ADMIN)).run(["check", "--lang", "zh-CN"]);
    assert!(run.stderr.contains("未知的岗位 `sales-clrek`"), "{}", run.stderr);
    assert!(run.stderr.contains("是否应为 `sales-clerk`？"), "{}", run.stderr);
}

/// A roster whose two October hires fill the rep post: the September budget counting the 16
/// reps on staff on 30 September is right, and so is the November budget counting 18; the
/// November budget still counting 16 is not.
#[test]
fn a_budget_is_counted_on_the_last_day_of_its_period() {
    let roster = "kind: roster\nunit: henan\nas_of: 2026-11-01
posts:\n  - { id: rep, title: 业务员, establishment: 18, pay: 1350 }\npeople:\n"
        .to_string()
        + &(1..=18)
            .map(|i| {
                let since = if i > 16 { "2026-10-10" } else { "2025-01-01" };
                format!("  - {{ id: r{i}, name: 员工{i}, post: rep, since: {since} }}\n")
            })
            .collect::<String>();
    let budget = |period: &str, reps: u32| {
        format!(
            "kind: budget\nunit: henan\nperiod: {period}\nlines:\n  - id: salary\n    name: 工资
    breakdown:\n      - {{ name: 业务员, quantity: {reps}, unit_price: 1350, post: rep }}\n"
        )
    };
    let repo = Repo::new()
        .file("planbook.yaml", CONFIG)
        .file("roster.yaml", &roster)
        .file("2026-09.budget.yaml", budget("2026-09", 16))
        .file("2026-11.budget.yaml", budget("2026-11", 18));
    let run = repo.run(["check", "--format", "json"]);
    assert_eq!(run.rules(), Vec::<String>::new(), "{}", run.stdout);
    let repo = repo.file("2026-11.budget.yaml", budget("2026-11", 16));
    let run = repo.run(["check", "--format", "json"]);
    assert_eq!(run.rules(), ["budget.headcount"], "{}", run.stdout);
    let found = run.json();
    assert_eq!(found[0]["file"], "2026-11.budget.yaml");
    assert_eq!(found[0]["help"], "use 18");
    let zh = repo.run(["check", "--lang", "zh-CN"]);
    assert!(has_chinese(&zh.stderr));
    assert!(
        zh.stderr.contains("为岗位 `rep` 计 16 人，而该岗位编制 18 人、在岗 18 人"),
        "{}",
        zh.stderr
    );
}

#[test]
fn the_new_rules_read_chinese() {
    let text = roster("")
        .replace("regions: [zhengzhou]", "regions: [zhengzhou, luohe]")
        .replace("count: 3,", "count: 0,");
    let run = seed(&text, &budget("2026-09", ADMIN))
        .run(["check", "--lang", "zh-CN", "--format", "json"]);
    assert_eq!(
        run.rules(),
        ["roster.region-in-two-groups", "roster.outside-empty"],
        "{}",
        run.stdout
    );
    let json = run.json();
    let messages: Vec<&str> = json.iter().filter_map(|d| d["message"].as_str()).collect();
    assert_eq!(
        messages,
        [
            "大区 `kszxl` 中的地区 `luohe` 已属于大区 `zheng`",
            "`厂家促销员`：人数为 0，没有列出任何人",
        ]
    );
    assert_eq!(json[0]["related"][0]["note"], "已在此列入大区 `zheng`");
    assert_eq!(json[1]["help"], "请填写实际人数，或删除该条目");
}

/// A roster that does not load: a plan's regions are not called unknown, one note says they
/// were not checked.
#[test]
fn regions_are_not_checked_against_a_roster_that_does_not_load() {
    let broken = roster("").replace("groups:\n", "groups: {\n");
    let plan = PLAN.replace("region: anyang", "region: anyng");
    let repo = seed(&broken, &budget("2026-09", ADMIN)).file("henan/2026-09.plan.md", plan);
    let run = repo.run(["check", "--format", "json"]);
    assert_eq!(run.rules(), ["yaml.syntax", "check.not-checked"], "{}", run.stdout);
    let note = &run.json()[1];
    assert!(note["message"].as_str().is_some_and(|m| m.contains("plan")), "{note}");
}
