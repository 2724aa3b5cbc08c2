//! `squads/<id>.yaml`: a squad (招商小分队), its members and its trips (外出对接).

use super::Tables;
use crate::content::fields::{Decoder, Fields, Optional, Required};
use crate::content::model::{ChainIx, Grade, Member, ProjectIx, Squad, Trip, UnitIx};
use crate::content::problems;
use crate::content::yaml::Node;

const GRADES: &[(&str, Grade)] = &[("科级", Grade::SectionLevel), ("年轻干部", Grade::Young)];

pub fn decode(d: &mut Decoder, node: &Node, id: &str, t: &Tables) -> Option<Squad> {
    let mut f = Fields::of(d, node, "")?;
    let name = f.text(d, "name", Required);
    let captain = f.text(d, "captain", Optional);
    let unit = f.reference(d, "unit", Required, &t.units).map(UnitIx);
    let formed = f.date(d, "formed", Optional);
    let members = f.list_of(d, "members", |d, item, path| {
        let mut m = Fields::of(d, item, path)?;
        let name = m.text(d, "name", Required);
        let grade = m.choice(d, "grade", Optional, GRADES);
        m.finish(d);
        Some(Member { name: name?, grade })
    });
    let chains = f.references(d, "chains", &t.chains).into_iter().map(ChainIx).collect();
    let regions = f.texts(d, "regions");
    let mut trips = f.list_of(d, "trips", |d, item, path| {
        let mut tr = Fields::of(d, item, path)?;
        let start = tr.date(d, "start", Required);
        let end = tr.date(d, "end", Required);
        let destination = tr.text(d, "destination", Required);
        let people = tr.count(d, "people", Required, 1..=10_000);
        let companies = tr.texts(d, "companies");
        let leads = tr.count(d, "leads", Optional, 0..=100_000).unwrap_or(0);
        let projects = tr.references(d, "projects", &t.projects).into_iter().map(ProjectIx).collect();
        let leader_trip = tr.flag(d, "leader_trip").unwrap_or(false);
        let reported = tr.date(d, "reported", Optional);
        let summary = tr.text(d, "summary", Optional);
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                d.report(
                    problems::date_order(&tr.path("end"), &e.to_string(), &tr.path("start"), &s.to_string()),
                    tr.span_of("end"),
                );
            }
            if let Some(r) = reported.filter(|r| *r < s) {
                d.report(
                    problems::date_order(&tr.path("reported"), &r.to_string(), &tr.path("start"), &s.to_string()),
                    tr.span_of("reported"),
                );
            }
        }
        tr.finish(d);
        Some(Trip {
            start: start?,
            end: end?,
            destination: destination?,
            people: people?,
            companies,
            leads,
            projects,
            leader_trip,
            reported,
            summary,
        })
    });
    f.finish(d);
    trips.sort_by_key(|t| (t.start, t.end));
    Some(Squad {
        id: id.to_string(),
        name: name?,
        captain,
        unit: unit?,
        formed,
        members,
        chains,
        regions,
        trips,
        origin: d.origin(node.span),
    })
}
