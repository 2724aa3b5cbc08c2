//! Names in cells → ids through the loaded content (产业链 `新材料` → `materials`), and the
//! fixed choices (签约类型, 招商方式, tags).

use crate::content::files::projects::TAGS;
use crate::content::model::{Content, Method, UnitKind};
use crate::content::problems;
use crate::diagnostics::Text;
use crate::excel::cells::Problem;

/// Resolves the names clerks write to the ids the content uses.
pub(super) struct Names<'c> {
    pub(super) content: &'c Content,
}

pub(super) fn tidy(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Finds `value` among (id, name) pairs: by id, by name, then by a name variant.
pub(super) fn resolve<'a>(
    value: &str,
    entries: &[(&'a str, &'a str)],
    variants: &dyn Fn(&str) -> Vec<String>,
) -> Option<&'a str> {
    if let Some((id, _)) = entries.iter().find(|(id, _)| *id == value) {
        return Some(id);
    }
    let wanted = tidy(value);
    if let Some((id, _)) = entries.iter().find(|(_, name)| tidy(name) == wanted) {
        return Some(id);
    }
    let wanted: Vec<String> = variants(&wanted);
    let hits: Vec<&str> = entries
        .iter()
        .filter(|(_, name)| {
            let name = tidy(name);
            variants(&name).iter().any(|v| wanted.contains(v))
        })
        .map(|(id, _)| *id)
        .collect();
    (hits.len() == 1).then(|| hits[0])
}

pub(super) fn unknown(kind: problems::RefKind, value: &str, entries: &[(&str, &str)]) -> Problem {
    let closest = problems::closest(value, entries.iter().map(|(_, n)| *n));
    let names: Vec<&str> = entries.iter().map(|(_, n)| *n).collect();
    let listed = if names.len() <= 20 { format!("已有的{}：{}。", kind.zh(), names.join("、")) } else { String::new() };
    let hint = closest.map(|c| format!("是不是 “{c}”？")).unwrap_or_default();
    Problem {
        code: "unknown-ref",
        message: Text::new(
            format!("写的{} “{value}” 不存在", kind.zh()),
            format!("names the {} `{value}`, which does not exist", kind.en()),
        ),
        help: Text::new(
            format!("{hint}{listed}如果是新的{}，先在 {} 中添加", kind.zh(), kind.home_zh()),
            format!("{}add it first if it is new", closest.map(|c| format!("did you mean `{c}`? ")).unwrap_or_default()),
        ),
    }
}

impl Names<'_> {
    pub(super) fn chain(&self, value: &str) -> Result<String, Problem> {
        let entries: Vec<(&str, &str)> = self.content.chains.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect();
        let variants = |s: &str| vec![s.trim_end_matches("产业链").trim_end_matches("产业").to_string()];
        resolve(value, &entries, &variants).map(str::to_string).ok_or_else(|| unknown(problems::RefKind::Chain, value, &entries))
    }

    pub(super) fn unit(&self, value: &str, town: bool) -> Result<String, Problem> {
        let entries: Vec<(&str, &str)> = self.content.units.iter().map(|u| (u.id.as_str(), u.name.as_str())).collect();
        // 县商务局 = 商务局; 城关街道 = 城关街道办 = 城关.
        let variants = |s: &str| {
            let s = s.strip_prefix("县").unwrap_or(s);
            let short = s.trim_end_matches("办事处").trim_end_matches("办").trim_end_matches("街道").trim_end_matches('镇');
            vec![s.to_string(), short.to_string()]
        };
        let id = resolve(value, &entries, &variants).ok_or_else(|| unknown(problems::RefKind::Unit, value, &entries))?;
        let unit = self.content.units.iter().find(|u| u.id == id).expect("resolved from the list");
        if town && unit.kind != UnitKind::Town {
            return Err(Problem {
                code: "wrong-unit-kind",
                message: Text::new(format!("写的 “{value}” 不是镇办"), format!("`{value}` is not a 镇办 unit")),
                help: Text::new("落地镇办只能写镇（街道）", "the town must be a 镇办 unit"),
            });
        }
        Ok(id.to_string())
    }

    pub(super) fn leader(&self, value: &str) -> Result<String, Problem> {
        let entries: Vec<(&str, &str)> = self.content.leaders.iter().map(|l| (l.id.as_str(), l.name.as_str())).collect();
        let several = value.split(['、', ',', '，', '/', ';', '；']).filter(|s| !s.trim().is_empty()).count() > 1;
        if several {
            return Err(Problem {
                code: "bad-choice",
                message: Text::new(format!("写了几名领导：“{value}”"), format!("names several leaders: `{value}`")),
                help: Text::new(
                    "“五个一”每个项目只有一名包抓县级领导，只写一名",
                    "each project has one leader in charge (五个一)",
                ),
            });
        }
        // 王某某（县长）、王某某 县长 → 王某某.
        let name = value.split(['(', '（']).next().unwrap_or(value).split_whitespace().next().unwrap_or(value);
        let variants = |s: &str| vec![s.to_string()];
        resolve(name, &entries, &variants).map(str::to_string).ok_or_else(|| unknown(problems::RefKind::Leader, value, &entries))
    }

    pub(super) fn squad(&self, value: &str) -> Result<String, Problem> {
        let entries: Vec<(&str, &str)> = self.content.squads.iter().map(|q| (q.id.as_str(), q.name.as_str())).collect();
        let variants = |s: &str| vec![s.trim_end_matches("招商小分队").trim_end_matches("小分队").to_string()];
        resolve(value, &entries, &variants).map(str::to_string).ok_or_else(|| unknown(problems::RefKind::Squad, value, &entries))
    }
}

pub(super) fn bad_choice(value: &str, allowed: &[&str]) -> Problem {
    Problem {
        code: "bad-choice",
        message: Text::new(format!("不能写 “{value}”"), format!("cannot be `{value}`")),
        help: Text::new(format!("只能写：{}", allowed.join("、")), format!("allowed: {}", allowed.join(", "))),
    }
}

/// One of `allowed`, also when written inside a longer phrase (`正式合同` → 合同).
pub(super) fn choice(value: &str, allowed: &[&str]) -> Result<String, Problem> {
    let hits: Vec<&&str> = allowed.iter().filter(|a| value.contains(**a)).collect();
    match hits[..] {
        [one] => Ok(one.to_string()),
        _ => Err(bad_choice(value, allowed)),
    }
}

pub(super) fn method(value: &str) -> Result<Method, Problem> {
    let v = tidy(value);
    Method::ALL
        .into_iter()
        .find(|m| m.zh() == v || format!("{v}招商") == m.zh())
        .ok_or_else(|| bad_choice(value, &Method::ALL.map(|m| m.zh())))
}

pub(super) fn tags(value: &str) -> Result<Vec<String>, Problem> {
    let mut out = Vec::new();
    for tag in value.split(['、', ',', '，', ';', '；', '/', ' ', '\n']).map(str::trim).filter(|t| !t.is_empty()) {
        match TAGS.iter().find(|(name, _)| *name == tag) {
            Some((_, t)) => out.push(t.to_string()),
            None => return Err(bad_choice(tag, &TAGS.iter().map(|(n, _)| *n).collect::<Vec<_>>())),
        }
    }
    Ok(out)
}
