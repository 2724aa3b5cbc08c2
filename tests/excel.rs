//! Excel in and out, as a clerk uses it: a ledger (台账) made in Excel is imported into a
//! content folder with the real binary, and the bulletin's tables are exported and read back
//! with calamine and compared with the month's figures.

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use bulletin::content::{self, Content};
use bulletin::excel::{import, mapping::Mapping};
use bulletin::figures;
use bulletin::output;
use bulletin::period::Month;
use calamine::{Data, Range, Reader};
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const BIN: &str = env!("CARGO_BIN_EXE_bulletin");

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

// ---- a small content folder and ledgers ----------------------------------------------------------

const EXISTING: &str = "\
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
  signed: 2026-01-10
funds:
  - month: 2026-02
    amount: 500
    origin: 省外
    use: 固定资产
";

/// A content folder that checks clean, with one project (p2026-001) that has money recorded.
fn small_site(dir: &Path) {
    let w = |p: &str, t: &str| {
        let path = dir.join(p);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, t).unwrap();
    };
    w("site.yaml", "title: 测试简报\nissuer: 测试办\n");
    w(
        "units.yaml",
        "- id: chengguan\n  name: 城关街道\n  kind: 镇办\n- id: shangwu\n  name: 县商务局\n  kind: 部门\n- id: gongxin\n  name: 县工信局\n  kind: 部门\n",
    );
    w("leaders.yaml", "- id: wang\n  name: 王某\n  title: 副县长\n- id: li\n  name: 李某\n");
    w(
        "chains.yaml",
        "chains:\n  - id: agri\n    name: 新农业\n    key: true\n  - id: materials\n    name: 新材料\n    key: true\n",
    );
    w("targets/2026.yaml", "county:\n  projects: 10\n  funds: 100000\n  fdi: 100\n");
    w("briefings/2026-06.md", "---\nissue: 6\ntitle: 上半年通报\n---\n正文\n");
    w("projects/p2026-001.yaml", EXISTING);
}

