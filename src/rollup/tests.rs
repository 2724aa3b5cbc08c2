//! Roll-ups worked out by hand: two tiny counties of one city, one of whose projects brings
//! money from the other county (市内县外).

use std::path::Path;

use rust_decimal::Decimal;

use crate::figures;
use crate::period::Month;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (rel, text) in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// A county with one town `t`, its 2026 targets (10 projects, 1000 万元, 100 万美元, all on
/// `t`) and `projects` as `(id, yaml)`.
fn county(dir: &Path, name: &str, rules: &str, projects: &[(&str, String)]) {
    write(
        dir,
        &[
            ("site.yaml", &format!("title: {name}简报\ncounty: {name}\nissuer: {name}办\n{rules}")),
            ("units.yaml", "- {id: t, name: 城关镇, kind: 镇办}\n"),
            ("leaders.yaml", "- {id: l1, name: 王某, title: 副县长}\n"),
            ("chains.yaml", "chains:\n  - {id: agri, name: 新农业, key: true}\n"),
            (
                "targets/2026.yaml",
                "county: {projects: 10, funds: 1000, fdi: 100}\nunits:\n  - {unit: t, projects: 10, funds: 1000, fdi: 100}\n",
            ),
        ],
    );
    for (id, yaml) in projects {
        write(dir, &[(&format!("projects/{id}.yaml"), yaml)]);
    }
}

/// A 合同 project signed 2026-01-10 in `t`, with `funds` as `(month, amount, origin)`.
fn project(funds: &[(&str, &str, &str)]) -> String {
    let mut y = String::from(
        "name: 项目\ninvestor: 某公司\nchain: agri\nsign_type: 合同\ntotal_investment: 1000\ncontract_amount: 1000\n\
         leader: l1\nmeasures: 专班推进\nunit: t\nmilestones:\n  signed: 2026-01-10\n",
    );
    if !funds.is_empty() {
        y.push_str("funds:\n");
        for (month, amount, origin) in funds {
            y.push_str(&format!("  - {{month: {month}, amount: {amount}, origin: {origin}, use: 固定资产}}\n"));
        }
    }
    y
}

/// The city over counties `a` (甲县) and `b` (乙县). 甲县's project gets 300 万元 from outside
/// the province in March and 200 from 乙县 (市内县外) in April; 乙县's gets 100 from outside the
/// province in March and another 200 in May. `b_rules` are 乙县's own rules.
fn city(root: &Path, b_rules: &str, city_rules: &str) -> std::path::PathBuf {
    county(&root.join("a"), "甲县", "", &[("p1", project(&[("2026-03", "300", "省外"), ("2026-04", "200", "市内县外")]))]);
    county(&root.join("b"), "乙县", b_rules, &[("p1", project(&[("2026-03", "100", "省外"), ("2026-05", "200", "省外")]))]);
    let city = root.join("city");
    write(
        &city,
        &[
            ("site.yaml", &format!("title: 示例市通报\ncounty: 示例市\nissuer: 示例市办\nrollup: 市\n{city_rules}")),
            ("members.yaml", "- {id: a, name: 甲县, folder: ../a}\n- {id: b, name: 乙县, folder: ../b}\n"),
            (
                "targets/2026.yaml",
                "total: {projects: 20, funds: 2000, fdi: 200}\nmembers:\n  - {member: a, projects: 10, funds: 1000, fdi: 100}\n  - {member: b, projects: 10, funds: 1000, fdi: 100}\n",
            ),
            ("briefings/2026-06.md", "---\nissue: 1\ntitle: 通报\n---\n\n全市到位资金{{ funds }}。\n"),
        ],
    );
    city
}

fn loaded(dir: &Path) -> crate::content::Content {
    let loaded = super::load(dir).unwrap();
    assert!(!loaded.diagnostics.has_errors(), "{:#?}", loaded.diagnostics.errors().collect::<Vec<_>>());
    loaded.content.unwrap()
}

