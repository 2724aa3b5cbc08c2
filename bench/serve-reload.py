#!/usr/bin/env python3
"""Time from saving a content file to the `reload` event of `bulletin serve` (issue 6, 18).

    bench/serve-reload.py BULLETIN_BIN CONTENT_DIR [RUNS]

Copies CONTENT_DIR (and its parent's templates/ and theme/, if any) to a tmpfs folder, starts
`bulletin serve` there on a free port, opens the dashboard and the first project's page as a
browser showing them would (GET, and listening to /__bulletin/events), and, RUNS times (default
10), rewrites that project's file with a changed name and measures save → `event: reload`, then
save → the project's page fetched again (what the clerk waits for). Prints every time and the
medians in ms. Includes the 30 ms debounce serve waits for a quiet spell (editors save in
several writes).
"""
import http.client, os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time, queue

binary, content = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 10
base = "/dev/shm" if os.path.isdir("/dev/shm") else None
work = tempfile.mkdtemp(prefix="bulletin-serve-", dir=base)
site = os.path.join(work, "content")
shutil.copytree(content, site)

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen([binary, "serve", "--port", str(port), "--content", site],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(600):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2); c.request("GET", "/")
            if c.getresponse().status == 200:
                break
        except OSError:
            time.sleep(0.1)
    events = queue.Queue()
    def listen():
        c = http.client.HTTPConnection("127.0.0.1", port)
        c.request("GET", "/__bulletin/events")
        r = c.getresponse()
        while True:
            line = r.fp.readline()
            if not line:
                return
            if line.startswith(b"event:"):
                events.put((time.perf_counter(), line.decode().split(":", 1)[1].strip()))
    threading.Thread(target=listen, daemon=True).start()
    time.sleep(0.5)
    if os.path.isdir(os.path.join(site, "projects")):
        projects = sorted(os.listdir(os.path.join(site, "projects")))
        path = os.path.join(site, "projects", projects[0])
        page = "/projects/" + os.path.splitext(projects[0])[0] + ".html"
    else:
        # A roll-up: the first project of its first member; its page is the dashboard's
        # figures (a project's page is named by its member).
        path = next(os.path.join(root, f) for root, dirs, files in sorted(os.walk(site))
                    if os.path.basename(root) == "projects" for f in sorted(files) if f.endswith(".yaml"))
        page = None
    def get(url):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        c.request("GET", url)
        r = c.getresponse()
        body = r.read()
        if r.status != 200:
            sys.exit(f"{url}: {r.status}")
        return body
    # The pages a browser shows: rendered on request now, and again at every save.
    get("/")
    if page:
        get(page)
    original = open(path, encoding="utf-8").read()
    times = []
    served = []
    for i in range(runs):
        text = original.replace("name: ", f"name: 改{i}", 1)
        saved = time.perf_counter()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        while True:
            at, kind = events.get(timeout=60)
            if kind == "reload":
                times.append((at - saved) * 1000)
                body = get(page or "/")
                served.append((time.perf_counter() - saved) * 1000)
                if page and f"改{i}".encode() not in body:
                    sys.exit(f"{page} does not show the edit")
                break
            if kind == "problem":
                sys.exit("serve reported a problem instead of reloading")
        time.sleep(0.3)
    print(" ".join(f"{t:.0f}" for t in times))
    print(f"median save → reload: {statistics.median(times):.0f} ms over {runs} edits")
    print(" ".join(f"{t:.0f}" for t in served))
    print(f"median save → page served again: {statistics.median(served):.0f} ms")
finally:
    server.terminate()
    server.wait()
    shutil.rmtree(work, ignore_errors=True)