/// A cell of a test ledger.
enum C {
    T(&'static str),
    N(f64),
    /// A real Excel date cell (number with a date format).
    D(u16, u8, u8),
    E,
}

const HEADERS: [&str; 14] = [
    "序号",
    "项目名称",
    "投资方",
    "投资方来源",
    "产业链",
    "签约类型",
    "总投资（万元）",
    "合同引资额(万元)",
    "签约日期",
    "开工日期",
    "责任单位",
    "包抓县级领导",
    "推进措施",
    "联系人",
];

/// An .xlsx with a title row, the header on row 2 and `rows` below, in a sheet named 台账.
fn ledger(headers: &[&str], rows: &[Vec<C>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("台账").unwrap();
    let date = Format::new().set_num_format("yyyy/m/d");
    sheet.write_string(0, 0, "商南县2026年招商引资项目台账").unwrap();
    for (col, h) in headers.iter().enumerate() {
        sheet.write_string(1, col as u16, *h).unwrap();
    }
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 2;
        for (col, cell) in row.iter().enumerate() {
            let c = col as u16;
            match cell {
                C::T(s) => {
                    sheet.write_string(r, c, *s).unwrap();
                }
                C::N(n) => {
                    sheet.write_number(r, c, *n).unwrap();
                }
                C::D(y, m, d) => {
                    sheet.write_datetime_with_format(r, c, ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date).unwrap();
                }
                C::E => {}
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// Three new projects (names for chain, unit and leader; a date as a serial number, as text
/// and as a date cell) and the existing one with a new contract amount and a start date.
fn good_rows() -> Vec<Vec<C>> {
    use C::*;
    vec![
        vec![
            N(1.0),
            T("商南县有机茶园建设项目"),
            T("杭州某某农业科技有限公司"),
            T("浙江省杭州市"),
            T("新农业"),
            T("合同"),
            N(8000.0),
            N(6000.0),
            N(46096.0), // 2026-03-15 as a bare serial number
            E,
            T("县商务局"),
            T("王某"),
            T("成立专班，每周调度"),
            T("张三"),
        ],
        vec![
            N(2.0),
            T("商南县新型建材项目"),
            T("香港某某实业有限公司"),
            T("香港"),
            T("新材料产业链"),
            T("框架协议"),
            T("1,200"),
            T("1000万元"),
            T("2026/4/8"),
            T("2026年5月20日"),
            T("城关街道"),
            T("王某（副县长）"),
            E,
            E,
        ],
        vec![
            N(3.0),
            T("商南县石材加工项目"),
            T("福建某某石业有限公司"),
            T("福建泉州"),
            T("materials"),
            T("合同"),
            N(3000.5),
            N(2500.0),
            D(2025, 11, 3),
            D(2026, 1, 6),
            T("商务局"),
            T("李某"),
            T("进度: 设备进场 #1 车间"),
            E,
        ],
        vec![
            N(4.0),
            T("商南县茶叶精深加工项目"),
            T("浙江某某茶业有限公司"),
            T("浙江省"),
            T("新农业"),
            T("合同"),
            N(12000.0),
            N(11000.0),
            T("2026.1.10"),
            T("2026-03-01"),
            T("县商务局"),
            E,
            E,
            E,
        ],
    ]
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).env("NO_COLOR", "1").output().expect("runs bulletin")
}

fn stdout(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn import_cmd(ledger: &Path, content: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["import", ledger.to_str().unwrap(), "--content", content.to_str().unwrap()];
    args.extend_from_slice(extra);
    run(&args)
}

fn load(dir: &Path) -> Content {
    let loaded = content::load(dir).unwrap();
    let errors: Vec<String> = loaded
        .diagnostics
        .errors()
        .map(|d| bulletin::diagnostics::render::text(d, &loaded.sources, bulletin::diagnostics::Lang::Zh, false))
        .collect();
    assert!(errors.is_empty(), "the folder does not check clean:\n{}", errors.join("\n"));
    loaded.content.unwrap()
}

/// Every file under `dir`, for "nothing was written" checks.
fn snapshot_of(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in walkdir(dir) {
        out.push((entry.clone(), fs::read(&entry).unwrap()));
    }
    out.sort();
    out
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() { stack.push(p) } else { files.push(p) }
        }
    }
    files
}

// ---- (a) importing a good ledger -------------------------------------------------------------------

#[test]
fn a_ledger_imports_into_files_that_check_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("content");
    small_site(&dir);
    let xlsx = tmp.path().join("台账.xlsx");
    fs::write(&xlsx, ledger(&HEADERS, &good_rows())).unwrap();

    // A dry run lists every row and writes nothing.
    let before = snapshot_of(&dir);
    let dry = import_cmd(&xlsx, &dir, &["--dry-run"]);
    let text = stdout(&dry);
    assert_eq!(dry.status.code(), Some(0), "{text}");
    assert_eq!(snapshot_of(&dir), before, "a dry run wrote something");
    assert!(text.contains("第   3 行  p2026-002  商南县有机茶园建设项目  将新建 projects/p2026-002.yaml"), "{text}");
    assert!(text.contains("p2025-001"), "{text}");
    assert!(text.contains("将覆盖（需加 --force）"), "{text}");
    assert!(text.contains("合同引资额（contract_amount） 10000 → 11000"), "{text}");
    assert!(text.contains("试运行，没有写入任何文件"), "{text}");
    assert!(text.contains("未导入的列（表头不认识）：N 联系人"), "{text}");

    // The real import writes the three new projects; the changed one waits for --force.
    let first = import_cmd(&xlsx, &dir, &[]);
    let text = stdout(&first);
    assert_eq!(first.status.code(), Some(1), "{text}");
    assert!(text.contains("没有覆盖（要覆盖请加 --force）"), "{text}");
    assert!(text.contains("导入后检查"), "{text}");
    assert_eq!(fs::read_to_string(dir.join("projects/p2026-001.yaml")).unwrap(), EXISTING);

    let c = load(&dir);
    let p = |id: &str| c.projects.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("no {id}"));
    let id_of = |ix: u32| &c.chains[ix as usize].id;

    let tea = p("p2026-002");
    assert_eq!(tea.name, "商南县有机茶园建设项目");
    assert_eq!(id_of(tea.chain.0), "agri");
    assert_eq!(tea.milestones.signed.to_string(), "2026-03-15", "a serial number is a date");
    assert_eq!(tea.total_investment, dec("8000"));
    assert_eq!(tea.contract_amount, dec("6000"));
    assert_eq!(tea.from.province.as_deref(), Some("浙江省"));
    assert_eq!(tea.from.city.as_deref(), Some("杭州市"));
    assert_eq!(c.unit(tea.unit.unwrap()).id, "shangwu");
    assert_eq!(c.leader(tea.leader.unwrap()).id, "wang");
    assert_eq!(tea.measures.as_deref(), Some("成立专班，每周调度"));
    assert_eq!(tea.sign_type.zh(), "合同");

    let stone_materials = p("p2026-003");
    assert_eq!(id_of(stone_materials.chain.0), "materials", "新材料产业链 → 新材料");
    assert_eq!(stone_materials.sign_type.zh(), "协议");
    assert_eq!(stone_materials.total_investment, dec("1200"), "text 1,200");
    assert_eq!(stone_materials.contract_amount, dec("1000"), "text 1000万元");
    assert_eq!(stone_materials.milestones.signed.to_string(), "2026-04-08");
    assert_eq!(stone_materials.milestones.started.map(|d| d.to_string()).as_deref(), Some("2026-05-20"));
    assert_eq!(stone_materials.from.country.as_deref(), Some("香港"));
    assert_eq!(c.unit(stone_materials.unit.unwrap()).id, "chengguan");
    assert_eq!(c.leader(stone_materials.leader.unwrap()).id, "wang", "王某（副县长） → wang");

    let stone = p("p2025-001");
    assert_eq!(stone.milestones.signed.to_string(), "2025-11-03", "a date cell; the id follows the signing year");
    assert_eq!(stone.total_investment, dec("3000.5"));
    assert_eq!(stone.measures.as_deref(), Some("进度: 设备进场 #1 车间"));
    assert_eq!(c.unit(stone.unit.unwrap()).id, "shangwu", "商务局 → 县商务局");
    assert_eq!(stone.from.province.as_deref(), Some("福建省"));

    // The files look written by hand: documented order, no needless quotes.
    let yaml = fs::read_to_string(dir.join("projects/p2026-002.yaml")).unwrap();
    assert!(
        yaml.ends_with(
            "name: 商南县有机茶园建设项目\ninvestor: 杭州某某农业科技有限公司\norigin:\n  province: 浙江省\n  city: 杭州市\n\
             chain: agri\nsign_type: 合同\ntotal_investment: 8000\ncontract_amount: 6000\nleader: wang\n\
             measures: 成立专班，每周调度\nunit: shangwu\nmilestones:\n  signed: 2026-03-15\n"
        ),
        "{yaml}"
    );
    assert!(yaml.starts_with("# 由 bulletin import 从 台账.xlsx（工作表“台账”第 3 行）导入\n"), "{yaml}");
    let quoted = fs::read_to_string(dir.join("projects/p2025-001.yaml")).unwrap();
    assert!(quoted.contains("measures: \"进度: 设备进场 #1 车间\"\n"), "{quoted}");

    // Again without --force: nothing is written, each row is reported.
    let before = snapshot_of(&dir);
    let again = import_cmd(&xlsx, &dir, &[]);
    let text = stdout(&again);
    assert_eq!(snapshot_of(&dir), before, "a second import changed files");
    assert_eq!(text.matches("无变化 projects/").count(), 3, "{text}");
    assert!(!text.contains("按项目名称对应到已有项目 p2026-002"), "no notes on unchanged rows:\n{text}");
    assert!(text.contains("没有覆盖"), "{text}");

    // With --force the changed project is overwritten; what the ledger does not carry is kept.
    let forced = import_cmd(&xlsx, &dir, &["--force"]);
    let text = stdout(&forced);
    assert_eq!(forced.status.code(), Some(0), "{text}");
    let c = load(&dir);
    let tea = c.projects.iter().find(|p| p.id == "p2026-001").unwrap();
    assert_eq!(tea.contract_amount, dec("11000"));
    assert_eq!(tea.milestones.started.map(|d| d.to_string()).as_deref(), Some("2026-03-01"));
    assert_eq!(tea.funds.len(), 1, "the money recorded in the file is kept");
    assert_eq!(tea.funds[0].amount, dec("500"));
    assert_eq!(c.projects.len(), 4);

    // And now everything is in: exit 0, all unchanged.
    let last = import_cmd(&xlsx, &dir, &[]);
    assert_eq!(last.status.code(), Some(0), "{}", stdout(&last));
    assert_eq!(stdout(&last).matches("无变化 projects/").count(), 4);
}

#[test]
fn an_id_column_is_used_and_a_mapping_file_renames_headers() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("content");
    small_site(&dir);
    use C::*;
    let headers = ["项目编号", "项目", "签约企业", "所属产业链", "计划总投资（亿元）", "签约金额", "签约时刻", "责任部门"];
    let rows = vec![
        vec![
            T("SN-2026-07"),
            T("商南县菌包生产项目"),
            T("某某菌业公司"),
            T("新农业"),
            N(1.5),
            N(9000.0),
            T("2026-02-03"),
            T("县工信局"),
        ],
        vec![T("第8号"), T("商南县香菇烘干项目"), T("某某食品公司"), T("agri"), N(0.2), N(1500.0), T("2026-06-30"), T("gongxin")],
    ];
    let xlsx = tmp.path().join("ledger.xlsx");
    fs::write(&xlsx, ledger(&headers, &rows)).unwrap();

