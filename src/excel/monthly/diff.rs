//! A unified diff of two texts, line by line, as `git diff` shows it (3 lines of context).

/// The diff of `before` → `after` for `path`; empty when they are equal.
pub fn unified(path: &str, before: &str, after: &str) -> String {
    if before == after {
        return String::new();
    }
    let a: Vec<&str> = before.split_inclusive('\n').collect();
    let b: Vec<&str> = after.split_inclusive('\n').collect();
    // Common head and tail first: a monthly merge changes a few lines of a file.
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..].iter().rev().zip(b[head..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (am, bm) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    // Longest common subsequence of the middle (small), to keep unchanged lines as context.
    let (n, m) = (am.len(), bm.len());
    let mut ops: Vec<(char, &str)> = Vec::new();
    if n * m <= 4_000_000 {
        let mut lcs = vec![vec![0u32; m + 1]; n + 1];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i][j] = if am[i] == bm[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && am[i] == bm[j] {
                ops.push((' ', am[i]));
                i += 1;
                j += 1;
            } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
                ops.push(('+', bm[j]));
                j += 1;
            } else {
                ops.push(('-', am[i]));
                i += 1;
            }
        }
    } else {
        ops.extend(am.iter().map(|l| ('-', *l)));
        ops.extend(bm.iter().map(|l| ('+', *l)));
    }
    let mut all: Vec<(char, &str)> = a[..head].iter().map(|l| (' ', *l)).collect();
    all.extend(ops);
    all.extend(a[a.len() - tail..].iter().map(|l| (' ', *l)));

    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    let changed: Vec<usize> = all.iter().enumerate().filter(|(_, (c, _))| *c != ' ').map(|(i, _)| i).collect();
    let mut k = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(3);
        let mut end = changed[k];
        while k < changed.len() && changed[k] <= end + 7 {
            end = changed[k];
            k += 1;
        }
        let end = (end + 4).min(all.len());
        let a_start = all[..start].iter().filter(|(c, _)| *c != '+').count();
        let b_start = all[..start].iter().filter(|(c, _)| *c != '-').count();
        let a_len = all[start..end].iter().filter(|(c, _)| *c != '+').count();
        let b_len = all[start..end].iter().filter(|(c, _)| *c != '-').count();
        out.push_str(&format!("@@ -{},{a_len} +{},{b_len} @@\n", a_start + 1, b_start + 1));
        for (c, line) in &all[start..end] {
            out.push(*c);
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_insertion_shows_with_its_context() {
        let before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let after = "a\nb\nc\nd\nX\nY\ne\nf\ng\nh\n";
        assert_eq!(
            unified("p.yaml", before, after),
            "--- a/p.yaml\n+++ b/p.yaml\n@@ -2,6 +2,8 @@\n b\n c\n d\n+X\n+Y\n e\n f\n g\n"
        );
        assert_eq!(unified("p.yaml", before, before), "");
    }
}
