//! `meetings/<date>.yaml`: a 交办联评会议 and the tasks it assigned.

use chrono::NaiveDate;

use super::Tables;
use crate::content::fields::{Decoder, Fields, Optional, Required};
use crate::content::model::{LeaderIx, Meeting, MeetingItem, ProjectIx, UnitIx};
use crate::content::problems;
use crate::content::yaml::Node;

pub fn decode(d: &mut Decoder, node: &Node, id: &str, date: NaiveDate, t: &Tables) -> Option<Meeting> {
    let mut f = Fields::of(d, node, "")?;
    let title = f.text(d, "title", Optional);
    let chair = f.reference(d, "chair", Optional, &t.leaders).map(LeaderIx);
    let items = f.list_of(d, "items", |d, item, path| {
        let mut i = Fields::of(d, item, path)?;
        let project = i.reference(d, "project", Optional, &t.projects).map(ProjectIx);
        let task = i.text(d, "task", Required);
        let unit = i.reference(d, "unit", Required, &t.units).map(UnitIx);
        let deadline = i.date(d, "deadline", Required);
        let closed = i.date(d, "closed", Optional);
        if let Some(dl) = deadline.filter(|dl| *dl < date) {
            d.report(
                problems::date_order(&i.path("deadline"), &dl.to_string(), "会议日期（文件名）", &date.to_string()),
                i.span_of("deadline"),
            );
        }
        if let Some(c) = closed.filter(|c| *c < date) {
            d.report(
                problems::date_order(&i.path("closed"), &c.to_string(), "会议日期（文件名）", &date.to_string()),
                i.span_of("closed"),
            );
        }
        i.finish(d);
        Some(MeetingItem { project, task: task?, unit: unit?, deadline: deadline?, closed })
    });
    f.finish(d);
    Some(Meeting { id: id.to_string(), date, title, chair, items, origin: d.origin(node.span) })
}
