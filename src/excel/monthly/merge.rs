//! What a monthly report changes in each project file: entries added in place
//! ([`crate::content::edit`]), months already there compared, conflicts found; then every
//! changed file checked with the rest of the folder, as `bulletin check` would.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::read::{Entry, ProjectReport, Report};
use crate::content::edit::{self, Doc, Edit, Item};
use crate::content::model::{Content, FundOrigin, FundUse, Project};
use crate::content::yaml::Node;
use crate::diagnostics::{Diagnostic, Text};
use crate::excel::project_file::{KEYS, quoted_if_needed};
use crate::period::Month;

/// The top-level keys of a project file in the documented order (content.md), from the one
/// list the ledger import writes files by.
fn top_level_order() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = KEYS.iter().map(|k| k.split('.').next().unwrap_or(k)).collect();
    keys.dedup();
    keys
}

/// The keys under `milestones:`, in order.
fn milestone_order() -> Vec<&'static str> {
    KEYS.iter().filter_map(|k| k.strip_prefix("milestones.")).collect()
}
const PROBLEM_ORDER: &[&str] = &["kind", "text", "opened", "resolved"];

/// What the report does to one project file.
#[derive(Debug)]
pub struct FilePlan {
    pub id: String,
    pub name: String,
    pub path: String,
    pub before: String,
    /// The file after the report's entries are merged (equal to `before` when nothing changes).
    pub after: String,
    /// What is added or (with `--force`) replaced, one line each.
    pub changes: Vec<Text>,
    /// What the file already holds as reported.
    pub unchanged: Vec<Text>,
    /// Months and dates the file holds otherwise: written only with `--force`.
    pub conflicts: Vec<Diagnostic>,
    /// Issued months whose figures the forced changes correct.
    pub corrected: BTreeSet<Month>,
    /// Problems that stop this file from being written (found when checking it).
    pub problems: Vec<Diagnostic>,
    /// The values the edited file must read back with.
    written: Written,
}

/// What the edits write, to check that the edited file reads back with it.
#[derive(Debug, Default)]
struct Written {
    funds: BTreeMap<Month, Vec<Entry>>,
    fdi: BTreeMap<Month, Decimal>,
    milestones: BTreeMap<&'static str, NaiveDate>,
}

impl FilePlan {
    pub fn changed(&self) -> bool {
        self.before != self.after
    }
}

/// Entries summed by origin and use, in a fixed order: how a month's money is compared.
fn canonical(entries: impl IntoIterator<Item = Entry>) -> Vec<Entry> {
    let mut sums: BTreeMap<(FundOrigin, FundUse), Decimal> = BTreeMap::new();
    for e in entries {
        *sums.entry((e.origin, e.use_)).or_default() += e.amount;
    }
    sums.into_iter().map(|((origin, use_), amount)| Entry { origin, use_, amount: amount.normalize() }).collect()
}

fn describe(entries: &[Entry]) -> String {
    if entries.is_empty() {
        return "无".to_string();
    }
    entries
        .iter()
        .map(|e| format!("{} 万元（{}、{}）", e.amount.normalize(), e.origin.zh(), e.use_.zh()))
        .collect::<Vec<_>>()
        .join("、")
}

fn milestone(p: &Project, key: &str) -> Option<NaiveDate> {
    let m = &p.milestones;
    match key {
        "contracted" => m.contracted,
        "registered" => m.registered,
        "first_funds" => m.first_funds,
        "started" => m.started,
        "production" => m.production,
        "signed" => Some(m.signed),
        "terminated" => m.terminated,
        _ => None,
    }
}

fn milestone_zh(key: &str) -> &'static str {
    match key {
        "contracted" => "转签合同",
        "registered" => "注册",
        "first_funds" => "首笔资金到位",
        "started" => "开工",
        "production" => "投产",
        _ => "节点",
    }
}