    // Without a mapping, 签约时刻 is unknown and the ledger lacks a required column.
    let out = import_cmd(&xlsx, &dir, &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("没有“签约日期”列"), "{text}");
    assert!(!dir.join("projects/SN-2026-07.yaml").exists());

    let mapping = tmp.path().join("mapping.yaml");
    fs::write(&mapping, "# 我们台账的表头\n签约时刻: signed\n").unwrap();
    let out = import_cmd(&xlsx, &dir, &["--mapping", mapping.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("编号“第8号”不能用作文件名"), "{text}");
    let c = load(&dir);
    let a = c.projects.iter().find(|p| p.id == "SN-2026-07").expect("the 编号 is the id");
    assert_eq!(a.total_investment, dec("15000"), "a column in 亿元 is converted to 万元");
    assert_eq!(c.unit(a.unit.unwrap()).id, "gongxin");
    let b = c.projects.iter().find(|p| p.name == "商南县香菇烘干项目").unwrap();
    assert_eq!(b.id, "p2026-002", "an unusable 编号 gets the next free id");
    assert_eq!(b.total_investment, dec("2000"));

    // A mapping file naming a field that does not exist is a usage error, pointed at its line.
    fs::write(&mapping, "签约时刻: signed\n备注: notes\n").unwrap();
    let out = import_cmd(&xlsx, &dir, &["--mapping", mapping.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("mapping.yaml:2:"), "{text}");
    assert!(text.contains("“note”"), "{text}");
}

// ---- (b) a ledger with bad cells ------------------------------------------------------------------

#[test]
fn bad_cells_are_reported_by_sheet_row_and_column_and_good_rows_still_import() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("content");
    small_site(&dir);
    use C::*;
    let row = |name: C, chain: &'static str, total: C, signed: C| {
        vec![
            N(0.0),
            name,
            T("某某公司"),
            T("陕西省西安市"),
            T(chain),
            T("合同"),
            total,
            N(100.0),
            signed,
            E,
            T("县商务局"),
            T("王某"),
            E,
            E,
        ]
    };
    let rows = vec![
        row(T("好项目"), "新农业", N(200.0), T("2026-03-01")),       // row 3
        row(T("产业链写错"), "新材枓", N(200.0), T("2026-03-01")),   // row 4: E4
        row(T("日期写错"), "新农业", N(200.0), T("2026-13-45")),     // row 5: I5
        row(T("负数"), "新农业", N(-500.0), T("2026-03-01")),        // row 6: G6
        row(T("乱码"), "新农业", T("一千二"), T("2026-03-01")),      // row 7: G7
        row(E, "新农业", N(200.0), T("2026-03-01")),                 // row 8: B8
        row(T("开工早于签约"), "新农业", N(200.0), T("2026-03-01")), // row 9: J9
    ];
    let mut rows = rows;
    rows[6][9] = T("2026-02-01");
    // Under the table: a total row and a footnote, which are not projects.
    rows.push(vec![T("合计"), E, E, E, E, E, N(1200.0), N(700.0)]);
    rows.push(vec![E, T("注：金额单位为万元，数据截至3月底。")]);
    let xlsx = tmp.path().join("台账.xlsx");
    fs::write(&xlsx, ledger(&HEADERS, &rows)).unwrap();