#[test]
fn money_from_another_county_of_the_city_counts_for_the_county_not_the_city() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = city(tmp.path(), "", "");
    let mut c = loaded(&dir);
    let june = Month::parse("2026-06").unwrap();
    super::fill_own(&mut c, june);
    let s = figures::snapshot(&c, june);
    // The city counts 省外 and 省内市外 only: 300 + 100 + 200 = 600 万元 of 2000 (30.00%);
    // 甲县's 200 from 乙县 is left out. Two projects of 20.
    assert_eq!(s.headline.funds.value, d("600"));
    assert_eq!(s.headline.funds.completion.value.map(figures::format::percent_value), Some(d("30.00")));
    assert_eq!(s.headline.projects.value, d("2"));
    // Each county under the city's rules: 甲县 300, 乙县 300 — a tie, both ranked 1st.
    let rows = &s.units.towns;
    let row = |id: &str| rows.iter().find(|r| r.id == id).unwrap();
    assert_eq!((row("a").funds.value, row("b").funds.value), (d("300"), d("300")));
    assert_eq!((row("a").rank, row("b").rank), (Some(1), Some(1)));
    // 甲县's own bulletin counts 市内县外 too (the county default): 500; 乙县's is 300 either way.
    let own = |i: usize| c.members[i].own.as_ref().unwrap().funds;
    assert_eq!((own(0), own(1)), (d("500"), d("300")));
}

#[test]
fn ranks_move_month_to_month_and_a_later_event_changes_no_earlier_month() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = city(tmp.path(), "", "");
    let c = loaded(&dir);
    // April: 甲县 300 (30.00%), 乙县 100 (10.00%) → 甲县 1st, 乙县 2nd. May: 乙县 300 → tie, 1st
    // both; 乙县 moved up one.
    let april = figures::snapshot(&c, Month::parse("2026-04").unwrap());
    let rank = |s: &crate::figures::Snapshot, id: &str| s.units.towns.iter().find(|r| r.id == id).unwrap().rank;
    assert_eq!((rank(&april, "a"), rank(&april, "b")), (Some(1), Some(2)));
    let may = figures::snapshot(&c, Month::parse("2026-05").unwrap());
    assert_eq!((rank(&may, "a"), rank(&may, "b")), (Some(1), Some(1)));
    assert_eq!(may.units.towns.iter().find(|r| r.id == "b").unwrap().rank_change, Some(1));

    // A fund entered for December in 乙县 changes nothing up to June.
    let before = serde_json::to_string(&figures::snapshot(&c, Month::parse("2026-06").unwrap())).unwrap();
    write(
        &tmp.path().join("b"),
        &[("projects/p2.yaml", &project(&[("2026-12", "900", "省外")]).replace("2026-01-10", "2026-12-01"))],
    );
    let later = loaded(&dir);
    let after = serde_json::to_string(&figures::snapshot(&later, Month::parse("2026-06").unwrap())).unwrap();
    assert_eq!(before, after);
    assert_eq!(figures::snapshot(&later, Month::parse("2026-12").unwrap()).headline.funds.value, d("1500"));
}

#[test]
fn a_member_with_other_rules_keeps_its_own_numbers_beside_the_citys() {
    let tmp = tempfile::tempdir().unwrap();
    // A stricter city that counts money from outside the province only; 乙县 counts the same
    // way, 甲县 keeps the county default (省外, 省内市外 and 市内县外).
    let dir = city(tmp.path(), "rules:\n  funds_origins: [省外]\n", "rules:\n  funds_origins: [省外]\n");
    let mut c = loaded(&dir);
    let june = Month::parse("2026-06").unwrap();
    super::fill_own(&mut c, june);
    let s = figures::snapshot(&c, june);
    // City (省外 only): 甲县 300, 乙县 300. 甲县's own: 300 + 200 = 500; 乙县's own: 300.
    let row = |id: &str| s.units.towns.iter().find(|r| r.id == id).unwrap().funds.value;
    assert_eq!((row("a"), row("b")), (d("300"), d("300")));
    let own = |i: usize| c.members[i].own.as_ref().unwrap().funds;
    assert_eq!((own(0), own(1)), (d("500"), d("300")));
    let view = crate::render::pages::units::member(&c, crate::content::model::UnitIx(0), &s, "../").unwrap();
    assert!(view.differs, "甲县 is counted differently");
    assert!(view.own.contains("到位资金0.05亿元") && view.here.contains("到位资金0.03亿元"), "{} / {}", view.own, view.here);
    let view = crate::render::pages::units::member(&c, crate::content::model::UnitIx(1), &s, "../").unwrap();
    assert!(!view.differs, "乙县 counts the same way as the city");
}

