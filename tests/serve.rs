//! `bulletin serve` as a clerk uses it: open a page, save a change, see it; save a mistake,
//! see the error and keep the last good page.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").ok()?;
    let mut body = Vec::new();
    s.read_to_end(&mut body).ok()?;
    let text = String::from_utf8_lossy(&body).into_owned();
    let status = text.split(' ').nth(1)?.parse().ok()?;
    Some((status, text))
}

/// Lines of the event stream, as they arrive.
fn events(port: u16) -> Receiver<String> {
    let (tx, rx) = mpsc::channel();
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET /__bulletin/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(s).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    rx
}

/// Waits for `event: NAME` and returns the data lines that follow it.
fn wait_for(rx: &Receiver<String>, name: &str, timeout: Duration) -> Option<String> {
    let deadline = Instant::now() + timeout;
    let mut found = false;
    let mut data = String::new();
    while let Ok(line) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        if found {
            if line.is_empty() {
                return Some(data);
            }
            data.push_str(line.strip_prefix("data: ").unwrap_or(&line));
            data.push('\n');
        } else if line == format!("event: {name}") {
            found = true;
        }
    }
    None
}

/// A copy of the sample content served on a free port, once its home page answers.
fn serve_sample() -> (tempfile::TempDir, Server, u16) {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), &content);
    let (server, port) = serve(&content);
    (tmp, server, port)
}

/// `bulletin serve` of `content` on a free port, once its home page answers.
fn serve(content: &Path) -> (Server, u16) {
    let port = free_port();
    let server = Server(
        Command::new(env!("CARGO_BIN_EXE_bulletin"))
            .args(["serve", "--port", &port.to_string(), "--content"])
            .arg(content)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let started = Instant::now();
    while get(port, "/").map(|r| r.0) != Some(200) {
        assert!(started.elapsed() < Duration::from_secs(60), "serve did not come up");
        std::thread::sleep(Duration::from_millis(100));
    }
    (server, port)
}

#[test]
fn edits_reload_the_page_and_mistakes_show_without_losing_the_site() {
    let (tmp, _server, port) = serve_sample();
    let content = tmp.path().join("content");
    let home = get(port, "/").unwrap().1;
    assert!(home.contains("商南县招商引资工作简报"));
    // Served pages listen for rebuilds; built pages never do (see build_site.rs).
    assert!(home.contains("/__bulletin/reload.js"));
    let (status, _) = get(port, "/units/").unwrap();
    assert_eq!(status, 200, "a folder URL serves its index.html");
    let (status, _) = get(port, "/../Cargo.toml").unwrap();
    assert_eq!(status, 404);
    // Workbooks are made when first downloaded: a zip (PK…) for a bulletin's month, and
    // nothing for a month without a bulletin.
    let (status, response) = get(port, "/bulletins/2026-03.xlsx").unwrap();
    assert_eq!(status, 200);
    assert!(response.contains("PK\u{3}\u{4}"), "not a workbook");
    assert!(response.contains("spreadsheetml"), "wrong content type");
    assert_eq!(get(port, "/bulletins/2026-11.xlsx").unwrap().0, 404);
    // So is the Word file of a bulletin (issue 14).
    let (status, response) = get(port, "/bulletins/2026-10.docx").unwrap();
    assert_eq!(status, 200);
    assert!(response.contains("PK\u{3}\u{4}") && response.contains("wordprocessingml"), "not a Word file");
    assert_eq!(get(port, "/bulletins/2026-11.docx").unwrap().0, 404);

    let rx = events(port);
    std::thread::sleep(Duration::from_millis(200));
    let site = content.join("site.yaml");
    let original = std::fs::read_to_string(&site).unwrap();

    // A good edit: the page is told to reload and shows the change.
    std::fs::write(&site, original.replace("title: 商南县招商引资工作简报", "title: 商南县招商简报（测试）")).unwrap();
    let saved = Instant::now();
    assert!(wait_for(&rx, "reload", Duration::from_secs(20)).is_some(), "no reload event after an edit");
    eprintln!("save → reload event: {} ms", saved.elapsed().as_millis());
    assert!(get(port, "/").unwrap().1.contains("商南县招商简报（测试）"));

    // A broken edit: the problem is sent with file and line, and the last good page stays.
    std::fs::write(&site, original.replace("title: 商南县招商引资工作简报", "title： 坏了")).unwrap();
    let problem = wait_for(&rx, "problem", Duration::from_secs(20)).expect("no problem event after a broken edit");
    assert!(problem.contains("site.yaml:1:"), "{problem}");
    assert!(problem.contains("中文冒号"), "{problem}");
    assert!(get(port, "/").unwrap().1.contains("商南县招商简报（测试）"), "the last good site is still served");
    // A page opened now hears about the problem at once.
    let late = events(port);
    assert!(wait_for(&late, "problem", Duration::from_secs(10)).is_some());

    // Rapid saves become one rebuild.
    for i in 0..5 {
        std::fs::write(&site, original.replace("title: 商南县招商引资工作简报", &format!("title: 第{i}次保存"))).unwrap();
    }
    assert!(wait_for(&rx, "reload", Duration::from_secs(20)).is_some());
    let extra = wait_for(&rx, "reload", Duration::from_millis(1500));
    assert!(extra.is_none(), "five quick saves gave more than one rebuild");
    assert!(get(port, "/").unwrap().1.contains("第4次保存"));
}

/// Sends `head` as it is and returns the status.
fn raw(port: u16, head: &[u8]) -> Option<u16> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(20))).ok()?;
    // The server may answer and close before reading everything; that is its right.
    let _ = s.write_all(head);
    let mut body = Vec::new();
    let _ = s.read_to_end(&mut body);
    String::from_utf8_lossy(&body).split(' ').nth(1)?.parse().ok()
}

