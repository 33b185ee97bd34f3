//! The links managers use: problems answered by measures and tasks, work areas and their
//! progress (`rollup areas`), and month targets that contribute to the year's (`rollup
//! attainment` with the year to date), in English and in Chinese.

use crate::support::{Repo, has_chinese};

const CONFIG: &str = "name: 测试公司\nlocale: zh-CN\nunits:
  - { id: henan, name: 河南分公司 }
kpis:
  - { id: profit, name: 利润, unit: 元 }
  - { id: units, name: 出货量, unit: 台 }
";

fn plan(period: &str, body: &str) -> String {
    format!("---\nkind: plan\nunit: henan\nperiod: {period}\ntitle: 工作计划\n{body}---\n# 计划\n")
}

fn review(period: &str, body: &str) -> String {
    format!(
        "---\nkind: review\nunit: henan\nperiod: {period}\ntitle: 工作回顾\n{body}---\n# 回顾\n"
    )
}

const LINKED: &str = "problems:
  - { id: stock, title: 库存积压 }
  - { id: cash, title: 回款慢 }
  - { title: 没有编号的问题 }
areas:
  - { id: sales, name: 营销管理 }
  - { id: people, name: 队伍建设 }
measures:
  - { id: daily, name: 日清日结, answers: [cash], area: sales }
tasks:
  - { id: t1, name: 清理库存, answers: [stock], area: sales }
  - { id: t2, name: 铺货, area: sales }
  - { id: t3, name: 培训, area: people }
  - { id: t4, name: 定岗定编, area: people }
";

/// The diagnostics of `check --format json` from the rules this file is about.
fn ours(repo: &Repo, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["check", "--format", "json"];
    all.extend(args);
    let run = repo.run(all);
    run.json()
        .into_iter()
        .filter(|d| {
            let rule = d["rule"].as_str().unwrap_or("");
            rule.starts_with("plan.") && !rule.starts_with("plan.task")
        })
        .collect()
}

