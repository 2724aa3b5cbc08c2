//! The few parts of HTTP/1.1 that `serve` needs, with limits: GET and HEAD only, one request
//! per connection, a request head of at most [`MAX_HEAD_BYTES`], at most [`MAX_CONNECTIONS`]
//! open at once, and only `127.0.0.1` or `localhost` as the `Host` (a web page on another site
//! cannot reach the preview through a domain that resolves to 127.0.0.1: DNS rebinding).
//!
//! The request head is parsed by `httparse` (hyper's parser); the rest is a socket loop.

use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The largest request head read (request line and headers); browsers send under 2 KB.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// The most headers in a request.
pub const MAX_HEADERS: usize = 64;
/// Connections handled at once; more are answered 503 at once and closed.
pub const MAX_CONNECTIONS: usize = 64;
/// How long a client may take to send its request head.
const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a write may block on a client that does not read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// A request that passed the checks.
pub struct Request {
    /// The request target as sent (`/units/?x=1`).
    pub target: String,
    /// HEAD: answer with the headers only.
    pub head_only: bool,
}

/// A counter of things open at once, released when its [`Slot`] is dropped.
#[derive(Clone, Default)]
pub struct Limit(Arc<AtomicUsize>);

/// One place taken in a [`Limit`].
pub struct Slot(Arc<AtomicUsize>);

impl Limit {
    /// A place, if fewer than `max` are taken.
    pub fn take(&self, max: usize) -> Option<Slot> {
        let taken = self.0.fetch_add(1, Ordering::SeqCst);
        if taken >= max {
            self.0.fetch_sub(1, Ordering::SeqCst);
            return None;
        }
        Some(Slot(self.0.clone()))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Accepts connections on `listener` forever, each on its own thread; `handle` answers each
/// valid request and owns the stream (an event stream keeps it open).
pub fn serve(listener: TcpListener, port: u16, handle: Arc<dyn Fn(Request, TcpStream) + Send + Sync>) {
    let open = Limit::default();
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        let Some(slot) = open.take(MAX_CONNECTIONS) else {
            let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
            let _ = respond(&mut stream, 503, "text/plain; charset=utf-8", b"too many connections\n", false);
            continue;
        };
        let handle = handle.clone();
        std::thread::spawn(move || {
            let _slot = slot;
            let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
            match read_request(&mut stream, port) {
                Ok(request) => handle(request, stream),
                Err(Refused { status, reason }) => {
                    let _ = respond(&mut stream, status, "text/plain; charset=utf-8", reason.as_bytes(), false);
                    drain(&mut stream);
                }
            }
        });
    }
}

/// After a refusal: closing with the client's bytes unread makes the system reset the
/// connection, and the client may lose the answer before reading it. So the answer is marked
/// finished, and what the client still sends is read and dropped: a few megabytes for a second
/// at most, never kept.
fn drain(stream: &mut TcpStream) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let started = std::time::Instant::now();
    let mut left: usize = 4 << 20;
    let mut buf = [0u8; 8192];
    while left > 0 && started.elapsed() < Duration::from_secs(1) {
        let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
}

/// Why a request is not answered, as a status and a short reason.
#[derive(Debug, PartialEq, Eq)]
pub struct Refused {
    pub status: u16,
    pub reason: &'static str,
}

fn refused(status: u16, reason: &'static str) -> Refused {
    Refused { status, reason }
}

/// A stream whose reads can be given a time limit.
trait Timed: Read {
    fn limit(&mut self, left: Duration) -> io::Result<()>;
}

impl Timed for TcpStream {
    fn limit(&mut self, left: Duration) -> io::Result<()> {
        self.set_read_timeout(Some(left))
    }
}

impl Timed for &[u8] {
    fn limit(&mut self, _: Duration) -> io::Result<()> {
        Ok(())
    }
}

/// Reads and checks one request head, which must arrive whole within [`READ_TIMEOUT`] (a
/// client sending a byte now and then cannot hold a connection open).
fn read_request(stream: &mut impl Timed, port: u16) -> Result<Request, Refused> {
    let deadline = Instant::now() + READ_TIMEOUT;
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        if let Some(end) = head.windows(4).position(|w| w == b"\r\n\r\n") {
            return parse(&head[..end + 4], port);
        }
        if head.len() >= MAX_HEAD_BYTES {
            return Err(refused(431, "request head too large\n"));
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.limit(left).is_err() {
            return Err(refused(408, "request timed out\n"));
        }
        let n = stream.read(&mut chunk).map_err(|_| refused(408, "request timed out\n"))?;
        if n == 0 {
            return Err(refused(400, "incomplete request\n"));
        }
        head.extend_from_slice(&chunk[..n]);
    }
}

/// Parses a complete request head and applies the checks.
pub fn parse(head: &[u8], port: u16) -> Result<Request, Refused> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    match request.parse(head) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => return Err(refused(431, "too many headers\n")),
        _ => return Err(refused(400, "bad request\n")),
    }
    let head_only = match request.method {
        Some("GET") => false,
        Some("HEAD") => true,
        _ => return Err(refused(405, "only GET and HEAD\n")),
    };
    let host = request.headers.iter().find(|h| h.name.eq_ignore_ascii_case("host")).map(|h| h.value);
    match host.and_then(|h| std::str::from_utf8(h).ok()) {
        Some(host) if allowed_host(host, port) => {}
        Some(_) => return Err(refused(421, "this preview answers only to 127.0.0.1 and localhost\n")),
        None => return Err(refused(400, "missing Host header\n")),
    }
    let target = request.path.unwrap_or("/").to_string();
    Ok(Request { target, head_only })
}