fn tidy(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Plans every project the report names (projects with a bad row are left out: their
/// problems are in the report).
pub fn merge(content: &Content, files: &[(String, Vec<u8>)], report: &Report, force: bool) -> Vec<FilePlan> {
    let issued: BTreeSet<Month> = content.issued.iter().map(|f| f.month).collect();
    let mut plans = Vec::new();
    let reported =
        |pr: &ProjectReport| !(pr.funds.is_empty() && pr.fdi.is_empty() && pr.milestones.is_empty() && pr.problems.is_empty());
    for (id, pr) in report.projects.iter().filter(|(_, pr)| !pr.bad && reported(pr)) {
        let Some(project) = content.project_by_id(id) else { continue };
        let Some((path, bytes)) =
            [format!("projects/{id}.yaml"), format!("projects/{id}.yml")].iter().find_map(|p| files.iter().find(|(f, _)| f == p))
        else {
            continue;
        };
        let before = String::from_utf8_lossy(bytes).into_owned();
        let mut plan = FilePlan {
            id: id.clone(),
            name: project.name.clone(),
            path: path.clone(),
            after: before.clone(),
            before,
            changes: Vec::new(),
            unchanged: Vec::new(),
            conflicts: Vec::new(),
            corrected: BTreeSet::new(),
            problems: Vec::new(),
            written: Written::default(),
        };
        let before = plan.before.clone();
        let Some(doc) = Doc::parse(&before) else { continue };
        let lists = [("funds", !pr.funds.is_empty()), ("fdi", !pr.fdi.is_empty()), ("problems", !pr.problems.is_empty())];
        let fixed: Vec<&str> = lists.iter().filter(|(k, used)| *used && !doc.editable_list(k)).map(|(k, _)| *k).collect();
        if !fixed.is_empty() {
            plan.problems.push(
                Diagnostic::error(
                    "cannot-edit",
                    Text::new(
                        format!("{} 的 {} 写在一行里（[…]），无法逐行添加，没有改动", plan.path, fixed.join("、")),
                        format!(
                            "{}: {} is written on one line ([…]); entries cannot be added to it",
                            plan.path,
                            fixed.join(", ")
                        ),
                    ),
                )
                .help(Text::new(
                    "把它改成每笔一行的写法（见 content.md 的例子）后重新导入",
                    "rewrite it one entry per line (as in content.md) and import again",
                )),
            );
            plans.push(plan);
            continue;
        }
        let edits = plan_edits(&doc, project, pr, force, &issued, &mut plan);
        if plan.conflicts.is_empty() || force {
            plan.after = edit::apply(&plan.before, &edits);
        }
        plans.push(plan);
    }
    check_with_folder(content, files, &mut plans);
    plans
}

fn conflict(project: &Project, what: String, what_en: String, at: &str) -> Diagnostic {
    Diagnostic::error(
        "conflict",
        Text::new(
            format!("{at}：{}（{}）{what}", project.id, project.name),
            format!("{at}: {} ({}) {what_en}", project.id, project.name),
        ),
    )
    .help(Text::new(
        "核实哪个对：月报错了就改月报；项目文件错了，确认后加 --force 导入（已印发的月份会列为更正，需写 corrections/ 更正说明）",
        "check which is right; to replace the file's value, import again with --force (a change to an issued month is a correction)",
    ))
}

fn plan_edits(
    doc: &Doc,
    project: &Project,
    pr: &ProjectReport,
    force: bool,
    issued: &BTreeSet<Month>,
    plan: &mut FilePlan,
) -> Vec<Edit> {
    let mut edits = Vec::new();
    let at_cells = |fdi: bool, m: &Month| pr.cells.get(&(fdi, *m)).map(|c| c.join("、")).unwrap_or_default();
    let month_of = |item: &Node| Doc::item_field(item, "month").and_then(Month::parse);

    // 到位资金, month by month.
    let items = doc.items("funds");
    let mut new_funds: Vec<(usize, Month, Item)> = Vec::new();
    for (month, entries) in &pr.funds {
        let want = canonical(entries.iter().copied());
        let have = canonical(project.funds.iter().filter(|f| f.month == *month).map(|f| Entry {
            origin: f.origin,
            use_: f.use_,
            amount: f.amount,
        }));
        let items_of_month: Vec<usize> = (0..items.len()).filter(|i| month_of(&items[*i]) == Some(*month)).collect();
        let position = (0..items.len()).filter(|i| month_of(&items[*i]).is_some_and(|m| m <= *month)).max().map_or(0, |i| i + 1);
        let to_items = |position: usize| {
            want.iter()
                .map(|e| {
                    let item: Item = vec![
                        ("month", month.to_string()),
                        ("amount", e.amount.normalize().to_string()),
                        ("origin", e.origin.zh().to_string()),
                        ("use", e.use_.zh().to_string()),
                    ];
                    (position, *month, item)
                })
                .collect::<Vec<_>>()
        };
        if have.is_empty() || force {
            plan.written.funds.insert(*month, want.clone());
        }
        if have.is_empty() {
            new_funds.extend(to_items(position));
            if issued.contains(month) {
                plan.corrected.insert(*month);
            }
            plan.changes
                .push(Text::new(format!("到位资金 {month}：{}", describe(&want)), format!("funds {month}: {}", describe(&want))));
        } else if have == want {
            plan.unchanged.push(Text::new(format!("到位资金 {month} 无变化"), format!("funds {month} unchanged")));
        } else if items_of_month.len() != project.funds.iter().filter(|f| f.month == *month).count() {
            // The file's entries could not be matched to its text: never guess.
            plan.problems.push(Diagnostic::error(
                "conflict",
                Text::new(
                    format!("{}：{} 的 {month} 到位资金在文件中找不到，请手工修改", at_cells(false, month), plan.path),
                    "cannot locate the month's entries",
                ),
            ));
        } else {
            plan.conflicts.push(conflict(
                project,
                format!("{month} 的到位资金已登记为 {}，月报写的是 {}", describe(&have), describe(&want)),
                format!("already has funds for {month}: {}; the report says {}", describe(&have), describe(&want)),
                &at_cells(false, month),
            ));
            if force {
                for i in &items_of_month {
                    edits.extend(doc.remove_item("funds", *i));
                }
                new_funds.extend(to_items(items_of_month[0]));
                plan.changes.push(Text::new(
                    format!("到位资金 {month}：{} → {}（更正）", describe(&have), describe(&want)),
                    format!("funds {month}: {} → {} (correction)", describe(&have), describe(&want)),
                ));
                if issued.contains(month) {
                    plan.corrected.insert(*month);
                }
            }
        }
    }
    new_funds.sort_by_key(|(p, m, _)| (*p, *m));
    let new: Vec<(usize, Item)> = new_funds.into_iter().map(|(p, _, i)| (p, i)).collect();
    edits.extend(doc.add_items("funds", &top_level_order(), &new));

    // 外资到位.
    let items = doc.items("fdi");
    let mut new_fdi: Vec<(usize, Item)> = Vec::new();
    for (month, amount) in &pr.fdi {
        let amount = amount.normalize();
        let have: Vec<Decimal> = project.fdi.iter().filter(|f| f.month == *month).map(|f| f.amount).collect();
        let have_sum: Decimal = have.iter().sum();
        let items_of_month: Vec<usize> = (0..items.len()).filter(|i| month_of(&items[*i]) == Some(*month)).collect();
        let position = (0..items.len()).filter(|i| month_of(&items[*i]).is_some_and(|m| m <= *month)).max().map_or(0, |i| i + 1);
        let item = || -> Item { vec![("month", month.to_string()), ("amount", amount.to_string())] };
        if have.is_empty() || force {
            plan.written.fdi.insert(*month, amount);
        }
        if have.is_empty() {
            new_fdi.push((position, item()));
            if issued.contains(month) {
                plan.corrected.insert(*month);
            }
            plan.changes.push(Text::new(format!("外资到位 {month}：{amount} 万美元"), format!("FDI {month}: {amount}")));
        } else if have_sum == amount {
            plan.unchanged.push(Text::new(format!("外资到位 {month} 无变化"), format!("FDI {month} unchanged")));
        } else if items_of_month.len() != have.len() {
            plan.problems.push(Diagnostic::error(
                "conflict",
                Text::new(
                    format!("{}：{} 的 {month} 外资在文件中找不到，请手工修改", at_cells(true, month), plan.path),
                    "cannot locate the month's FDI",
                ),
            ));
        } else {
            let before = have_sum.normalize();
            plan.conflicts.push(conflict(
                project,
                format!("{month} 的外资到位已登记为 {before} 万美元，月报写的是 {amount} 万美元"),
                format!("already has FDI {before} for {month}; the report says {amount}"),
                &at_cells(true, month),
            ));
            if force {
                for i in &items_of_month {
                    edits.extend(doc.remove_item("fdi", *i));
                }
                new_fdi.push((items_of_month[0], item()));
                plan.changes.push(Text::new(
                    format!("外资到位 {month}：{before} → {amount} 万美元（更正）"),
                    format!("FDI {month}: {before} → {amount} (correction)"),
                ));
                if issued.contains(month) {
                    plan.corrected.insert(*month);
                }
            }
        }
    }
    new_fdi.sort_by_key(|(p, _)| *p);
    edits.extend(doc.add_items("fdi", &top_level_order(), &new_fdi));

    // Milestones: their lines come first where two insertions meet (a line added at the end of
    // `milestones:` belongs above a list that starts right after it).
    let mut milestone_edits = Vec::new();
    for (key, (date, cell)) in &pr.milestones {
        let zh = milestone_zh(key);
        if milestone(project, key).is_none() || force {
            plan.written.milestones.insert(key, *date);
        }
        match milestone(project, key) {
            None => {
                milestone_edits.extend(doc.set_in_map("milestones", key, &date.to_string(), &milestone_order()));
                plan.changes.push(Text::new(format!("{zh}日期 {date}"), format!("{key} {date}")));
                if issued.contains(&Month::of(*date)) {
                    plan.corrected.insert(Month::of(*date));
                }
            }
            Some(d) if d == *date => {
                plan.unchanged.push(Text::new(format!("{zh}日期无变化"), format!("{key} unchanged")));
            }
            Some(d) => {
                plan.conflicts.push(conflict(
                    project,
                    format!("{zh}日期已登记为 {d}，月报写的是 {date}"),
                    format!("already has {key} {d}; the report says {date}"),
                    cell,
                ));
                if force {
                    milestone_edits.extend(doc.set_in_map("milestones", key, &date.to_string(), &milestone_order()));
                    plan.changes.push(Text::new(format!("{zh}日期 {d} → {date}（更正）"), format!("{key} {d} → {date}")));
                    if issued.contains(&Month::of(d)) || issued.contains(&Month::of(*date)) {
                        plan.corrected.extend(issued.iter().filter(|m| **m >= Month::of(d).min(Month::of(*date))).copied());
                    }
                }
            }
        }
    }

    // Problems: new ones added; a resolution date set on one already recorded.
    let items = doc.items("problems");
    let mut new_problems: Vec<(usize, Item)> = Vec::new();
    for row in &pr.problems {
        let index = items.iter().position(|i| Doc::item_field(i, "text").is_some_and(|t| tidy(t) == tidy(&row.text)));
        let known = project.problems.iter().find(|p| tidy(&p.text) == tidy(&row.text));
        match (index, known) {
            (Some(index), Some(known)) => {
                if let Some(opened) = row.opened.filter(|o| *o != known.opened) {
                    plan.conflicts.push(conflict(
                        project,
                        format!("问题“{}”的提出日期已登记为 {}，月报写的是 {opened}", row.text, known.opened),
                        format!("problem `{}` was opened {}; the report says {opened}", row.text, known.opened),
                        &row.at,
                    ));
                    if force {
                        edits.extend(doc.set_in_item("problems", index, "opened", &opened.to_string(), PROBLEM_ORDER));
                        plan.changes
                            .push(Text::new(format!("问题“{}”提出日期改为 {opened}", row.text), "problem opened changed"));
                    }
                }
                match (row.resolved, known.resolved) {
                    (Some(r), None) => {
                        edits.extend(doc.set_in_item("problems", index, "resolved", &r.to_string(), PROBLEM_ORDER));
                        plan.changes.push(Text::new(format!("问题“{}”已解决：{r}", row.text), format!("problem resolved {r}")));
                    }
                    (Some(r), Some(k)) if r != k => {
                        plan.conflicts.push(conflict(
                            project,
                            format!("问题“{}”的解决日期已登记为 {k}，月报写的是 {r}", row.text),
                            format!("problem `{}` was resolved {k}; the report says {r}", row.text),
                            &row.at,
                        ));
                        if force {
                            edits.extend(doc.set_in_item("problems", index, "resolved", &r.to_string(), PROBLEM_ORDER));
                            plan.changes
                                .push(Text::new(format!("问题“{}”解决日期 {k} → {r}", row.text), "problem resolved changed"));
                        }
                    }
                    _ => plan.unchanged.push(Text::new(format!("问题“{}”无变化", row.text), "problem unchanged")),
                }
            }
            _ => {
                let Some(opened) = row.opened else {
                    plan.problems.push(
                        Diagnostic::error(
                            "missing-field",
                            Text::new(
                                format!("{}：新问题“{}”没有写提出日期", row.at, row.text),
                                format!("{}: the new problem `{}` has no date it was raised", row.at, row.text),
                            ),
                        )
                        .help(Text::new(
                            "在“问题提出日期”列写日期；已登记的问题要写得和项目文件里一字不差",
                            "write the date in the 问题提出日期 column, or the text exactly as recorded",
                        )),
                    );
                    continue;
                };
                let kind = row.kind.unwrap_or(crate::content::model::ProblemKind::Other);
                let mut item: Item =
                    vec![("kind", kind.zh().to_string()), ("text", quoted_if_needed(&row.text)), ("opened", opened.to_string())];
                if let Some(r) = row.resolved {
                    item.push(("resolved", r.to_string()));
                }
                new_problems.push((items.len(), item));
                let done = row.resolved.map(|r| format!("，已于 {r} 解决")).unwrap_or_default();
                plan.changes.push(Text::new(
                    format!("新问题（{}）“{}”{done}", kind.zh(), row.text),
                    format!("new problem ({}) `{}`", kind.zh(), row.text),
                ));
            }
        }
    }
    edits.extend(doc.add_items("problems", &top_level_order(), &new_problems));
    milestone_edits.extend(edits);
    milestone_edits
}

/// Checks the changed files with the rest of the folder, and that each reads back with the
/// month's entries as planned: a file that would not check, or not read back, is not written.
fn check_with_folder(before: &Content, files: &[(String, Vec<u8>)], plans: &mut [FilePlan]) {
    let changed: BTreeMap<&str, usize> =
        plans.iter().enumerate().filter(|(_, p)| p.changed()).map(|(i, p)| (p.path.as_str(), i)).collect();
    if changed.is_empty() {
        return;
    }
    let all: Vec<(String, std::io::Result<Vec<u8>>)> = files
        .iter()
        .map(|(p, b)| match changed.get(p.as_str()) {
            Some(i) => (p.clone(), Ok(plans[*i].after.clone().into_bytes())),
            None => (p.clone(), Ok(b.clone())),
        })
        .collect();
    let loaded = crate::content::from_files(all);
    let mut found: Vec<(usize, Diagnostic)> = Vec::new();
    for d in loaded.diagnostics.errors() {
        let path = d.file.map(|f| loaded.sources.get(f).path.clone()).unwrap_or_default();
        let line = d.file.zip(d.span).map(|(f, s)| loaded.sources.get(f).line_col(s.start).0);
        let at = line.map_or(path.clone(), |l| format!("{path}:{l}"));
        let d = Diagnostic {
            message: Text::new(format!("导入后 {at}：{}", d.message.zh), format!("after the import, {at}: {}", d.message.en)),
            file: None,
            span: None,
            label: None,
            ..d.clone()
        };
        match changed.get(path.as_str()) {
            Some(i) => found.push((*i, d)),
            // Another file breaks: which project caused it is not known, so none is written.
            None => found.extend(changed.values().map(|i| (*i, d.clone()))),
        }
    }
    for (i, d) in found {
        plans[i].problems.push(d);
    }
    let Some(content) = &loaded.content else { return };
    for plan in plans.iter_mut().filter(|p| p.changed() && p.problems.is_empty()) {
        let (Some(project), Some(old)) = (content.project_by_id(&plan.id), before.project_by_id(&plan.id)) else { continue };
        let w = &plan.written;
        // Everything not written reads as before.
        let kept_funds = |p: &Project| {
            let mut by_month: BTreeMap<Month, Vec<Entry>> = BTreeMap::new();
            for f in p.funds.iter().filter(|f| !w.funds.contains_key(&f.month)) {
                by_month.entry(f.month).or_default().push(Entry { origin: f.origin, use_: f.use_, amount: f.amount });
            }
            by_month.into_values().map(canonical).collect::<Vec<_>>()
        };
        let kept_fdi = |p: &Project| -> Vec<(Month, Decimal)> {
            p.fdi.iter().filter(|f| !w.fdi.contains_key(&f.month)).map(|f| (f.month, f.amount)).collect()
        };
        let kept_milestones = milestone_order()
            .iter()
            .filter(|k| !w.milestones.contains_key(*k))
            .all(|k| milestone(project, k) == milestone(old, k));
        let kept = kept_funds(project) == kept_funds(old)
            && kept_fdi(project) == kept_fdi(old)
            && kept_milestones
            && project.problems.len() >= old.problems.len();
        let funds_ok = w.funds.iter().all(|(m, want)| {
            let have = project.funds.iter().filter(|f| f.month == *m).map(|f| Entry {
                origin: f.origin,
                use_: f.use_,
                amount: f.amount,
            });
            canonical(have) == *want
        });
        let fdi_ok = w
            .fdi
            .iter()
            .all(|(m, want)| project.fdi.iter().filter(|f| f.month == *m).map(|f| f.amount).sum::<Decimal>() == *want);
        let milestones_ok = w.milestones.iter().all(|(k, d)| milestone(project, k) == Some(*d));
        if !(funds_ok && fdi_ok && milestones_ok && kept) {
            plan.problems.push(Diagnostic::error(
                "edit-failed",
                Text::new(
                    format!("{} 改写后读回的数据与月报不一致，没有写入；请手工修改并报告此问题", plan.path),
                    format!("{}: the edited file does not read back as planned; not written", plan.path),
                ),
            ));
        }
    }
}