#[test]
fn issue_10_serve_answers_only_loopback_hosts_and_small_requests() {
    let (_tmp, _server, port) = serve_sample();
    let with_host = |host: &str| raw(port, format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes());
    assert_eq!(with_host(&format!("localhost:{port}")), Some(200));
    // DNS rebinding: a page of another site reaching 127.0.0.1 through its own name.
    assert_eq!(with_host(&format!("attacker.example:{port}")), Some(421));
    assert_eq!(raw(port, b"GET / HTTP/1.1\r\n\r\n"), Some(400));
    // A megabyte of header is refused after 16 KB, not read into memory.
    let huge = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: {}\r\n\r\n", "a".repeat(1 << 20));
    assert_eq!(raw(port, huge.as_bytes()), Some(431));
    // Event streams are capped; the server still answers pages when they are used up.
    let streams: Vec<TcpStream> = (0..40)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
            write!(s, "GET /__bulletin/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let refused = streams
        .into_iter()
        .filter_map(|mut s| {
            s.set_read_timeout(Some(Duration::from_millis(500))).ok()?;
            let mut first = [0u8; 12];
            s.read_exact(&mut first).ok()?;
            String::from_utf8_lossy(&first).contains("503").then_some(())
        })
        .count();
    assert_eq!(refused, 40 - 32, "32 streams are served, the rest refused");
    assert_eq!(get(port, "/").map(|r| r.0), Some(200));
}

#[test]
fn a_busy_port_is_explained_in_chinese_with_another_port_to_try() {
    let holder = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = holder.local_addr().unwrap().port();
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let run = Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .args(["serve", "--port", &port.to_string(), "--content"])
        .arg(&content)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("端口 {port} 已被占用")) && stderr.contains("--port"), "{stderr}");
}

