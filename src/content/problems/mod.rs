//! The wording of every content problem, in Chinese and English, in one folder: one file per
//! concern (reading files, field values, ids and references, report periods, pages and links,
//! data-quality warnings), all used as `problems::name`.
//!
//! Clerks are not programmers: each message says what is wrong in plain words, and each help
//! line says what to type instead. Codes are stable; `docs/content.md` lists them.

mod fields;
mod files;
mod pages;
mod periods;
mod quality;
mod record;
mod refs;

pub use super::closest::closest;
pub use fields::*;
pub use files::*;
pub use pages::*;
pub use periods::*;
pub use quality::*;
pub use record::*;
pub use refs::*;

use crate::diagnostics::Text;

/// Chinese name of a field, by its last key, for messages like “字段 signed（签约日期）”.
pub fn field_label(key: &str) -> Option<&'static str> {
    Some(match key {
        "title" => "标题",
        "county" => "县名",
        "issuer" => "编印单位",
        "locale" => "提示信息语言",
        "sample" => "示例数据标记",
        "base_url" => "网站地址",
        "rules" => "统计口径",
        "count_sign_types" => "计入项目目标的签约类型",
        "min_contract_amount" => "计入目标的最低合同引资额",
        "count_terminated" => "终止项目是否计入",
        "fulfilled_when" => "履约判定",
        "production_rate_base" => "投产率分母",
        "rates_include_continuing" => "四率是否含续建项目",
        "funds_origins" => "计入到位资金的来源",
        "rank_by" => "排名依据",
        "red_list_top" => "红榜名额",
        "black_list_bottom" => "黑榜名额",
        "not_started_months" => "未开工提醒月数",
        "stalled_months" => "停滞提醒月数",
        "problem_open_days" => "问题未解决提醒天数",
        "projects" => "项目",
        "funds" => "到位资金",
        "fdi" => "外资直投",
        "factory_occupancy" => "厂房入驻率",
        "trips_per_squad_month" => "小分队每月外出次数",
        "rates" => "四率目标",
        "fulfilment" => "履约率",
        "start" => "开工率 / 出发日期",
        "production" => "投产",
        "units" => "分解任务",
        "unit" => "单位",
        "id" => "编号",
        "name" => "名称",
        "kind" => "类别",
        "head" => "一把手",
        "cluster" => "产业集群",
        "chains" => "产业链",
        "key" => "重点产业链",
        "investor" => "投资方",
        "origin" => "来源",
        "province" => "省份",
        "city" => "城市",
        "country" => "国家或地区",
        "tags" => "标签",
        "chain" => "产业链",
        "content" => "建设内容",
        "method" => "招商方式",
        "platform" => "招商平台",
        "build_type" => "建设性质",
        "sign_type" => "签约类型",
        "total_investment" => "总投资",
        "contract_amount" => "合同引资额",
        "contract_fdi" => "合同外资",
        "town" => "落地镇办",
        "park" => "园区",
        "leader" => "包抓县级领导",
        "measures" => "推进措施",
        "introduced_by" => "引进者",
        "squad" => "小分队",
        "milestones" => "进展节点",
        "signed" => "签约日期",
        "contracted" => "转签合同日期",
        "registered" => "注册日期",
        "first_funds" => "首笔资金到位日期",
        "started" => "开工日期",
        "terminated" => "终止日期",
        "terminated_reason" => "终止原因",
        "month" => "月份",
        "amount" => "金额",
        "use" => "资金用途",
        "problems" => "存在问题",
        "text" => "内容",
        "opened" => "提出日期",
        "resolved" => "解决日期",
        "note" => "进展情况",
        "captain" => "队长",
        "formed" => "组建日期",
        "members" => "队员",
        "grade" => "职级",
        "regions" => "主攻区域",
        "trips" => "外出对接",
        "end" => "返回日期",
        "destination" => "目的地",
        "people" => "外出人数",
        "companies" => "拜访企业",
        "leads" => "有效线索",
        "leader_trip" => "一把手带队",
        "reported" => "成果报送日期",
        "summary" => "工作开展情况",
        "buildings" => "厂房",
        "area" => "面积",
        "completed" => "建成日期",
        "project" => "项目",
        "moved_in" => "入驻日期",
        "chair" => "主持领导",
        "items" => "交办事项",
        "task" => "交办内容",
        "deadline" => "办结时限",
        "closed" => "办结日期",
        "issue" => "期号",
        "issued" => "印发日期",
        "period" => "统计期",
        "recipients" => "报送范围",
        "report_to" => "报",
        "send_to" => "送",
        "distribute_to" => "发",
        "copies" => "印数",
        "order" => "顺序",
        "reason" => "更正原因",
        "approved_by" => "审核人",
        _ => return None,
    })
}

/// `signed（签约日期）` for Chinese, `signed` for English.
pub(super) fn named(path: &str) -> Text {
    let last = path.rsplit('.').next().unwrap_or(path);
    let last = last.split('[').next().unwrap_or(last);
    match field_label(last) {
        Some(label) => Text::new(format!("{path}（{label}）"), path.to_string()),
        None => Text::new(path.to_string(), path.to_string()),
    }
}

pub(super) fn or_list(values: &[&str]) -> String {
    values.join("、")
}

pub(super) fn suggestion_text(suggestion: Option<&str>) -> (String, String) {
    match suggestion {
        Some(s) => (format!("是不是想写 “{s}”？"), format!("Did you mean `{s}`? ")),
        None => (String::new(), String::new()),
    }
}

/// Which shape a field must have, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Text,
    List,
    Mapping,
    Empty,
}

impl Shape {
    pub(super) fn zh(self) -> &'static str {
        match self {
            Shape::Text => "一个值",
            Shape::List => "列表",
            Shape::Mapping => "一组字段",
            Shape::Empty => "空值",
        }
    }
    pub(super) fn en(self) -> &'static str {
        match self {
            Shape::Text => "a single value",
            Shape::List => "a list",
            Shape::Mapping => "a set of fields",
            Shape::Empty => "nothing",
        }
    }
    pub(super) fn zh_example(self) -> &'static str {
        match self {
            Shape::Text => "在冒号后直接写值，例如 name: 商南县茶叶加工项目",
            Shape::List => "写成列表：每项一行，以 “- ” 开头；或写成 [甲, 乙]",
            Shape::Mapping | Shape::Empty => "在下一行缩进两个空格，逐行写 字段: 值",
        }
    }
    pub(super) fn en_example(self) -> &'static str {
        match self {
            Shape::Text => "write the value after the colon",
            Shape::List => "write one item per line starting with `- `, or `[a, b]`",
            Shape::Mapping | Shape::Empty => "write indented `key: value` lines below",
        }
    }
}

impl From<crate::content::yaml::Shape> for Shape {
    fn from(s: crate::content::yaml::Shape) -> Shape {
        match s {
            crate::content::yaml::Shape::Empty => Shape::Empty,
            crate::content::yaml::Shape::Text => Shape::Text,
            crate::content::yaml::Shape::List => Shape::List,
            crate::content::yaml::Shape::Mapping => Shape::Mapping,
        }
    }
}
