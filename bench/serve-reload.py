#!/usr/bin/env python3
"""Time from saving a content file to the `reload` event of `bulletin serve` (issue 6).

    bench/serve-reload.py BULLETIN_BIN CONTENT_DIR [RUNS]

Copies CONTENT_DIR (and its parent's templates/ and theme/, if any) to a tmpfs folder, starts
`bulletin serve` there on a free port, listens to /__bulletin/events and, RUNS times (default
10), rewrites one project file with a changed name and measures save → `event: reload`.
Prints every time and the median in ms. Includes the 30 ms debounce serve waits for a quiet
spell (editors save in several writes).
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
    projects = sorted(os.listdir(os.path.join(site, "projects")))
    path = os.path.join(site, "projects", projects[0])
    original = open(path, encoding="utf-8").read()
    times = []
    for i in range(runs):
        text = original.replace("name: ", f"name: 改{i}", 1)
        saved = time.perf_counter()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        while True:
            at, kind = events.get(timeout=60)
            if kind == "reload":
                times.append((at - saved) * 1000)
                break
            if kind == "problem":
                sys.exit("serve reported a problem instead of reloading")
        time.sleep(0.3)
    print(" ".join(f"{t:.0f}" for t in times))
    print(f"median save → reload: {statistics.median(times):.0f} ms over {runs} edits")
finally:
    server.terminate()
    server.wait()
    shutil.rmtree(work, ignore_errors=True)