/// `serve` on a roll-up rebuilds when a member's file is saved (the member folders are watched
/// too), and the city's page shows the member's new figure.
#[test]
fn serving_a_roll_up_watches_its_members() {
    let tmp = tempfile::tempdir().unwrap();
    let county = tmp.path().join("county");
    common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), &county);
    let city = tmp.path().join("city");
    for (rel, text) in [
        ("site.yaml", "title: 示例市通报\ncounty: 示例市\nissuer: 示例市办\nrollup: 市\n"),
        ("members.yaml", "- {id: sn, name: 商南县, folder: ../county}\n"),
        (
            "targets/2026.yaml",
            "total: {projects: 50, funds: 2230000, fdi: 300}\nmembers:\n  - {member: sn, projects: 50, funds: 2230000, fdi: 300}\n",
        ),
        ("briefings/2026-10.md", "---\nissue: 1\ntitle: 通报\n---\n\n全市到位资金{{ funds }}。\n"),
    ] {
        let path = city.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let (_server, port) = serve(&city);
    assert!(get(port, "/").unwrap().1.contains("示例市通报"));
    let rx = events(port);
    std::thread::sleep(Duration::from_millis(200));
    // A new project in the county, signed in October with 1 亿元 arrived from outside the province.
    let project = "name: 新项目\ninvestor: 某公司\nchain: materials\nsign_type: 合同\ntotal_investment: 20000\ncontract_amount: 20000\n\
         leader: leader-wang\nmeasures: 专班推进\nunit: jinsixia\nmilestones:\n  signed: 2026-10-08\n\
         funds:\n  - {month: 2026-10, amount: 10000, origin: 省外, use: 固定资产}\n";
    std::fs::write(county.join("projects/p2026-999.yaml"), project).unwrap();
    assert!(wait_for(&rx, "reload", Duration::from_secs(20)).is_some(), "no reload after a member's save");
    let ledger = get(port, "/projects/index.html").unwrap().1;
    assert!(ledger.contains("sn-p2026-999"), "the member's new project is not in the city's ledger");
}

/// The body of `path` as bytes, with its status.
fn get_bytes(port: u16, path: &str) -> (u16, Vec<u8>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = Vec::new();
    s.read_to_end(&mut response).unwrap();
    let end = response.windows(4).position(|w| w == b"\r\n\r\n").expect("a header") + 4;
    let status = String::from_utf8_lossy(&response[..end]).split(' ').nth(1).unwrap().parse().unwrap();
    (status, response[end..].to_vec())
}

/// Every file of a fresh `bulletin build` of `content` (relative path → bytes), or `None` when
/// the build fails.
fn fresh_build(content: &Path, out: &Path) -> Option<std::collections::BTreeMap<String, Vec<u8>>> {
    let _ = std::fs::remove_dir_all(out);
    let run = Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .arg("build")
        .arg("--content")
        .arg(content)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    run.status.success().then(|| common::files(out).into_iter().collect())
}

/// Each file of `site` as `serve` returns it; a served page differs from a built one only by
/// the script that reloads it.
fn assert_serves(port: u16, site: &std::collections::BTreeMap<String, Vec<u8>>, when: &str) {
    const RELOAD: &[u8] = b"<script src=\"/__bulletin/reload.js\" defer></script>";
    for (path, built) in site {
        if path.rsplit('/').next().is_some_and(|name| name.starts_with('.')) {
            continue; // the build's own marker file, not a page
        }
        let (status, mut served) = get_bytes(port, &format!("/{path}"));
        assert_eq!(status, 200, "{when}: /{path} is not served");
        if let Some(at) = served.windows(RELOAD.len()).position(|w| w == RELOAD) {
            served.drain(at..at + RELOAD.len());
        }
        assert!(served == *built, "{when}: /{path} differs from a fresh build ({} vs {} bytes)", served.len(), built.len());
    }
}

/// Waits for the rebuild after a save: `Ok` when the site was rebuilt, `Err` with the problem
/// when the content is broken.
fn rebuilt(rx: &Receiver<String>) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut event = None;
    let mut data = String::new();
    while let Ok(line) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        match (&event, line.strip_prefix("event: ")) {
            (None, Some(name)) if name == "reload" || name == "problem" => event = Some(name.to_string()),
            (Some(_), _) if line.is_empty() => break,
            (Some(_), _) => data.push_str(&line),
            _ => {}
        }
    }
    match event.as_deref() {
        Some("reload") => Ok(()),
        Some(_) => Err(data),
        None => panic!("no rebuild within 30 s of a save"),
    }
}

