//! `corrections/<date>.yaml`: the note that explains a correction of an issued bulletin — which
//! bulletin, why its figures changed, who approved it. Its text is shown in the bulletin's
//! 更正说明; with `corrections: require_note` a changed issued bulletin needs one.

use chrono::NaiveDate;

use crate::content::fields::{Decoder, Fields, Optional, Required};
use crate::content::model::CorrectionNote;
use crate::content::problems;
use crate::content::yaml::Node;
use crate::period::Month;

pub fn decode(d: &mut Decoder, node: &Node, id: &str, date: NaiveDate, issued: &[Month]) -> Option<CorrectionNote> {
    let mut f = Fields::of(d, node, "")?;
    let month = f.month(d, "month", Required);
    let reason = f.text(d, "reason", Required);
    let approved_by = f.text(d, "approved_by", Optional);
    if let Some(m) = month
        && !issued.contains(&m)
    {
        d.report(problems::not_issued(m), f.span_of("month"));
    }
    let origin = d.origin(node.span);
    f.finish(d);
    Some(CorrectionNote { id: id.to_string(), date, month: month?, reason: reason?, approved_by, origin })
}
