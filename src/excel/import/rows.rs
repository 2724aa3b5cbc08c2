//! One ledger row → the fields of a project file, and the ids the new rows get.

use std::collections::{HashMap, HashSet};

use calamine::Data;
use chrono::{Datelike, NaiveDate};

use super::names::{Names, choice, method, tags};
use super::origin::{Place, parse_origin, province};
use crate::content::fields::is_safe_id;
use crate::content::model::Content;
use crate::diagnostics::{Diagnostic, Text};
use crate::excel::cell_ref;
use crate::excel::cells::{self, Problem};
use crate::excel::mapping::{Field, HeaderRow, Kind};
use crate::excel::project_file::{ProjectFile, Value};

/// One row as read: the values of its non-empty cells, and its problems.
pub(super) struct RowRead {
    /// 0-based.
    pub(super) row: u32,
    pub(super) values: ProjectFile,
    pub(super) id_cell: Option<String>,
    pub(super) id: Option<String>,
    pub(super) name: Option<String>,
    pub(super) signed: Option<NaiveDate>,
    pub(super) notes: Vec<Text>,
    pub(super) problems: Vec<Diagnostic>,
}

pub(super) fn cell_problem(sheet: &str, row: u32, col: u32, header: &str, field: Field, p: Problem) -> Diagnostic {
    let at = cell_ref(sheet, row, col);
    let mut d = Diagnostic::error(
        p.code,
        Text::new(format!("{at}（{header}）{}", p.message.zh), format!("{at} ({header}) {}", p.message.en)),
    )
    .help(p.help);
    if field != Field::Ignore {
        d = d.field(field.key());
    }
    d
}

pub(super) fn read_row<'r>(sheet: &str, header: &HeaderRow, row: u32, cell: &dyn Fn(u32) -> &'r Data, names: &Names) -> RowRead {
    let mut r = RowRead {
        row,
        values: ProjectFile::default(),
        id_cell: None,
        id: None,
        name: None,
        signed: None,
        notes: Vec::new(),
        problems: Vec::new(),
    };
    let mut combined_origin: Option<Place> = None;
    let mut parts = Place::default();
    let mut bad_cells: HashSet<u32> = HashSet::new();
    for column in &header.columns {
        let (field, data) = (column.field, cell(column.col));
        let mut problem = |p: Problem| {
            bad_cells.insert(column.col);
            r.problems.push(cell_problem(sheet, row, column.col, &column.header, field, p));
        };
        match field.kind() {
            Kind::Date => match cells::date(data) {
                Ok(Some(date)) => {
                    if field == Field::Signed {
                        r.signed = Some(date);
                    }
                    r.values.set(field.key(), Value::Date(date));
                }
                Ok(None) => {}
                Err(p) => problem(p),
            },
            Kind::Wan | Kind::UsdWan => match cells::amount(data, field.kind(), column.scale) {
                Ok(Some(v)) if field == Field::ContractFdi && v.is_zero() => {}
                Ok(Some(v)) => r.values.set(field.key(), Value::Number(v)),
                Ok(None) => {}
                Err(p) => problem(p),
            },
            Kind::Text => {
                let text = match cells::text(data) {
                    Ok(Some(t)) => t,
                    Ok(None) => continue,
                    Err(p) => {
                        problem(p);
                        continue;
                    }
                };
                let one_line = || text.split(['\n', '\r']).map(str::trim).collect::<String>();
                let set = |values: &mut ProjectFile, v: String| values.set(field.key(), Value::Text(v));
                match field {
                    Field::Id => r.id_cell = Some(one_line()),
                    Field::Name => {
                        r.name = Some(one_line());
                        set(&mut r.values, one_line());
                    }
                    Field::Investor | Field::Platform | Field::Park => set(&mut r.values, one_line()),
                    Field::Content | Field::Measures | Field::TerminatedReason | Field::Note => set(&mut r.values, text.clone()),
                    Field::Origin => combined_origin = Some(parse_origin(&one_line())),
                    Field::Province => match province(&one_line()) {
                        Ok(p) => parts.province = Some(p),
                        Err(country) => parts.country = Some(country),
                    },
                    Field::City => parts.city = Some(one_line()),
                    Field::Country => parts.country = Some(one_line()),
                    Field::Tags => match tags(&text) {
                        Ok(list) if !list.is_empty() => r.values.set("tags", Value::Flow(list)),
                        Ok(_) => {}
                        Err(p) => problem(p),
                    },
                    Field::Chain => match names.chain(&one_line()) {
                        Ok(id) => set(&mut r.values, id),
                        Err(p) => problem(p),
                    },
                    Field::Town | Field::Unit | Field::IntroducedUnit => match names.unit(&one_line(), field == Field::Town) {
                        Ok(id) => set(&mut r.values, id),
                        Err(p) => problem(p),
                    },
                    Field::Leader => match names.leader(&one_line()) {
                        Ok(id) => set(&mut r.values, id),
                        Err(p) => problem(p),
                    },
                    Field::Squad => match names.squad(&one_line()) {
                        Ok(id) => set(&mut r.values, id),
                        Err(p) => problem(p),
                    },
                    Field::Method => match method(&one_line()) {
                        Ok(m) => set(&mut r.values, m.zh().to_string()),
                        Err(p) => problem(p),
                    },
                    Field::BuildType => match choice(&one_line(), &["新建", "续建"]) {
                        Ok(v) => set(&mut r.values, v),
                        Err(p) => problem(p),
                    },
                    Field::SignType => match choice(&one_line(), &["合同", "协议"]) {
                        Ok(v) => set(&mut r.values, v),
                        Err(p) => problem(p),
                    },
                    _ => {}
                }
            }
        }
    }
    // Separate 省份 / 城市 / 国家 columns win over a combined 投资方来源 column.
    let place = if parts.is_empty() { combined_origin.unwrap_or_default() } else { parts };
    for (key, v) in [("origin.province", place.province), ("origin.city", place.city), ("origin.country", place.country)] {
        if let Some(v) = v {
            r.values.set(key, Value::Text(v));
        }
    }
    // A required column's empty cell.
    for column in header.columns.iter().filter(|c| c.field.required() && !bad_cells.contains(&c.col)) {
        let empty = match column.field {
            Field::Signed => r.signed.is_none(),
            f => r.values.get(f.key()).is_none(),
        };
        if empty {
            r.problems.push(cell_problem(
                sheet,
                row,
                column.col,
                &column.header,
                column.field,
                Problem {
                    code: "missing-field",
                    message: Text::new("是空的，这一列必须填写", "is empty; this column is required"),
                    help: Text::new(format!("填写{}", column.field.zh()), format!("fill in {}", column.field.key())),
                },
            ));
        }
    }
    if let Some(column) = header.column(Field::SignType)
        && r.values.get("sign_type").is_none()
        && !bad_cells.contains(&column.col)
    {
        r.problems.push(cell_problem(
            sheet,
            row,
            column.col,
            &column.header,
            Field::SignType,
            Problem {
                code: "missing-field",
                message: Text::new("是空的", "is empty"),
                help: Text::new("填写 合同 或 协议", "write 合同 or 协议"),
            },
        ));
    }
    r
}