/// Issue 18: after any sequence of edits — a project added, an amount changed, a file deleted,
/// a file broken and fixed, a target changed — every file `serve` returns is byte for byte the
/// file a fresh `build` of the same content writes; while the content is broken, `serve` keeps
/// the last good site, and `build` refuses too. The sequence is drawn from a seed
/// (`BULLETIN_EDIT_SEED`, 18 by default) and printed, so a failure can be replayed.
#[test]
fn after_any_sequence_of_edits_serve_returns_what_a_fresh_build_writes() {
    let seed: u64 = std::env::var("BULLETIN_EDIT_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(18);
    let (tmp, _server, port) = serve_sample();
    let content = tmp.path().join("content");
    let out = tmp.path().join("fresh");
    let rx = events(port);
    std::thread::sleep(Duration::from_millis(200));
    let mut good = fresh_build(&content, &out).expect("the sample builds");
    assert_serves(port, &good, "before any edit");

    // xorshift64*: the same seed, the same edits.
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = |n: usize| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    };
    let projects = content.join("projects");
    let mut sample: Vec<String> =
        std::fs::read_dir(&projects).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    sample.sort();
    let mut added: Vec<String> = Vec::new();
    for step in 1..=8 {
        let edit = next(5);
        // A file to put back as it was when the edit is refused (a deleted file others name,
        // an amount in a bulletin already issued), so the later steps work on good content.
        let mut undo: Option<(std::path::PathBuf, String)> = None;
        let what = match edit {
            0 => {
                let from = &sample[next(sample.len())];
                let id = format!("p2026-9{step:02}");
                let text = std::fs::read_to_string(projects.join(from)).unwrap();
                let text = text.replacen("name: ", &format!("name: 新增测试项目{step}号"), 1);
                std::fs::write(projects.join(format!("{id}.yaml")), text).unwrap();
                added.push(id.clone());
                format!("added {id} (a copy of {from})")
            }
            1 => {
                let file = projects.join(&sample[next(sample.len())]);
                let text = std::fs::read_to_string(&file).unwrap();
                let Some(at) = text.find("\n    amount: ") else { continue };
                let start = at + "\n    amount: ".len();
                let end = start + text[start..].find('\n').unwrap();
                let old = &text[start..end];
                let whole: u64 = old.split('.').next().unwrap().parse().unwrap();
                let new = old.replacen(&whole.to_string(), &(whole + 1 + next(500) as u64).to_string(), 1);
                std::fs::write(&file, format!("{}{new}{}", &text[..start], &text[end..])).unwrap();
                undo = Some((file.clone(), text.clone()));
                format!("changed an amount in {}: {old} → {new}", file.file_name().unwrap().to_string_lossy())
            }
            2 => match added.pop() {
                Some(id) => {
                    std::fs::remove_file(projects.join(format!("{id}.yaml"))).unwrap();
                    format!("deleted {id}")
                }
                None => {
                    let file = projects.join(&sample[next(sample.len())]);
                    if !file.exists() {
                        continue;
                    }
                    undo = Some((file.clone(), std::fs::read_to_string(&file).unwrap()));
                    std::fs::remove_file(&file).unwrap();
                    format!("deleted {} (other files may name it)", file.file_name().unwrap().to_string_lossy())
                }
            },
            3 => {
                let site = content.join("site.yaml");
                let original = std::fs::read_to_string(&site).unwrap();
                std::fs::write(&site, original.replacen("title: ", "title： ", 1)).unwrap();
                let problem = rebuilt(&rx).expect_err("a full-width colon breaks site.yaml");
                assert!(problem.contains("site.yaml"), "step {step}: {problem}");
                assert!(fresh_build(&content, &out).is_none(), "step {step}: build accepted a broken site.yaml");
                assert_serves(port, &good, &format!("step {step}, site.yaml broken"));
                std::fs::write(&site, original).unwrap();
                "broke site.yaml and fixed it".to_string()
            }
            _ => {
                // The county's funds target: the first `funds:` line after `county:`.
                let file = content.join("targets/2026.yaml");
                let text = std::fs::read_to_string(&file).unwrap();
                let start = text.find("county:").unwrap() + text[text.find("county:").unwrap()..].find("funds: ").unwrap() + 7;
                let end = start + text[start..].find('\n').unwrap();
                let new = 2_000_000 + next(500_000);
                std::fs::write(&file, format!("{}{new}{}", &text[..start], &text[end..])).unwrap();
                format!("set the county's funds target from {} to {new}", &text[start..end])
            }
        };
        eprintln!("seed {seed}, step {step}: {what}");
        match rebuilt(&rx) {
            Ok(()) => {
                good = fresh_build(&content, &out).unwrap_or_else(|| panic!("step {step}: serve rebuilt but build failed"));
                assert_serves(port, &good, &format!("step {step} ({what})"));
            }
            Err(problem) => {
                assert!(fresh_build(&content, &out).is_none(), "step {step}: serve refused ({problem}) but build accepted");
                assert_serves(port, &good, &format!("step {step} ({what}), refused"));
                let (file, text) = undo.unwrap_or_else(|| panic!("step {step}: {what} was refused: {problem}"));
                std::fs::write(&file, text).unwrap();
                rebuilt(&rx).unwrap_or_else(|p| panic!("step {step}: still refused after undoing {what}: {p}"));
                good = fresh_build(&content, &out).expect("the undone content builds");
                assert_serves(port, &good, &format!("step {step}, {what} undone"));
            }
        }
    }
}

