//! The free pages (`pages/*.md`) and their list.

use serde::Serialize;

use crate::content::Content;
use crate::content::model::Page;
use crate::figures::Snapshot;
use crate::render::markdown;
use crate::render::view::{self, Layout, Link};

#[derive(Serialize)]
pub struct FreePage {
    pub layout: Layout,
    pub title: String,
    pub body: String,
}

#[derive(Serialize)]
pub struct PagesIndex {
    pub layout: Layout,
    pub pages: Vec<Link>,
}

/// Every free page, in navigation order.
pub fn pages_index(layout: Layout, c: &Content) -> PagesIndex {
    PagesIndex { layout, pages: c.pages.iter().map(view::page_link).collect() }
}

pub fn page(layout: Layout, c: &Content, p: &Page, s: &Snapshot) -> FreePage {
    FreePage { layout, title: p.title.clone(), body: markdown::render(&p.body, s, c, &view::figure_html) }
}