/// `127.0.0.1` or `localhost`, with no port or with ours.
fn allowed_host(host: &str, port: u16) -> bool {
    let (name, given) = match host.rsplit_once(':') {
        Some((name, p)) => (name, Some(p)),
        None => (host, None),
    };
    let name_ok = name == "127.0.0.1" || name.eq_ignore_ascii_case("localhost");
    name_ok && given.is_none_or(|p| p.parse::<u16>() == Ok(port))
}

/// Writes a whole response and closes the exchange (`Connection: close`).
pub fn respond(out: &mut impl Write, status: u16, content_type: &str, body: &[u8], head_only: bool) -> io::Result<()> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    };
    write!(
        out,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if !head_only {
        out.write_all(body)?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(head: &str) -> Result<Request, Refused> {
        read_request(&mut head.as_bytes(), 8000)
    }

    #[test]
    fn only_the_loopback_host_is_answered() {
        assert!(get("GET / HTTP/1.1\r\nHost: 127.0.0.1:8000\r\n\r\n").is_ok());
        assert!(get("GET / HTTP/1.1\r\nHost: LocalHost:8000\r\n\r\n").is_ok());
        assert!(get("GET / HTTP/1.1\r\nhost: localhost\r\n\r\n").is_ok());
        for bad in ["evil.example:8000", "127.0.0.1.evil.example", "localhost:8001", "127.0.0.2:8000", ""] {
            let head = format!("GET / HTTP/1.1\r\nHost: {bad}\r\n\r\n");
            assert_eq!(get(&head).err().map(|r| r.status), Some(421), "{bad}");
        }
        assert_eq!(get("GET / HTTP/1.1\r\n\r\n").err().map(|r| r.status), Some(400));
    }

    #[test]
    fn oversized_heads_and_other_methods_are_refused() {
        let long = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: {}\r\n\r\n", "a".repeat(MAX_HEAD_BYTES));
        assert_eq!(get(&long).err().map(|r| r.status), Some(431));
        let many: String = (0..=MAX_HEADERS).map(|i| format!("X{i}: 1\r\n")).collect();
        assert_eq!(get(&format!("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n{many}\r\n")).err().map(|r| r.status), Some(431));
        assert_eq!(get("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").err().map(|r| r.status), Some(405));
        assert_eq!(get("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n").err().map(|r| r.status), Some(400));
        let ok = get("HEAD /units/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
        assert!(ok.head_only);
        assert_eq!(ok.target, "/units/");
    }

    #[test]
    fn a_limit_gives_back_its_places() {
        let limit = Limit::default();
        let a = limit.take(2).unwrap();
        let _b = limit.take(2).unwrap();
        assert!(limit.take(2).is_none());
        drop(a);
        assert!(limit.take(2).is_some());
    }
}
