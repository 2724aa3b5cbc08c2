//! `factories.yaml`: standard factory buildings (标准化厂房) by park, and who moved in.

use super::Tables;
use super::registries::{self, SeenIds};
use crate::content::fields::{Decoder, Fields, Optional, Required};
use crate::content::model::{Building, Park, ProjectIx};
use crate::content::problems::{self, NumberKind, RefKind};
use crate::content::yaml::Node;

pub fn decode(d: &mut Decoder, node: &Node, t: &Tables) -> Vec<Park> {
    let mut seen = SeenIds::default();
    registries::list(d, node, |d, item, path| {
        let mut p = Fields::of(d, item, path)?;
        let name = p.text(d, "park", Required);
        let buildings = p.list_of(d, "buildings", |d, item, path| {
            let mut b = Fields::of(d, item, path)?;
            let id = b.text(d, "id", Required).filter(|id| seen.check(d, RefKind::Building, &b.path("id"), id, b.span_of("id")));
            let name = b.text(d, "name", Optional);
            let area = b.number(d, "area", Required, NumberKind::Area);
            let completed = b.date(d, "completed", Required);
            let project = b.reference(d, "project", Optional, &t.projects).map(ProjectIx);
            let moved_in = b.date(d, "moved_in", Optional);
            match (project.is_some() || b.span_of("project").is_some(), moved_in) {
                (true, None) => d.report(
                    problems::needs_field(
                        &b.path("moved_in"),
                        "写了入驻项目，需要写入驻日期",
                        "a building with a project needs its move-in date",
                    ),
                    b.span_of("project"),
                ),
                (false, Some(_)) => d.report(
                    problems::needs_field(
                        &b.path("project"),
                        "写了入驻日期，需要写入驻项目编号",
                        "a move-in date needs the project",
                    ),
                    b.span_of("moved_in"),
                ),
                _ => {}
            }
            if let (Some(p), Some(m)) = (project, moved_in)
                && let Some(signed) = t.project_signed.get(p.get()).copied().flatten().filter(|s| m < *s)
            {
                d.report(
                    problems::date_order(
                        &b.path("moved_in"),
                        &m.to_string(),
                        "projects/….milestones.signed",
                        &signed.to_string(),
                    ),
                    b.span_of("moved_in"),
                );
            }
            if let (Some(c), Some(m)) = (completed, moved_in)
                && m < c
            {
                d.report(
                    problems::date_order(&b.path("moved_in"), &m.to_string(), &b.path("completed"), &c.to_string()),
                    b.span_of("moved_in"),
                );
            }
            let origin = d.origin(item.span);
            b.finish(d);
            let id = id?;
            Some(Building {
                name: name.unwrap_or_else(|| id.clone()),
                id,
                area: area?,
                completed: completed?,
                project,
                moved_in,
                origin,
            })
        });
        p.finish(d);
        Some(Park { name: name?, buildings })
    })
}
