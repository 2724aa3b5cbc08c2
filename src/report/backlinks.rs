//! What points at each project — squad trips, meeting items, factory buildings, the leader in
//! charge — indexed once per build, so a project page looks up its own few instead of scanning
//! the content (which made project pages cost O(projects × trips)), and a leader's page its
//! own projects (a province has 900 leaders and 50 000 projects).

use crate::content::Content;
use crate::content::model::{Building, LeaderIx, Meeting, MeetingItem, Park, Project, ProjectIx, Squad, Trip};

/// Positions in `Content`, in content order (squads then trips, meetings by date then items).
#[derive(Default, Clone)]
struct Links {
    trips: Vec<(u32, u32)>,
    items: Vec<(u32, u32)>,
    buildings: Vec<(u32, u32)>,
}

pub struct Backlinks {
    by_project: Vec<Links>,
    /// Each leader's projects (包抓), as indexes into `Content::projects`, ascending.
    by_leader: Vec<Vec<u32>>,
}

impl Backlinks {
    pub fn new(c: &Content) -> Backlinks {
        let mut by_project = vec![Links::default(); c.projects.len()];
        for (qi, q) in c.squads.iter().enumerate() {
            for (ti, t) in q.trips.iter().enumerate() {
                for p in &t.projects {
                    let list = &mut by_project[p.get()].trips;
                    // A trip that names a project twice is listed once.
                    if list.last() != Some(&(qi as u32, ti as u32)) {
                        list.push((qi as u32, ti as u32));
                    }
                }
            }
        }
        for (mi, m) in c.meetings.iter().enumerate() {
            for (ii, item) in m.items.iter().enumerate() {
                if let Some(p) = item.project {
                    by_project[p.get()].items.push((mi as u32, ii as u32));
                }
            }
        }
        for (pi, park) in c.parks.iter().enumerate() {
            for (bi, b) in park.buildings.iter().enumerate() {
                if let Some(p) = b.project {
                    by_project[p.get()].buildings.push((pi as u32, bi as u32));
                }
            }
        }
        let mut by_leader = vec![Vec::new(); c.leaders.len()];
        for (i, p) in c.projects.iter().enumerate() {
            if let Some(l) = p.leader {
                by_leader[l.get()].push(i as u32);
            }
        }
        Backlinks { by_project, by_leader }
    }

    /// The projects leader `ix` is in charge of, in ledger order.
    pub fn led_by<'c>(&self, c: &'c Content, ix: LeaderIx) -> impl Iterator<Item = &'c Project> + use<'c, '_> {
        self.by_leader[ix.get()].iter().map(move |&i| &c.projects[i as usize])
    }

    /// The trips that name project `ix`, with their squad.
    pub fn trips<'c>(&self, c: &'c Content, ix: ProjectIx) -> impl Iterator<Item = (&'c Squad, &'c Trip)> + use<'c, '_> {
        self.by_project[ix.get()]
            .trips
            .iter()
            .map(move |&(q, t)| (&c.squads[q as usize], &c.squads[q as usize].trips[t as usize]))
    }

    /// The meeting items about project `ix`, with their meeting.
    pub fn items<'c>(&self, c: &'c Content, ix: ProjectIx) -> impl Iterator<Item = (&'c Meeting, &'c MeetingItem)> + use<'c, '_> {
        self.by_project[ix.get()]
            .items
            .iter()
            .map(move |&(m, i)| (&c.meetings[m as usize], &c.meetings[m as usize].items[i as usize]))
    }

    /// The factory buildings let to project `ix`, with their park.
    pub fn buildings<'c>(&self, c: &'c Content, ix: ProjectIx) -> impl Iterator<Item = (&'c Park, &'c Building)> + use<'c, '_> {
        self.by_project[ix.get()]
            .buildings
            .iter()
            .map(move |&(p, b)| (&c.parks[p as usize], &c.parks[p as usize].buildings[b as usize]))
    }
}
