//! Starter files for `init` and `new`: the documented format, with the clerk's next steps in
//! comments. Every file written here checks clean.

use chrono::NaiveDate;

use crate::period::Month;

pub fn site_yaml() -> String {
    "\
# 站点设置与统计口径（说明见 docs/content.md）
title: 招商引资工作简报                # 报头名称，如 商南县招商引资工作简报
county: 本县                          # 县名
issuer: 县招商引资工作领导小组办公室    # 编印单位
locale: zh-CN
rules:                                # 统计口径，不写的项目使用默认值
  count_sign_types: [合同]
  funds_origins: [省外, 省内市外, 市内县外]
  rank_by: 到位资金
"
    .to_string()
}

pub fn targets_yaml(year: i32) -> String {
    format!(
        "\
# {year} 年目标任务（金额单位：万元，外资单位：万美元）
county:
  projects: 50
  funds: 2230000
  fdi: 300
  factory_occupancy: 100
  trips_per_squad_month: 1
units:                     # 分解到各单位的任务
  - unit: zhaoshang
    projects: 50
    funds: 2230000
    fdi: 300
"
    )
}

pub fn units_yaml() -> String {
    "\
# 责任单位：kind 写 镇办 或 部门（排名时分开排）
- id: zhaoshang
  name: 县招商服务中心
  kind: 部门
  head: （请填写一把手）
"
    .to_string()
}

pub fn leaders_yaml() -> String {
    "\
# 县级领导（“五个一”包抓领导）
- id: leader-01
  name: （请填写姓名）
  title: 副县长
"
    .to_string()
}

pub fn chains_yaml() -> String {
    "\
cluster: “3+N”产业集群
chains:
  - id: agri
    name: 新农业
    key: true
  - id: materials
    name: 新材料
    key: true
  - id: tourism
    name: 大旅游
    key: true
  - id: health
    name: 大健康
    key: true
  - id: electronics
    name: 电子信息
  - id: other
    name: 其他
"
    .to_string()
}

pub fn squad_yaml(name: &str, unit: &str, formed: NaiveDate, trip: Option<NaiveDate>) -> String {
    let trips = match trip {
        Some(day) => format!(
            "\
trips:                          # 每次外出对接登记一条
  - start: {day}
    end: {day}
    destination: （请填写目的地）
    people: 3
    companies: []
    leads: 0
    leader_trip: false
"
        ),
        None => "trips: []                       # 每次外出对接登记一条：start, end, destination, people…\n".to_string(),
    };
    format!(
        "\
name: {name}
captain: （请填写队长）
unit: {unit}
formed: {formed}               # 组建日期：从当月起每月至少外出对接一次
members:
  - name: （请填写队员）
    grade: 科级                 # 科级 或 年轻干部
chains: []
regions: []
{trips}"
    )
}

pub fn project_yaml(name: &str, chain: &str, unit: &str, leader: Option<&str>, signed: NaiveDate) -> String {
    let leader = match leader {
        Some(id) => format!("leader: {id}                       # 五个一：包抓县级领导编号"),
        None => "# leader:                              # 五个一：包抓县级领导编号（见 leaders.yaml）".to_string(),
    };
    format!(
        "\
name: {name}
investor: （请填写投资方）
origin:
  province: （请填写省份）
chain: {chain}                          # 产业链编号（见 chains.yaml）
method: 以商招商
build_type: 新建
sign_type: 合同                         # 合同 或 协议
total_investment: 0                     # 万元
contract_amount: 0                      # 万元
{leader}
measures: （请填写推进措施）              # 五个一：推进措施
unit: {unit}                            # 五个一：责任部门编号（见 units.yaml）
milestones:
  signed: {signed}
funds: []                               # 每月到位资金登记一条：month, amount, origin, use
"
    )
}

pub fn briefing_md(month: Month, issue: u32) -> String {
    let period = if month.number() == 1 { "1月".to_string() } else { format!("1—{}月", month.number()) };
    let issued = month.next().first_day() + chrono::Duration::days(5);
    format!(
        "\
---
issue: {issue}
title: 关于{year}年{period}全县招商引资工作情况的通报
issued: {issued}
recipients:
  report_to: [县委书记, 县长]
  send_to: [县委、县政府其他县级领导]
  distribute_to: [各镇（街道）, 县直各部门]
copies: 60
---

{period}，全县招商到位资金{{{{ funds }}}}，完成年度目标任务的{{{{ funds.completion }}}}，{{{{ funds.gap }}}}；新签约招引项目{{{{ projects }}}}。现将有关情况通报如下。

## 一、主要做法

（请填写）

## 二、存在问题

（请填写）

## 三、下一步工作

（请填写）
",
        year = month.year()
    )
}

pub fn meeting_yaml(chair: Option<&str>) -> String {
    let chair =
        chair.map_or("# chair: leader-01                # 主持的县级领导编号".to_string(), |c| format!("chair: {c}"));
    format!(
        "\
title: 招商落地项目交办联评会议
{chair}
items: []
# 交办事项，每项一条：
#  - project: p2026-001
#    task: 协调解决用地指标
#    unit: zhaoshang
#    deadline: 2026-04-30
#    closed: 2026-04-25        # 办结后填写
"
    )
}

pub fn about_md() -> String {
    "\
---
title: 关于本简报
---

本网站由 bulletin 根据 content/ 文件夹中的数据生成。数据说明见 docs/content.md。
"
    .to_string()
}