#[test]
fn a_member_with_a_content_error_fails_the_check_and_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = city(tmp.path(), "", "");
    write(&tmp.path().join("b"), &[("projects/p1.yaml", "name: 项目\nchain: nosuch\n")]);
    let loaded = super::load(&dir).unwrap();
    assert!(loaded.content.is_none());
    let errors: Vec<_> = loaded.diagnostics.errors().collect();
    assert!(!errors.is_empty());
    for e in &errors {
        let path = &loaded.sources.get(e.file.expect("a member's problem points at its file")).path;
        assert_eq!(path, "乙县: ../b/projects/p1.yaml", "{e:?}");
    }
    // And a member folder that is not there is named with the line of members.yaml.
    write(&dir, &[("members.yaml", "- {id: a, name: 甲县, folder: ../a}\n- {id: c, name: 丙县, folder: ../c}\n")]);
    let loaded = super::load(&dir).unwrap();
    let e = loaded.diagnostics.errors().find(|e| e.code == "member-folder").expect("the missing folder is reported");
    assert_eq!(loaded.sources.get(e.file.unwrap()).path, "members.yaml");
    // A roll-up that lists itself is refused, not read forever.
    write(&dir, &[("members.yaml", "- {id: a, name: 甲县, folder: ../a}\n- {id: c, name: 本市, folder: .}\n")]);
    let loaded = super::load(&dir).unwrap();
    let e = loaded.diagnostics.errors().find(|e| e.code == "member-folder").expect("the loop is reported");
    assert!(e.message.zh.contains("循环"), "{e:?}");
}

#[test]
fn a_member_site_link_must_be_a_web_page_and_names_hold_no_control_character() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = city(tmp.path(), "", "");
    write(
        &dir,
        &[(
            "members.yaml",
            "- {id: a, name: 甲县, folder: ../a, site: \"javascript:alert(1)\"}\n- {id: b, name: \"乙\\u0007县\", folder: ../b}\n",
        )],
    );
    let refused = super::load(&dir).unwrap();
    assert!(refused.content.is_none());
    let codes: Vec<&str> = refused.diagnostics.errors().map(|e| e.code).collect();
    assert!(codes.contains(&"bad-site-link"), "{codes:?}");
    assert!(codes.contains(&"control-character"), "{codes:?}");
    // A relative path or an https address is fine.
    write(
        &dir,
        &[(
            "members.yaml",
            "- {id: a, name: 甲县, folder: ../a, site: ../a-site/index.html}\n- {id: b, name: 乙县, folder: ../b, site: \"https://example.org/b/\"}\n",
        )],
    );
    assert_eq!(loaded(&dir).members[1].site.as_deref(), Some("https://example.org/b/"));
}