    let out = import_cmd(&xlsx, &dir, &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    for (cell, code, words) in [
        ("台账!E4（产业链）", "unknown-ref", "“新材枓” 不存在"),
        ("台账!I5（签约日期）", "bad-date", "不是有效日期：“2026-13-45”"),
        ("台账!G6（总投资（万元））", "negative-amount", "不能是负数"),
        ("台账!G7（总投资（万元））", "bad-number", "“一千二”"),
        ("台账!B8（项目名称）", "missing-field", "是空的"),
        ("台账!J9（开工日期）", "milestone-order", "早于"),
    ] {
        let line = text.lines().find(|l| l.contains(cell)).unwrap_or_else(|| panic!("no message for {cell}:\n{text}"));
        assert!(line.contains(&format!("[{code}]")), "{line}");
        assert!(line.contains(words), "{line}");
    }
    assert!(text.contains("是不是 “新材料”？"), "the closest chain name is suggested:\n{text}");
    assert!(text.contains("第 10 行是合计行，已跳过") && text.contains("第 11 行是表格说明"), "{text}");
    assert_eq!(text.matches("跳过：").count(), 6, "{text}");

    // The good row is in, and the folder checks clean.
    let c = load(&dir);
    assert_eq!(c.projects.len(), 2);
    assert!(c.projects.iter().any(|p| p.name == "好项目"));

    // The same problems, typed, from the library.
    let files: Vec<(String, Vec<u8>)> = walkdir(&dir)
        .into_iter()
        .map(|p| (p.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/"), fs::read(&p).unwrap()))
        .collect();
    let sheets = import::read_sheets(fs::read(&xlsx).unwrap()).unwrap();
    let (i, header) = import::choose_sheet(&sheets, None, &Mapping::builtin()).unwrap();
    let plan = import::plan(&c, &files, &sheets[i].0, &sheets[i].1, &header, "台账.xlsx");
    assert_eq!(plan.bad_rows(), 6);
    let en: Vec<String> = plan
        .rows
        .iter()
        .filter_map(|r| match &r.outcome {
            import::Outcome::Skipped { problems } => Some(problems.iter().map(|d| d.message.en.clone())),
            _ => None,
        })
        .flatten()
        .collect();
    assert!(en.iter().any(|m| m.starts_with("台账!I5 (签约日期) is not a valid date")), "{en:?}");
    assert!(matches!(plan.rows[0].outcome, import::Outcome::Unchanged { .. }), "the good row is already in");
}

// ---- (c) and (d) export -----------------------------------------------------------------------------

fn sample() -> Content {
    load(&repo().join("content"))
}

fn sheet(bytes: &[u8], name: &str) -> Range<Data> {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    book.worksheet_range(name).unwrap()
}

fn number(range: &Range<Data>, row: u32, col: u32) -> f64 {
    match range.get_value((row, col)) {
        Some(Data::Float(f)) => *f,
        other => panic!("cell ({row}, {col}) is not a number: {other:?}"),
    }
}

fn text_at(range: &Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        other => panic!("cell ({row}, {col}) is not text: {other:?}"),
    }
}

fn f(d: Decimal) -> f64 {
    output::xlsx::to_f64(d)
}

#[test]
fn the_exported_workbook_holds_the_snapshot_figures() {
    let c = sample();
    let month = Month::parse("2026-10").unwrap();
    let s = figures::snapshot(&c, month);
    let bytes = output::xlsx::workbook(&c, &s).unwrap();

    // One sheet per table of the bulletin, in its order, named by number and short name.
    let book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.len(), 16, "{names:?}");
    assert_eq!(names[0], "表1 三项目标");
    assert_eq!(names[8], "表9 镇办排名");
    assert_eq!(names[12..], ["附件1 新签约项目", "附件2 到位资金明细", "附件3 本月外出", "附件4 交办事项"]);

    let o = sheet(&bytes, "表1 三项目标");
    assert!(text_at(&o, 0, 0).starts_with("表1 三项目标任务完成情况"), "the caption as on the page");
    assert!(text_at(&o, 1, 0).contains("2026年1—10月"), "the period is stated");
    assert!(text_at(&o, 1, 0).contains("截至2026年10月31日"), "as of the month's end");
    assert_eq!(text_at(&o, 2, 1), "1—本月累计");
    assert_eq!(text_at(&o, 2, 4), "进度差（个百分点）");
    assert_eq!(text_at(&o, 4, 0), "招商到位资金（亿元）");
    // Worked out by hand from the sample: 47 projects, 208 万美元 FDI
    // (p2025-005 15+15+15, p2026-008 30+40+35, p2026-020 30+28), 1,781,741.9 万元 = 178.17419 亿元.
    assert_eq!(number(&o, 3, 1), 47.0);
    assert_eq!(number(&o, 4, 1), 178.17419);
    assert_eq!(number(&o, 5, 1), 208.0);
    // Targets 50 个, 2 230 000 万元 = 223 亿元, 300 万美元.
    assert_eq!(number(&o, 3, 2), 50.0);
    assert_eq!(number(&o, 4, 2), 223.0);
    let h = &s.headline;
    assert_eq!(number(&o, 4, 3), f(h.funds.completion.value.unwrap()), "完成率 is the exact ratio");
    // 47 ÷ 50 = 0.94 exactly; the gap as displayed: 79.90 − 83.33 = −3.43.
    assert_eq!(number(&o, 3, 3), 0.94);
    assert_eq!(number(&o, 4, 4), -3.43);
    assert_eq!(number(&o, 4, 6), f(h.funds.yoy.value.unwrap()));

    let r = sheet(&bytes, "表3 四率");
    assert_eq!(text_at(&r, 4, 0), "资金到位率");
    assert_eq!(number(&r, 4, 1), f(s.rates.funds.rate.value.unwrap()));
    assert_eq!(number(&r, 4, 2), f(s.rates.funds.numerator));
    assert_eq!(text_at(&r, 4, 4), "万元");

    // Every chain, in chains.yaml's order, with its figures.
    let chains = sheet(&bytes, "表5 产业链");
    for (i, row) in s.breakdowns.by_chain.iter().enumerate() {
        let at = 3 + i as u32;
        assert_eq!(text_at(&chains, at, 0), row.name);
        assert_eq!(number(&chains, at, 2), f(Decimal::from(row.projects)));
        assert_eq!(number(&chains, at, 4), f(row.funds));
    }

    // The ranking: rank order, with each unit's figures.
    for (name, rows) in [("表9 镇办排名", &s.units.towns), ("表10 部门排名", &s.units.departments)] {
        let u = sheet(&bytes, name);
        assert_eq!(text_at(&u, 2, 3), "累计完成（万元）");
        let mut last_rank = 0.0;
        for (i, row) in rows.iter().enumerate() {
            let at = 3 + i as u32;
            assert_eq!(text_at(&u, at, 1), row.name, "{name} row {at}");
            let rank = number(&u, at, 0);
            assert_eq!(rank, f64::from(row.rank.unwrap()));
            assert!(rank >= last_rank, "{name} is in rank order");
            last_rank = rank;
            assert_eq!(number(&u, at, 2), f(row.funds.target.unwrap()));
            assert_eq!(number(&u, at, 3), f(row.funds.value));
            assert_eq!(number(&u, at, 4), f(row.funds.completion.value.unwrap()));
        }
    }
    let towns = sheet(&bytes, "表9 镇办排名");
    assert_eq!(text_at(&towns, 3, 1), "金丝峡镇");
    assert_eq!(number(&towns, 3, 3), 156797.7);

    // Dates are date cells; 附件 rows are the bulletin's.
    let items = sheet(&bytes, "附件4 交办事项");
    assert!(matches!(items.get_value((3, 0)), Some(Data::DateTime(_))), "{:?}", items.get_value((3, 0)));
    let detail = sheet(&bytes, "附件2 到位资金明细");
    let total: f64 =
        (3..).take_while(|r| matches!(detail.get_value((*r, 4)), Some(Data::Float(_)))).map(|r| number(&detail, r, 4)).sum();
    assert!((total - 1781741.9).abs() < 1e-6, "附件2 adds up to 到位资金: {total}");
    let new = sheet(&bytes, "附件1 新签约项目");
    let listed = (3..).take_while(|r| matches!(new.get_value((*r, 0)), Some(Data::String(_)))).count();
    assert_eq!(listed, 47, "附件1 lists the 47 projects counted");
}

#[test]
fn two_exports_are_byte_identical() {
    let c = sample();
    let s = figures::snapshot(&c, Month::parse("2026-10").unwrap());
    let a = output::xlsx::workbook(&c, &s).unwrap();
    let b = output::xlsx::workbook(&c, &s).unwrap();
    assert!(a == b, "two exports differ");

    // And through the binary, into a folder that does not exist yet.
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out/简报.xlsx");
    let content = repo().join("content");
    let args = ["export", "--month", "2026-10", "--content", content.to_str().unwrap(), "--out", out.to_str().unwrap()];
    let run1 = run(&args);
    assert!(run1.status.success(), "{}", stdout(&run1));
    assert_eq!(String::from_utf8_lossy(&run1.stdout).trim(), out.to_str().unwrap(), "prints the path");
    let first = fs::read(&out).unwrap();
    assert!(run(&args).status.success());
    assert!(fs::read(&out).unwrap() == first, "two runs of the binary differ");
    assert!(first == a, "the binary writes what the library makes");
}

#[test]
fn export_refuses_broken_content() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("content");
    small_site(&dir);
    fs::write(dir.join("projects/p2026-001.yaml"), EXISTING.replace("chain: agri", "chain: 新农业")).unwrap();
    let out = tmp.path().join("x.xlsx");
    let o = run(&["export", "--content", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("projects/p2026-001.yaml:5:"), "{}", stdout(&o));
    assert!(!out.exists());
}

// ---- (e) no panic on any workbook (issue 10) ---------------------------------------------------------

mod no_panic {
    use super::*;
    use proptest::prelude::*;