/// Issue 18: a reload names the files that changed, so an open page reloads only when it is
/// one of them: a project's new name changes its own page and the lists that show it, not
/// another project's page; a theme change reloads every page.
#[test]
fn a_reload_names_the_pages_that_changed() {
    let (tmp, _server, port) = serve_sample();
    let content = tmp.path().join("content");
    let rx = events(port);
    std::thread::sleep(Duration::from_millis(200));
    // The pages a browser shows: only pages served can be open, so only they are named.
    for page in ["projects/p2025-002.html", "projects/index.html", "projects/p2025-003.html"] {
        assert_eq!(get(port, &format!("/{page}")).map(|(status, _)| status), Some(200), "{page}");
    }
    let file = content.join("projects/p2025-002.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("name: 商南县茶叶初制所标准化改造项目", "name: 商南县茶叶初制所改造项目", 1)).unwrap();
    let data = wait_for(&rx, "reload", Duration::from_secs(20)).expect("no reload event after an edit");
    let named: Vec<&str> = data.lines().collect();
    assert!(named.contains(&"projects/p2025-002.html"), "{named:?}");
    assert!(named.contains(&"projects/index.html"), "the ledger lists the project: {named:?}");
    assert!(!named.contains(&"projects/p2025-003.html"), "another project's page did not change: {named:?}");
    // The chain's page lists the project too, but no browser was shown it.
    assert!(!named.contains(&"chains/agri.html"), "a page never served is not named: {named:?}");
    assert!(!named.contains(&"*"));
    // Saving the same bytes again rebuilds and names nothing.
    std::fs::write(&file, std::fs::read(&file).unwrap()).unwrap();
    let data = wait_for(&rx, "reload", Duration::from_secs(20)).expect("no reload event after a save");
    assert_eq!(data.trim(), "", "nothing changed");
    // The theme is on every page.
    let theme = tmp.path().join("theme");
    common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("theme"), &theme);
    let templates = tmp.path().join("templates");
    common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"), &templates);
    drop(rx);
    let (_server, port) = serve(&content);
    let rx = events(port);
    std::thread::sleep(Duration::from_millis(200));
    let css = theme.join("style.css");
    std::fs::write(&css, format!("{}\n/* changed */\n", std::fs::read_to_string(&css).unwrap())).unwrap();
    let data = wait_for(&rx, "reload", Duration::from_secs(20)).expect("no reload event after a theme edit");
    assert_eq!(data.trim(), "*");
    // A template that fails on a kind of page no browser was shown: the problem is still said
    // at once, before any page reloads.
    let leader = templates.join("leader.html");
    let good = std::fs::read_to_string(&leader).unwrap();
    std::fs::write(&leader, good.replacen("{% block main %}", "{% block main %}{{ no_such_value.name }}", 1)).unwrap();
    let problem = rebuilt(&rx).expect_err("a template that fails is a problem, not a reload");
    assert!(problem.contains("leader.html"), "{problem}");
    std::fs::write(&leader, &good).unwrap();
    rebuilt(&rx).expect("the template mended");
}