#[test]
fn a_province_lists_its_cities_where_a_city_lists_projects() {
    let tmp = tempfile::tempdir().unwrap();
    // 示例市 (甲县, 乙县) as above, and 另一市 over 丙县, whose one project has a contract of
    // 2 亿元 and brings 500 万元 from outside the province and 50 from elsewhere in it in June.
    let x = city(tmp.path(), "", "");
    let big = project(&[("2026-06", "500", "省外"), ("2026-06", "50", "省内市外")])
        .replace("contract_amount: 1000", "contract_amount: 20000")
        .replace("total_investment: 1000", "total_investment: 20000");
    county(&tmp.path().join("c"), "丙县", "", &[("p1", big)]);
    let y = tmp.path().join("y");
    write(
        &y,
        &[
            ("site.yaml", "title: 另一市通报\ncounty: 另一市\nissuer: 另一市办\nrollup: 市\n"),
            ("members.yaml", "- {id: c, name: 丙县, folder: ../c}\n"),
            (
                "targets/2026.yaml",
                "total: {projects: 10, funds: 1000, fdi: 100}\nmembers:\n  - {member: c, projects: 10, funds: 1000, fdi: 100}\n",
            ),
        ],
    );
    let province = tmp.path().join("province");
    write(
        &province,
        &[
            ("site.yaml", "title: 示例省通报\ncounty: 示例省\nissuer: 示例省办\nrollup: 省\n"),
            (
                "members.yaml",
                &format!(
                    "- {{id: x, name: 示例市, folder: ../{}}}\n- {{id: y, name: 另一市, folder: ../y}}\n",
                    x.file_name().unwrap().to_str().unwrap()
                ),
            ),
            (
                "targets/2026.yaml",
                "total: {projects: 30, funds: 3000, fdi: 300}\nmembers:\n  - {member: x, projects: 20, funds: 2000, fdi: 200}\n  - {member: y, projects: 10, funds: 1000, fdi: 100}\n",
            ),
            ("briefings/2026-06.md", "---\nissue: 1\ntitle: 通报\n---\n\n全省到位资金{{ funds }}。\n"),
        ],
    );
    let c = loaded(&province);
    let june = Month::parse("2026-06").unwrap();
    let s = figures::snapshot(&c, june);
    let annex = crate::figures::annex::Annex::of(&c, june);
    let t = crate::report::MonthTables::of(&c, &s, &annex);
    let shown = |t: &crate::report::Table, row: &str, col: &str| t.shown(row, col).unwrap_or_else(|| panic!("{row}/{col}"));
    // New projects: 示例市 2 (1000 + 1000 万元, none of 1 亿元), 另一市 1 (20 000, one).
    let n = &t.new_projects;
    assert_eq!(n.rows.len(), 3, "a row per city and the total");
    assert_eq!(shown(n, "示例市", "新签约项目"), "2");
    assert_eq!(shown(n, "示例市", "合同引资额"), "2,000.00");
    assert_eq!(shown(n, "另一市", "其中亿元以上"), "1");
    assert_eq!(shown(n, "全省合计", "新签约项目"), "3");
    assert_eq!(shown(n, "全省合计", "合同引资额"), "22,000.00");
    // Funds counted by the province (省外 only): 示例市 300 + 300 = 600, none in June;
    // 另一市 500 in June (its 50 from within the province left out). Total 1 100, 500 in June.
    let f = &t.funds;
    assert_eq!(shown(f, "示例市", "1—本月累计"), "600.00");
    assert_eq!(shown(f, "示例市", "本月到位"), "0.00");
    assert_eq!(shown(f, "另一市", "本月到位"), "500.00");
    assert_eq!(shown(f, "全省合计", "1—本月累计"), "1,100.00");
    assert_eq!(shown(f, "全省合计", "有到位资金的项目"), "3");
    assert_eq!(s.headline.funds.value, d("1100"), "the total agrees with the headline");
    // 亿元以上: 另一市's one project of 20 000 万元.
    let b = &t.big_projects;
    assert_eq!(b.caption, "亿元以上新签约项目（1个）");
    assert_eq!((shown(b, "示例市", "亿元以上新签约项目"), shown(b, "另一市", "合同引资额")), ("0".into(), "20,000.00".into()));
    // A city still lists its projects one by one.
    let c = loaded(&x);
    let s = figures::snapshot(&c, june);
    let t = crate::report::MonthTables::of(&c, &s, &crate::figures::annex::Annex::of(&c, june));
    assert_eq!(t.new_projects.rows.len(), 2);
    assert_eq!(t.new_projects.columns[1].header, "项目名称");
}