    fn cell_text() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("=HYPERLINK(\"http://x\")".to_string()),
            Just("../../etc/passwd".to_string()),
            Just("p2026-001".to_string()),
            Just("index".to_string()),
            Just("城关街道".to_string()),
            Just("2026-02-30".to_string()),
            Just("2026年3月5日".to_string()),
            Just("8,000万元".to_string()),
            Just("-1".to_string()),
            Just("合同".to_string()),
            Just("\u{1b}[2J\u{202e}".to_string()),
            Just("x".repeat(5000)),
            "\\PC{0,12}",
        ]
    }

    fn cell() -> impl Strategy<Value = Option<Result<String, f64>>> {
        prop_oneof![
            Just(None),
            cell_text().prop_map(|t| Some(Ok(t))),
            prop_oneof![
                Just(0.0),
                Just(-1e300),
                Just(46000.5),
                Just(1e15),
                any::<f64>().prop_filter("finite", |f| f.is_finite())
            ]
            .prop_map(|n| Some(Err(n))),
        ]
    }

    /// Plans an import of `bytes` into the small site; the plan's files must stay in projects/.
    fn plan_of(bytes: Vec<u8>, content: &Content, files: &[(String, Vec<u8>)]) {
        let Ok(sheets) = import::read_sheets(bytes) else { return };
        let Ok((i, header)) = import::choose_sheet(&sheets, None, &Mapping::builtin()) else { return };
        let (name, range) = &sheets[i];
        let plan = import::plan(content, files, name, range, &header, "台账.xlsx");
        for row in &plan.rows {
            if let import::Outcome::New { path, .. } | import::Outcome::Changed { path, .. } = &row.outcome {
                let stem = path.strip_prefix("projects/").and_then(|p| p.strip_suffix(".yaml"));
                assert!(stem.is_some_and(bulletin::content::fields::is_safe_id), "writes {path}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64), ..ProptestConfig::default() })]
        #[test]
        fn any_ledger_is_planned_without_panic(rows in proptest::collection::vec(proptest::collection::vec(cell(), HEADERS.len()), 1..5),
                                               flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..4)) {
            let tmp = tempfile::tempdir().unwrap();
            small_site(tmp.path());
            let content = load(tmp.path());
            let files: Vec<(String, Vec<u8>)> = content::load::read_folder(tmp.path())
                .unwrap()
                .into_iter()
                .filter_map(|(p, b)| Some((p, b.ok()?)))
                .collect();
            let mut book = Workbook::new();
            let sheet = book.add_worksheet();
            for (c, h) in HEADERS.iter().enumerate() {
                sheet.write_string(0, c as u16, *h).unwrap();
            }
            for (r, row) in rows.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    match cell {
                        Some(Ok(t)) => { sheet.write_string(r as u32 + 1, c as u16, t).unwrap(); }
                        Some(Err(n)) => { sheet.write_number(r as u32 + 1, c as u16, *n).unwrap(); }
                        None => {}
                    }
                }
            }
            let mut bytes = book.save_to_buffer().unwrap();
            plan_of(bytes.clone(), &content, &files);
            // The same workbook with a few bytes changed: a broken zip or XML is an error, not a panic.
            let len = bytes.len();
            for (at, value) in flips {
                bytes[at % len] = value;
            }
            plan_of(bytes, &content, &files);
        }
    }
}
