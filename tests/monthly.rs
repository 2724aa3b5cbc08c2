//! Monthly reports (月报) in, as a clerk uses them: workbooks in each shape offices send (one
//! row per project, one row per money entry, a column per month), made here with
//! rust_xlsxwriter, imported with the real binary into a small content folder whose files carry
//! comments; the files are compared byte for byte with what a clerk would have typed, and the
//! month's figures with sums worked out by hand.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};

use calamine::{Data, Reader};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

mod common;

const BIN: &str = env!("CARGO_BIN_EXE_bulletin");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).env("NO_COLOR", "1").output().expect("runs bulletin")
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn import(report: &Path, content: &Path, month: &str, extra: &[&str]) -> Output {
    let mut args = vec!["import", report.to_str().unwrap(), "--content", content.to_str().unwrap(), "--month", month];
    args.extend_from_slice(extra);
    run(&args)
}

// ---- a small content folder whose project files carry comments ----------------------------------

const TEA: &str = "\
# 茶叶项目：县商务局负责
name: 商南县茶叶精深加工项目
investor: 浙江某某茶业有限公司
origin:
  province: 浙江省
chain: agri
sign_type: 合同
total_investment: 12000
contract_amount: 10000
unit: shangwu
milestones:
  signed: 2026-01-10   # 合同签约
funds:
  - month: 2026-02
    amount: 500        # 首笔
    origin: 省外
    use: 固定资产

# 进展
note: 设备采购中
";

const STONE: &str = "\
name: 商南县新型建材项目
investor: 西安某某建材有限公司
origin:
  province: 陕西省
  city: 西安市
chain: materials
sign_type: 合同
total_investment: 5000
contract_amount: 4000
unit: chengguan
milestones:
  signed: 2026-03-08
  registered: 2026-04-01
problems:
  - kind: 用地
    text: 厂房用地指标未落实
    opened: 2026-04-15
";

fn small_site(dir: &Path) {
    let w = |p: &str, t: &str| {
        let path = dir.join(p);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, t).unwrap();
    };
    w("site.yaml", "title: 测试简报\nissuer: 测试办\ncounty: 商南县\n");
    w("units.yaml", "- id: chengguan\n  name: 城关街道\n  kind: 镇办\n- id: shangwu\n  name: 县商务局\n  kind: 部门\n");
    w("leaders.yaml", "- id: wang\n  name: 王某\n");
    w("chains.yaml", "chains:\n  - id: agri\n    name: 新农业\n    key: true\n  - id: materials\n    name: 新材料\n");
    w("targets/2026.yaml", "county:\n  projects: 10\n  funds: 100000\n  fdi: 100\n");
    w("briefings/2026-06.md", "---\nissue: 6\ntitle: 上半年通报\n---\n正文\n");
    w("projects/p2026-001.yaml", TEA);
    w("projects/p2026-002.yaml", STONE);
}

