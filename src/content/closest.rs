//! Finding the name a clerk most likely meant, for “did you mean …?” hints. On its own so the
//! placeholders and the problems can both use it without using each other.

/// The longest value compared with the names (64 Chinese characters, 192 Latin ones).
const MAX_NAME_BYTES: usize = 192;

/// The candidate most like `value`, if it is close enough to be a likely typo.
pub fn closest<'a>(value: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Names are short; a long value is no typo of one, and comparing it costs its length
    // times each name's (a hostile file may hold thousands of such values).
    if value.len() > MAX_NAME_BYTES {
        return None;
    }
    let value_lower = value.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&value_lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_likely_typo_finds_its_name_and_a_stranger_finds_none() {
        assert_eq!(closest("fund", ["funds", "fdi", "projects"]), Some("funds"));
        assert_eq!(closest("FUNDS.TARGET", ["funds.target", "fdi.target"]), Some("funds.target"));
        assert_eq!(closest("茶叶", ["funds", "fdi"]), None);
        assert_eq!(closest(&"funds".repeat(40), ["funds"]), None);
    }
}