/// Ids for every row: from the 编号 column when usable, else the existing project of the same
/// name, else the next free `p<year>-<nnn>` of the signing year.
pub(super) fn assign_ids(content: &Content, sheet: &str, header: &HeaderRow, reads: &mut [RowRead]) {
    let existing: HashMap<String, &str> = content.projects.iter().map(|p| (p.id.to_lowercase(), p.id.as_str())).collect();
    let mut by_name: HashMap<&str, Vec<&str>> = HashMap::new();
    for p in &content.projects {
        by_name.entry(p.name.as_str()).or_default().push(p.id.as_str());
    }
    let id_col = header.column(Field::Id).or(header.column(Field::Name));
    let mut taken: HashMap<String, u32> = HashMap::new();
    // Gives `r` the id, or reports the row that already has it.
    let take = |taken: &mut HashMap<String, u32>, r: &mut RowRead, id: String| {
        match taken.get(&id.to_lowercase()) {
            Some(first) => r.problems.push(cell_problem(
                sheet,
                r.row,
                id_col.map_or(0, |c| c.col),
                id_col.map_or("", |c| c.header.as_str()),
                Field::Id,
                Problem {
                    code: "duplicate-id",
                    message: Text::new(
                        format!("和第 {} 行是同一个项目（{id}）", first + 1),
                        format!("is the same project ({id}) as row {}", first + 1),
                    ),
                    help: Text::new(
                        "一个项目在台账中只能占一行：删除重复的行，或给它们不同的编号",
                        "each project takes one row: remove the duplicate or give it another id",
                    ),
                },
            )),
            None => {
                taken.insert(id.to_lowercase(), r.row);
            }
        }
        r.id = Some(id);
    };
    for r in reads.iter_mut() {
        if let Some(cell_id) = r.id_cell.clone() {
            if is_safe_id(&cell_id) {
                let id = existing.get(&cell_id.to_lowercase()).map_or(cell_id, |e| e.to_string());
                take(&mut taken, r, id);
                continue;
            }
            r.notes.push(Text::new(
                format!("编号“{cell_id}”不能用作文件名（只能用英文字母、数字、- 和 _），改用自动编号"),
                format!("the id `{cell_id}` cannot be a file name; a new id is used"),
            ));
        }
        if let Some(ids) = r.name.as_deref().and_then(|n| by_name.get(n)).filter(|ids| ids.len() == 1) {
            r.notes.push(Text::new(format!("按项目名称对应到已有项目 {}", ids[0]), format!("matched by name to {}", ids[0])));
            take(&mut taken, r, ids[0].to_string());
        }
    }
    // New ids, in row order, after the highest number already used in each year.
    let mut next: HashMap<i32, u32> = HashMap::new();
    let used: Vec<String> = existing.keys().cloned().chain(taken.keys().cloned()).collect();
    for r in reads.iter_mut().filter(|r| r.id.is_none() && r.problems.is_empty()) {
        let Some(year) = r.signed.map(|d| d.year()) else {
            continue;
        };
        let n = next.entry(year).or_insert_with(|| {
            let prefix = format!("p{year}-");
            used.iter().filter_map(|id| id.strip_prefix(&prefix)?.parse::<u32>().ok()).max().unwrap_or(0)
        });
        *n += 1;
        let id = format!("p{year}-{:03}", *n);
        take(&mut taken, r, id);
    }
}