#[test]
fn problems_answered_by_measures_and_tasks_check_clean() {
    let repo =
        Repo::empty().file("planbook.yaml", CONFIG).file("p.plan.md", plan("2027-01", LINKED));
    let found = ours(&repo, &[]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn an_open_problem_nobody_answers_is_one_warning() {
    let body = LINKED.replace("answers: [cash], ", "");
    let repo =
        Repo::empty().file("planbook.yaml", CONFIG).file("p.plan.md", plan("2027-01", &body));
    let found = ours(&repo, &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["rule"], "plan.problem-unanswered");
    assert_eq!(found[0]["severity"], "warning");
    assert_eq!(
        found[0]["message"],
        "open problem `cash` (回款慢) is answered by no measure or task"
    );
}

#[test]
fn an_answer_naming_a_missing_problem_is_one_error_with_a_suggestion() {
    let body = LINKED.replace("answers: [stock]", "answers: [stok, stock]");
    let repo =
        Repo::empty().file("planbook.yaml", CONFIG).file("p.plan.md", plan("2027-01", &body));
    let found = ours(&repo, &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["rule"], "plan.unknown-problem");
    assert_eq!(found[0]["severity"], "error");
    assert_eq!(found[0]["help"], "did you mean `stock`?");
    let zh = repo.run(["check", "--lang", "zh-CN", "--color", "never"]);
    assert!(zh.stderr.contains("未知的问题 `stok`"), "{}", zh.stderr);
    assert!(zh.stderr.contains("是否应为 `stock`？"), "{}", zh.stderr);
}

#[test]
fn areas_roll_up_their_tasks_statuses_from_the_review() {
    let statuses = "tasks:
  - { task: t1, status: done }
  - { task: t2, status: in-progress }
  - { task: t3, status: blocked }
  - { task: t4, status: not-started }
";
    let repo = Repo::empty()
        .file("planbook.yaml", CONFIG)
        .file("p.plan.md", plan("2027-01", LINKED))
        .file("r.review.md", review("2027-01", statuses));
    let run =
        repo.run(["rollup", "areas", "--unit", "henan", "--period", "2027-01", "--format", "json"]);
    let run = run.code(0);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let areas = json["areas"].as_array().unwrap();
    assert_eq!(areas.len(), 2, "{json}");
    let sales = &areas[0];
    assert_eq!(sales["area"], "sales");
    assert_eq!(sales["name"], "营销管理");
    assert_eq!((sales["tasks"].as_u64(), sales["done"].as_u64()), (Some(2), Some(1)));
    assert_eq!(sales["in_progress"], 1);
    assert_eq!(sales["done_pct"], "50");
    assert_eq!(sales["measure_ids"], serde_json::json!(["daily"]));
    let people = &areas[1];
    assert_eq!((people["blocked"].as_u64(), people["not_started"].as_u64()), (Some(1), Some(1)));
    assert_eq!(people["done_pct"], "0");
    let zh = repo.run(["rollup", "areas", "--lang", "zh-CN"]).code(0);
    assert!(zh.stdout.contains("工作板块") && zh.stdout.contains("完成率"), "{}", zh.stdout);
    assert!(zh.stdout.contains("营销管理"), "{}", zh.stdout);
    for format in ["table", "csv", "markdown"] {
        let out = repo.run(["rollup", "areas", "--format", format]).code(0);
        assert!(out.stdout.contains("work areas") && out.stdout.contains("50"), "{}", out.stdout);
    }
}

/// A year plan with a profit target of 3,500,000 and month plans for January to March that
/// contribute to it, with reviews for January and March (February's is missing) or all three.
fn year(reviewed: &[(&str, &str)]) -> Repo {
    let target =
        |t: &str| format!("targets:\n  - {{ kpi: profit, target: {t}, contributes_to: 2027 }}\n");
    let mut repo = Repo::empty().file("planbook.yaml", CONFIG).file(
        "2027.plan.md",
        plan("2027", "targets:\n  - { kpi: profit, target: 3500000, floor: 3000000 }\n"),
    );
    for month in ["01", "02", "03"] {
        let period = format!("2027-{month}");
        repo = repo.file(&format!("{period}.plan.md"), plan(&period, &target("300000")));
    }
    for (month, actual) in reviewed {
        let period = format!("2027-{month}");
        let body = format!("actuals:\n  - {{ kpi: profit, actual: {actual} }}\n");
        repo = repo.file(&format!("{period}.review.md"), review(&period, &body));
    }
    repo
}

#[test]
fn month_targets_add_up_to_the_year_to_date_against_the_annual_target() {
    let repo = year(&[("01", "280000"), ("02", "310000.50"), ("03", "325000")]);
    assert!(ours(&repo, &[]).is_empty(), "{:?}", ours(&repo, &[]));
    let args =
        ["rollup", "attainment", "--unit", "henan", "--period", "2027-03", "--format", "json"];
    let run = repo.run(args).code(0);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let rows = json["targets"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{json}");
    let ytd = &rows[0]["year_to_date"];
    assert_eq!(ytd["period"], "2027");
    assert_eq!(ytd["actual"], "915000.50");
    assert_eq!(ytd["annual_target"], "3500000");
    assert_eq!(ytd["share_pct"], "26.1");
    assert_eq!(ytd["floor_share_pct"], "30.5");
    assert_eq!((ytd["elapsed"].as_u64(), ytd["periods"].as_u64()), (Some(3), Some(12)));
    assert_eq!(ytd["counted"], serde_json::json!(["2027-01", "2027-02", "2027-03"]));
    assert_eq!(ytd["missing"], serde_json::json!([]));
    assert_eq!(ytd["on_pace"], true);
    let table = repo.run(["rollup", "attainment", "--period", "2027-03"]).code(0);
    assert!(table.stdout.contains("year to date") && table.stdout.contains("915,000.5"));
    assert!(table.stdout.contains("3 of 12"), "{}", table.stdout);
    let zh = repo.run(["rollup", "attainment", "--period", "2027-03", "--lang", "zh-CN"]);
    assert!(zh.stdout.contains("年累计") && zh.stdout.contains("占年度目标"), "{}", zh.stdout);
    // The year plan itself contributes to nothing: no year to date on its row.
    let all = repo.run(["rollup", "attainment", "--format", "json"]).code(0);
    let json: serde_json::Value = serde_json::from_str(&all.stdout).unwrap();
    let with =
        json["targets"].as_array().unwrap().iter().filter(|r| r.get("year_to_date").is_some());
    assert_eq!(with.count(), 3, "{json}");
}

#[test]
fn a_month_without_a_review_is_listed_missing() {
    let repo = year(&[("01", "280000"), ("03", "325000")]);
    let args = ["rollup", "attainment", "--period", "2027-03", "--format", "json"];
    let json: serde_json::Value = serde_json::from_str(&repo.run(args).code(0).stdout).unwrap();
    let ytd = &json["targets"][0]["year_to_date"];
    assert_eq!(ytd["actual"], "605000");
    assert_eq!(ytd["missing"], serde_json::json!(["2027-02"]));
}

#[test]
fn a_month_outside_the_year_is_one_contribution_outside() {
    let repo = year(&[]).file(
        "2026-12.plan.md",
        plan("2026-12", "targets:\n  - { kpi: profit, target: 300000, contributes_to: 2027 }\n"),
    );
    let found = ours(&repo, &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["rule"], "plan.contribution-outside");
    assert_eq!(found[0]["file"], "2026-12.plan.md");
    let zh = repo.run(["check", "--lang", "zh-CN", "--color", "never"]);
    assert!(zh.stderr.contains("不在 `2027` 之内"), "{}", zh.stderr);
    assert!(has_chinese(&zh.stderr));
}

#[test]
fn a_contribution_to_a_kpi_the_year_lacks_lists_the_years_kpis() {
    let repo = year(&[]).file(
        "2027-04.plan.md",
        plan("2027-04", "targets:\n  - { kpi: units, target: 300, contributes_to: 2027 }\n"),
    );
    let found = ours(&repo, &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["rule"], "plan.unknown-annual-target");
    assert_eq!(found[0]["help"], "the plan for `2027` has targets for `profit`");
    let zh = repo.run(["check", "--lang", "zh-CN", "--color", "never"]);
    assert!(zh.stderr.contains("`2027` 的计划中有以下指标的目标：`profit`"), "{}", zh.stderr);
}

/// The text a reader sees of an HTML page: tags dropped, entities for `<`, `>` and `&` kept.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#x2F;", "/").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_handbook_links_problems_areas_and_shows_the_year_to_date() {
    let statuses = "actuals:\n  - { kpi: profit, actual: 280000 }\ntasks:
  - { task: t1, status: done }\n  - { task: t2, status: in-progress }
  - { task: t3, status: blocked }\n  - { task: t4, status: not-started }\n";
    let body =
        format!("{LINKED}targets:\n  - {{ kpi: profit, target: 300000, contributes_to: 2027 }}\n");
    let repo = Repo::empty()
        .file("planbook.yaml", CONFIG)
        .file("2027.plan.md", plan("2027", "targets:\n  - { kpi: profit, target: 3500000 }\n"))
        .file("2027-01.plan.md", plan("2027-01", &body))
        .file("2027-01.review.md", review("2027-01", statuses));
    repo.run(["build", "-o", "site"]).code(0);
    let page = |p: &str| std::fs::read_to_string(repo.path().join("site").join(p)).unwrap();
    let plan_page = page("plans/henan-2027-01.html");
    assert!(plan_page.contains(r##"<li id="problem-stock""##), "problem anchors");
    assert!(
        plan_page.contains(r##"href="#task-t1""##)
            && plan_page.contains(r##"href="#problem-stock""##)
    );
    assert!(plan_page.contains(r##"<tr id="measure-daily""##));
    let text = visible(&plan_page);
    assert!(text.contains("营销管理 2 项任务已完成 1 项（50%）"), "{text}");
    assert!(text.contains("队伍建设 2 项任务已完成 0 项（0%）"), "{text}");
    assert!(text.contains("应对措施与任务： 日清日结"), "{text}");
    let review_page = visible(&page("reviews/henan-2027-01.html"));
    assert!(
        review_page.contains("年累计 280,000，年度目标 3,500,000（8%），已过 1/12 期"),
        "{review_page}"
    );
    let english = crate::support::english_words(&text);
    assert!(english.iter().all(|w| ["planbook", "html"].contains(&w.as_str())), "{english:?}");
}

#[test]
fn a_misspelt_answers_is_one_message_not_two() {
    let body = LINKED.replace("answers: [cash]", "anwsers: [cash]");
    let repo =
        Repo::empty().file("planbook.yaml", CONFIG).file("p.plan.md", plan("2027-01", &body));
    let rules = repo.run(["check", "--format", "json"]).rules();
    assert_eq!(rules, ["schema.unknown-field"], "one mistake, one message");
}