/// A cell of a test workbook.
#[derive(Clone)]
enum C {
    T(&'static str),
    N(f64),
    /// A real Excel date cell.
    D(u16, u8, u8),
    E,
}
use C::*;

/// A sheet: name, a merged title over the first `title_width` columns (when given), then rows.
struct Sheet {
    name: &'static str,
    title: Option<(&'static str, u16)>,
    rows: Vec<Vec<C>>,
    /// Merged header cells: (row, first col, last col) of rows after the title.
    merges: Vec<(u32, u16, u16)>,
}

fn workbook(sheets: &[Sheet]) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy/m/d");
    let merged = Format::new();
    for s in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(s.name).unwrap();
        let top = u32::from(s.title.is_some());
        if let Some((title, width)) = s.title {
            sheet.merge_range(0, 0, 0, width - 1, title, &merged).unwrap();
        }
        for (i, row) in s.rows.iter().enumerate() {
            let r = top + i as u32;
            for (col, cell) in row.iter().enumerate() {
                let c = col as u16;
                if s.merges.iter().any(|(mr, first, _)| *mr + top == r && *first == c) {
                    continue;
                }
                match cell {
                    T(t) => {
                        sheet.write_string(r, c, *t).unwrap();
                    }
                    N(n) => {
                        sheet.write_number(r, c, *n).unwrap();
                    }
                    D(y, m, d) => {
                        sheet.write_datetime_with_format(r, c, ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date).unwrap();
                    }
                    E => {}
                }
            }
        }
        for (mr, first, last) in &s.merges {
            let row = &s.rows[*mr as usize];
            let T(t) = row[*first as usize] else { panic!("a merged header is text") };
            sheet.merge_range(mr + top, *first, mr + top, *last, t, &merged).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

fn cover() -> Sheet {
    Sheet {
        name: "封面",
        title: None,
        rows: vec![vec![T("商南县招商引资工作月报")], vec![], vec![T("2026年6月")], vec![T("县商务局 报送")]],
        merges: vec![],
    }
}

/// The month's funds, FDI and cumulative funds as `bulletin figures` prints them (JSON).
fn headline(content: &Path, month: &str) -> (String, String, String) {
    let o = run(&["figures", "--content", content.to_str().unwrap(), "--month", month, "--format", "json"]);
    assert!(o.status.success(), "{}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let h = &v["headline"];
    (h["funds"]["this_month"].to_string(), h["funds"]["value"].to_string(), h["fdi"]["this_month"].to_string())
}

/// One row per project, money split by origin under a two-level header, behind a cover
/// sheet, a merged title and a 填报单位 line, with amounts as clerks type them and a 合计 row.
fn per_project_report() -> Vec<u8> {
    workbook(&[
        cover(),
        Sheet {
            name: "到位资金",
            title: Some(("2026年6月招商引资项目到位资金情况表", 9)),
            rows: vec![
                vec![T("填报单位：县商务局"), E, E, E, E, E, E, T("填报日期：2026年6月30日")],
                vec![
                    T("序号"),
                    T("项目名称"),
                    T("本月到位资金（万元）"),
                    E,
                    E,
                    E,
                    T("外资到位（万美元）"),
                    T("开工日期"),
                    T("备注"),
                ],
                vec![E, E, T("省外"), T("省内市外"), T("市内县外"), T("县内"), E, E, E],
                vec![
                    N(1.0),
                    T("商南县茶叶精深加工项目"),
                    T("8,000万元"),
                    E,
                    E,
                    N(120.0),
                    N(15.0),
                    T("2026年6月20日"),
                    T("按期推进"),
                ],
                vec![N(2.0), T("商南县新型建材项目"), E, N(300.5), E, E, E, E, E],
                vec![T("合计"), E, N(8000.0), N(300.5), E, N(120.0), N(15.0), E, E],
            ],
            merges: vec![(1, 2, 5)],
        },
    ])
}

// ---- the shapes -------------------------------------------------------------------------------

#[test]
fn one_row_per_project_merges_in_place_and_the_figures_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    small_site(&content);
    let before = common::files(&content);
    let report = dir.path().join("6月月报.xlsx");
    fs::write(&report, per_project_report()).unwrap();

    let o = import(&report, &content, "2026-06", &[]);
    let out = text(&o);
    assert!(o.status.success(), "{out}");
    // One line per project changed, then check's verdict.
    assert!(out.contains("p2026-001  商南县茶叶精深加工项目  已写入 projects/p2026-001.yaml"), "{out}");
    assert!(out.contains("p2026-002  商南县新型建材项目  已写入 projects/p2026-002.yaml"), "{out}");
    assert!(out.contains("合计行"), "{out}");
    assert!(out.contains("导入后检查"), "{out}");

    // The tea project: this month's money after February's entry (origin by column, use as
    // its latest entry), FDI as a new list before the note's comment, the start date in
    // milestone order; every other byte as it was.
    let tea = fs::read_to_string(content.join("projects/p2026-001.yaml")).unwrap();
    let want = TEA
        .replace("  signed: 2026-01-10   # 合同签约\n", "  signed: 2026-01-10   # 合同签约\n  started: 2026-06-20\n")
        .replace(
            "    origin: 省外\n    use: 固定资产\n\n",
            "    origin: 省外\n    use: 固定资产\n  - month: 2026-06\n    amount: 8000\n    origin: 省外\n    use: 固定资产\n  - month: 2026-06\n    amount: 120\n    origin: 县内\n    use: 固定资产\nfdi:\n  - month: 2026-06\n    amount: 15\n\n",
        );
    assert_eq!(tea, want);
    // The building-materials project had no money: a new `funds:` block where the documented
    // order puts it (before `problems:`), use 固定资产 by default.
    let stone = fs::read_to_string(content.join("projects/p2026-002.yaml")).unwrap();
    let want = STONE.replace(
        "problems:\n",
        "funds:\n  - month: 2026-06\n    amount: 300.5\n    origin: 省内市外\n    use: 固定资产\nproblems:\n",
    );
    assert_eq!(stone, want);
    let after = common::files(&content);
    for (path, bytes) in &before {
        if !path.starts_with("projects/") {
            assert_eq!(&after[path], bytes, "{path} changed");
        }
    }

    // June's money: 8000 + 300.5 (县内 120 is not counted by the default rules); the year so
    // far adds February's 500; FDI 15.
    let (month, year, fdi) = headline(&content, "2026-06");
    assert_eq!((month.as_str(), year.as_str(), fdi.as_str()), ("8300.5", "8800.5", "15"));

    // The same report again: every month already there and equal, nothing written.
    let snapshot = common::files(&content);
    let o = import(&report, &content, "2026-06", &[]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("改动 0 个项目文件，无变化 2 个"), "{}", text(&o));
    assert_eq!(common::files(&content), snapshot);
}

#[test]
fn one_row_per_money_entry_with_milestones_and_problems_on_another_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    small_site(&content);
    let report = dir.path().join("report.xlsx");
    fs::write(
        &report,
        workbook(&[
            Sheet {
                name: "资金明细",
                title: Some(("2026年6月到位资金明细", 6)),
                rows: vec![
                    vec![T("项目编号"), T("项目名称"), T("到位月份"), T("到位金额（万元）"), T("资金来源"), T("资金用途")],
                    vec![T("p2026-001"), T("商南县茶叶精深加工项目"), T("2026-06"), N(200.0), T("省外"), T("流动资金")],
                    vec![T("p2026-001"), T("商南县茶叶精深加工项目"), D(2026, 6, 15), T("100"), T("省外"), T("流动资金")],
                    vec![T("p2026-002"), T("商南县新型建材项目"), T("2026年6月"), T("0.005亿元"), T("市内县外"), T("固定资产")],
                ],
                merges: vec![],
            },
            Sheet {
                name: "进展与问题",
                title: None,
                rows: vec![
                    vec![T("项目编号"), T("开工日期"), T("问题类型"), T("存在问题"), T("问题提出日期"), T("问题解决日期")],
                    vec![T("p2026-002"), D(2026, 6, 3), E, T("厂房用地指标未落实"), E, T("2026年6月28日")],
                    vec![T("p2026-001"), E, T("手续"), T("环评批复未下达"), D(2026, 6, 10), E],
                ],
                merges: vec![],
            },
        ]),
    )
    .unwrap();
    let o = import(&report, &content, "2026-06", &[]);
    assert!(o.status.success(), "{}", text(&o));

    // Two rows of the same origin and use make one entry of 300; the new problem is a new
    // list placed before the note (and the blank line and comment above it).
    let tea = fs::read_to_string(content.join("projects/p2026-001.yaml")).unwrap();
    let want = TEA.replace(
        "    use: 固定资产\n\n",
        "    use: 固定资产\n  - month: 2026-06\n    amount: 300\n    origin: 省外\n    use: 流动资金\nproblems:\n  - kind: 手续\n    text: 环评批复未下达\n    opened: 2026-06-10\n\n",
    );
    assert_eq!(tea, want);
    // 0.005 亿元 = 50 万元; the start date after 注册; the recorded problem gets its date.
    let stone = fs::read_to_string(content.join("projects/p2026-002.yaml")).unwrap();
    let want = STONE.replace("  registered: 2026-04-01\n", "  registered: 2026-04-01\n  started: 2026-06-03\n").replace(
        "problems:\n",
        "funds:\n  - month: 2026-06\n    amount: 50\n    origin: 市内县外\n    use: 固定资产\nproblems:\n",
    ) + "    resolved: 2026-06-28\n";
    assert_eq!(stone, want);
    let (month, year, _) = headline(&content, "2026-06");
    assert_eq!((month.as_str(), year.as_str()), ("350", "850"));
}

#[test]
fn a_column_per_month_adds_the_months_not_yet_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    small_site(&content);
    let mut header = vec![T("项目编号"), T("资金来源")];
    let months = ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"];
    header.extend(months.iter().map(|m| T(m)));
    let mut tea = vec![T("p2026-001"), T("省外")];
    tea.extend(vec![E; 12]);
    tea[2 + 1] = N(500.0); // 2月: as recorded
    tea[2 + 4] = N(250.0); // 5月: not recorded yet
    tea[2 + 5] = N(1000.0); // 6月
    let mut stone = vec![T("p2026-002"), T("省内市外")];
    stone.extend(vec![E; 12]);
    stone[2 + 5] = T("1.2亿元");
    let report = dir.path().join("wide.xlsx");
    fs::write(
        &report,
        workbook(&[Sheet {
            name: "分月到位资金",
            title: Some(("2026年各月到位资金（万元）", 14)),
            rows: vec![header, tea, stone],
            merges: vec![],
        }]),
    )
    .unwrap();
    let o = import(&report, &content, "2026-06", &[]);
    assert!(o.status.success(), "{}", text(&o));
    let tea = fs::read_to_string(content.join("projects/p2026-001.yaml")).unwrap();
    let want = TEA.replace(
        "    use: 固定资产\n\n",
        "    use: 固定资产\n  - month: 2026-05\n    amount: 250\n    origin: 省外\n    use: 固定资产\n  - month: 2026-06\n    amount: 1000\n    origin: 省外\n    use: 固定资产\n\n",
    );
    assert_eq!(tea, want);
    // June: 1000 + 12000; the year: 500 + 250 + 1000 + 12000.
    let (month, year, _) = headline(&content, "2026-06");
    assert_eq!((month.as_str(), year.as_str()), ("13000", "13750"));
}

// ---- what is refused ----------------------------------------------------------------------------

#[test]
fn bad_rows_are_reported_by_cell_and_nothing_is_written_unless_partial() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    small_site(&content);
    let before = common::files(&content);
    let report = dir.path().join("bad.xlsx");
    fs::write(
        &report,
        workbook(&[Sheet {
            name: "月报",
            title: Some(("2026年6月月报", 5)),
            rows: vec![
                vec![T("项目编号"), T("项目名称"), T("本月到位资金（万元）"), T("资金来源"), T("开工日期")],
                vec![E, T("商南县茶叶精深加工"), N(8000.0), T("省外"), E],
                vec![T("p2026-099"), E, N(10.0), T("省外"), E],
                vec![T("p2026-002"), E, N(-5.0), T("省外"), E],
                vec![T("p2026-002"), E, N(50_000_000.0), T("省外"), E],
                vec![T("p2026-002"), E, N(40.0), T("省外"), D(2026, 7, 2)],
                vec![T("p2026-002"), E, N(60.0), T("省内"), E],
                vec![T("合计"), E, N(50_009_000.0), E, E],
            ],
            merges: vec![],
        }]),
    )
    .unwrap();
    let o = import(&report, &content, "2026-06", &[]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    for expected in [
        // A name close to a project's: the project is suggested.
        "月报!B3（项目名称）：没有名为 “商南县茶叶精深加工” 的项目，最接近的是 “商南县茶叶精深加工项目”（p2026-001）",
        "月报!A4（项目编号）：项目编号 “p2026-099” 不存在",
        "月报!C5（本月到位资金（万元））：不能是负数",
        "月报!C6（本月到位资金（万元））：50000000 万元 超过 1000000 万元",
        "月报!E7（开工日期）：日期 2026-07-02 不在 2026-06 月内",
        "月报!D8（资金来源）：资金来源 “省内” 不是可选的值",
        // 8000 + 10 + 50000000 + 40 + 60 = 50008110 (the negative cell is not an amount).
        "月报!C9（本月到位资金（万元））：合计行写的是 50009000 万元，上面各行加起来是 50008110 万元，相差 890",
    ] {
        assert!(out.contains(expected), "missing: {expected}\n{out}");
    }
    assert!(out.contains("没有写入任何文件"), "{out}");
    assert_eq!(common::files(&content), before);

    // --partial writes the projects without a problem: here none (p2026-002's rows all have
    // one, p2026-001 was not found), so the folder is still as it was.
    let o = import(&report, &content, "2026-06", &["--partial"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert_eq!(common::files(&content), before);
}

#[test]
fn partial_writes_the_projects_whose_rows_are_fine() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    small_site(&content);
    let report = dir.path().join("r.xlsx");
    fs::write(
        &report,
        workbook(&[Sheet {
            name: "月报",
            title: None,
            rows: vec![
                vec![T("项目编号"), T("本月到位资金（万元）"), T("资金来源")],
                vec![T("p2026-001"), N(70.0), T("省外")],
                vec![T("p2026-002"), T("七十"), T("省外")],
            ],
            merges: vec![],
        }]),
    )
    .unwrap();
    let o = import(&report, &content, "2026-06", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(fs::read_to_string(content.join("projects/p2026-001.yaml")).unwrap(), TEA);
    let o = import(&report, &content, "2026-06", &["--partial"]);
    assert_eq!(o.status.code(), Some(1), "a row still has a problem");
    assert!(text(&o).contains("月报!B3"), "{}", text(&o));
    let tea = fs::read_to_string(content.join("projects/p2026-001.yaml")).unwrap();
    assert_eq!(
        tea,
        TEA.replace(
            "    use: 固定资产\n\n",
            "    use: 固定资产\n  - month: 2026-06\n    amount: 70\n    origin: 省外\n    use: 固定资产\n\n"
        )
    );
    assert_eq!(fs::read_to_string(content.join("projects/p2026-002.yaml")).unwrap(), STONE);
}

#[test]
fn a_different_month_is_a_conflict_changed_only_with_force_and_listed_as_a_correction() {
    // The sample county: 2026-09 is issued; p2026-008 has 4501 (固定资产) and 1125.3 (流动资金)
    // from 省外 that month.
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), &content);
    let before = common::files(&content);
    let report = dir.path().join("9月.xlsx");
    let rows = |working: f64| {
        vec![
            vec![T("项目编号"), T("月份"), T("金额（万元）"), T("资金来源"), T("资金用途")],
            vec![T("p2026-008"), T("2026-09"), N(4501.0), T("省外"), T("固定资产")],
            vec![T("p2026-008"), T("2026-09"), N(working), T("省外"), T("流动资金")],
        ]
    };
    fs::write(&report, workbook(&[Sheet { name: "明细", title: None, rows: rows(1125.3), merges: vec![] }])).unwrap();
    let o = import(&report, &content, "2026-09", &[]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(common::files(&content), before, "an equal month is unchanged");

    fs::write(&report, workbook(&[Sheet { name: "明细", title: None, rows: rows(1200.0), merges: vec![] }])).unwrap();
    let o = import(&report, &content, "2026-09", &[]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("明细!C2、明细!C3：p2026-008（商南县中药饮片及提取物生产项目）2026-09 的到位资金已登记为 4501 万元（省外、固定资产）、1125.3 万元（省外、流动资金），月报写的是 4501 万元（省外、固定资产）、1200 万元（省外、流动资金）"), "{out}");
    assert_eq!(common::files(&content), before, "a conflict without --force changes nothing");

    let o = import(&report, &content, "2026-09", &["--force", "--dry-run"]);
    let out = text(&o);
    assert!(out.contains("-    amount: 1125.3\n") || out.contains("    -    amount: 1125.3"), "{out}");
    assert!(out.contains("+    amount: 1200"), "{out}");
    assert_eq!(common::files(&content), before, "a dry run writes nothing");

    let o = import(&report, &content, "2026-09", &["--force"]);
    let out = text(&o);
    assert!(out.contains("更正已印发的 2026-09 简报数据"), "{out}");
    let path = "projects/p2026-008.yaml";
    let after = fs::read_to_string(content.join(path)).unwrap();
    let was = String::from_utf8(before[path].clone()).unwrap();
    assert_eq!(after, was.replace("    amount: 1125.3\n", "    amount: 1200\n"));
}

// ---- the blank report and back ----------------------------------------------------------------

#[test]
fn the_blank_report_filled_in_imports_into_a_folder_that_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    small_site(&content);
    let blank = dir.path().join("blank.xlsx");
    let o = run(&[
        "export",
        "--content",
        content.to_str().unwrap(),
        "--template",
        "monthly",
        "--month",
        "2026-06",
        "--unit",
        "商务局",
        "--out",
        blank.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));

    // The unit's one project is listed; the header is the mapping's; the drop-down lists are there.
    let bytes = fs::read(&blank).unwrap();
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    let range = book.worksheet_range("月报").unwrap();
    let header: Vec<String> = (0..14).map(|c| range.get_value((2, c)).map(|d| d.to_string()).unwrap_or_default()).collect();
    assert_eq!(
        header,
        [
            "项目编号",
            "项目名称",
            "本月到位资金（万元）",
            "资金来源",
            "资金用途",
            "外资到位（万美元）",
            "注册日期",
            "首笔资金到位日期",
            "开工日期",
            "投产日期",
            "问题类型",
            "存在问题",
            "问题提出日期",
            "问题解决日期"
        ]
    );
    let ids: Vec<String> = (3..40)
        .filter_map(|r| match range.get_value((r, 0)) {
            Some(Data::String(s)) => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(ids, ["p2026-001"]);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut xml).unwrap();
    assert!(xml.contains("省外,省内市外,市内县外,县内"), "{xml}");
    assert!(xml.contains("固定资产,流动资金"), "{xml}");
    assert!(xml.contains("用地,手续,资金,其他"), "{xml}");

    // The unit fills it in (as Excel would save it: every cell kept, values added).
    let mut filled: BTreeMap<(u32, u16), Data> = BTreeMap::new();
    for (r, c, v) in range.used_cells() {
        filled.insert((r as u32, c as u16), v.clone());
    }
    filled.insert((3, 2), Data::Float(650.0));
    filled.insert((3, 5), Data::Float(12.0));
    filled.insert((3, 8), Data::String("2026-06-18".into()));
    filled.insert((3, 10), Data::String("资金".into()));
    filled.insert((3, 11), Data::String("流动资金贷款未获批".into()));
    filled.insert((3, 12), Data::String("2026/6/22".into()));
    // A second entry of the same project on a spare row, from another origin.
    filled.insert((4, 0), Data::String("p2026-001".into()));
    filled.insert((4, 2), Data::String("30万元".into()));
    filled.insert((4, 3), Data::String("市内县外".into()));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("月报").unwrap();
    for ((r, c), v) in &filled {
        match v {
            Data::String(s) => {
                sheet.write_string(*r, *c, s).unwrap();
            }
            Data::Float(f) => {
                sheet.write_number(*r, *c, *f).unwrap();
            }
            other => panic!("unexpected cell {other:?}"),
        }
    }
    let back = dir.path().join("filled.xlsx");
    fs::write(&back, book.save_to_buffer().unwrap()).unwrap();

    let o = import(&back, &content, "2026-06", &[]);
    let out = text(&o);
    assert!(o.status.success(), "{out}");
    assert!(out.contains("导入后检查") && out.contains("通过"), "{out}");
    let check = run(&["check", "--content", content.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check));
    // The origin and use were prefilled from the project's latest entry (省外, 固定资产).
    let tea = fs::read_to_string(content.join("projects/p2026-001.yaml")).unwrap();
    let want = TEA
        .replace("  signed: 2026-01-10   # 合同签约\n", "  signed: 2026-01-10   # 合同签约\n  started: 2026-06-18\n")
        .replace(
            "    use: 固定资产\n\n",
            "    use: 固定资产\n  - month: 2026-06\n    amount: 650\n    origin: 省外\n    use: 固定资产\n  - month: 2026-06\n    amount: 30\n    origin: 市内县外\n    use: 固定资产\nfdi:\n  - month: 2026-06\n    amount: 12\nproblems:\n  - kind: 资金\n    text: 流动资金贷款未获批\n    opened: 2026-06-22\n\n",
        );
    assert_eq!(tea, want);
    let (month, year, fdi) = headline(&content, "2026-06");
    assert_eq!((month.as_str(), year.as_str(), fdi.as_str()), ("680", "1180", "12"));
}

fn copy_dir(from: &Path, to: &Path) {
    for (rel, bytes) in common::files(from) {
        let path = to.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
}

#[test]
fn a_row_total_beside_its_parts_is_checked_and_a_different_date_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    small_site(&content);
    let before = common::files(&content);
    let report = dir.path().join("r.xlsx");
    fs::write(
        &report,
        workbook(&[Sheet {
            name: "月报",
            title: None,
            rows: vec![
                vec![T("项目编号"), T("本月到位资金（万元）"), E, E, T("注册日期")],
                vec![E, T("小计"), T("省外"), T("县内"), E],
                // 500 + 50 is 550, not 600.
                vec![T("p2026-001"), N(600.0), N(500.0), N(50.0), E],
                // The file says 2026-04-01.
                vec![T("p2026-002"), N(20.0), N(20.0), E, D(2026, 6, 5)],
            ],
            merges: vec![(0, 1, 3)],
        }]),
    )
    .unwrap();
    let o = import(&report, &content, "2026-06", &[]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("月报!B3（本月到位资金（万元））：这一行的合计写的是 600 万元，按来源（用途）分列的各格加起来是 550 万元"),
        "{out}"
    );
    assert!(out.contains("月报!E4：p2026-002（商南县新型建材项目）注册日期已登记为 2026-04-01，月报写的是 2026-06-05"), "{out}");
    assert_eq!(common::files(&content), before);

    // With --force and --partial: the date is replaced, the good row's money (20, the total
    // column not counted again) added; the bad row is still left out.
    let o = import(&report, &content, "2026-06", &["--force", "--partial"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let stone = fs::read_to_string(content.join("projects/p2026-002.yaml")).unwrap();
    let want = STONE
        .replace("  registered: 2026-04-01\n", "  registered: 2026-06-05\n")
        .replace("problems:\n", "funds:\n  - month: 2026-06\n    amount: 20\n    origin: 省外\n    use: 固定资产\nproblems:\n");
    assert_eq!(stone, want);
    assert_eq!(fs::read_to_string(content.join("projects/p2026-001.yaml")).unwrap(), TEA);
}

#[test]
fn money_on_a_summary_sheet_and_a_detail_sheet_is_not_counted_twice() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    small_site(&content);
    let before = common::files(&content);
    let report = dir.path().join("r.xlsx");
    let summary = Sheet {
        name: "汇总",
        title: None,
        rows: vec![vec![T("项目编号"), T("本月到位资金（万元）"), T("资金来源")], vec![T("p2026-001"), N(300.0), T("省外")]],
        merges: vec![],
    };
    let detail = Sheet {
        name: "明细",
        title: None,
        rows: vec![
            vec![T("项目编号"), T("到位金额（万元）"), T("资金来源")],
            vec![T("p2026-001"), N(100.0), T("省外")],
            vec![T("p2026-001"), N(200.0), T("省外")],
        ],
        merges: vec![],
    };
    fs::write(&report, workbook(&[summary, detail])).unwrap();
    let o = import(&report, &content, "2026-06", &[]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("汇总!B2、明细!B2、明细!B3：项目 p2026-001 的 2026-06 到位资金在 2 张工作表里都有"), "{out}");
    assert_eq!(common::files(&content), before);
    // One sheet read: 100 + 200 from the detail.
    let o = import(&report, &content, "2026-06", &["--sheet", "明细"]);
    assert!(o.status.success(), "{}", text(&o));
    let (month, _, _) = headline(&content, "2026-06");
    assert_eq!(month, "300");
}

#[test]
fn a_list_written_on_one_line_is_reported_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    small_site(&content);
    let flow = TEA.replace("\n# 进展\n", "fdi: [{month: 2026-02, amount: 5}]\n# 进展\n");
    fs::write(content.join("projects/p2026-001.yaml"), &flow).unwrap();
    let before = common::files(&content);
    let report = dir.path().join("r.xlsx");
    fs::write(
        &report,
        workbook(&[Sheet {
            name: "月报",
            title: None,
            rows: vec![vec![T("项目编号"), T("外资到位（万美元）")], vec![T("p2026-001"), N(8.0)]],
            merges: vec![],
        }]),
    )
    .unwrap();
    let o = import(&report, &content, "2026-06", &[]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("projects/p2026-001.yaml 的 fdi 写在一行里"), "{out}");
    assert_eq!(common::files(&content), before);
}

#[test]
fn a_report_with_a_far_cell_is_refused_as_a_ledger_is() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    small_site(&content);
    let before = common::files(&content);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "项目编号").unwrap();
    sheet.write_string(0, 1, "本月到位资金").unwrap();
    sheet.write_string(1, 0, "p2026-001").unwrap();
    sheet.write_number(1, 1, 10.0).unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    let report = dir.path().join("far.xlsx");
    fs::write(&report, book.save_to_buffer().unwrap()).unwrap();
    let o = import(&report, &content, "2026-06", &[]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("XFD1048576"), "{}", text(&o));
    assert_eq!(common::files(&content), before);
}
