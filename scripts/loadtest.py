#!/usr/bin/env python3
"""Load test of `parallax serve` under hostile clients, on loopback only and bounded in time.

Starts the server on a store (with the common 1,024 open-file limit), then:
  1. rest:  a few requests to warm it up; the server's memory (VmRSS) at rest;
  2. idle:  opens many sockets that send nothing, and meanwhile times ordinary requests
            (each must get an answer, 200 or 503, never hang); then checks the idle sockets
            were closed by the server's header-read timeout;
  3. load:  for each concurrency, that many keep-alive clients request a mix of pages and
            searches for a fixed time: p50/p99 latency, throughput, the share of 503 (shed)
            and of errors (anything else: other statuses, resets, timeouts), memory during;
  4. after: the server's memory once the load has stopped.
Prints one Markdown table (for docs/benchmarks.md) and exits non-zero if any request hung or
failed other than with 503.

    scripts/loadtest.py --store parallax-data [--binary target/release/parallax]
        [--seconds 15] [--concurrency 50,200,600] [--idle 1100]

Standard library only. The server's address is always 127.0.0.1.
"""

import argparse
import asyncio
import os
import random
import resource
import statistics
import subprocess
import sys
import time

HOST = "127.0.0.1"
# Requests of the mix: pages (filled in from the API once the server runs) and searches.
SEARCHES = [
    "/api/search?q=police",
    "/api/search?q=%22prime+minister%22",
    "/api/search?q=election+OR+vote",
    "/api/search?q=fire+-forest",
    "/api/search?q=shoot*",
    "/search?q=troops",
    "/search?q=government",
    "/api/search?q=said",
]
PAGES = ["/", "/api/stories", "/api/entities", "/api/outlets", "/static/style.css"]
REQUEST_TIMEOUT = 10.0  # a request without an answer after this long counts as hung


def memory(pid):
    """The server's resident memory in MiB: (anonymous, file-backed). File-backed pages are
    the store's memory-mapped index, which the kernel reclaims when it needs the memory."""
    found = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("RssAnon", "RssFile", "RssShmem"):
                found[key] = int(value.split()[0]) / 1024
    return found.get("RssAnon", float("nan")), found.get("RssFile", 0) + found.get("RssShmem", 0)


def shown(mem):
    anon, file = mem
    return f"{anon:.0f} + {file:.0f} MiB"


async def fetch(reader, writer, port, path):
    """One request on an open connection: (status, keep the connection?, Retry-After)."""
    writer.write(
        f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nUser-Agent: loadtest\r\n\r\n".encode()
    )
    await writer.drain()
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("closed before an answer")
    status = int(status_line.split()[1])
    length, chunked, close, retry = None, False, False, 0.0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == "content-length":
            length = int(value)
        elif name == "transfer-encoding" and "chunked" in value:
            chunked = True
        elif name == "connection" and value == "close":
            close = True
        elif name == "retry-after":
            retry = float(value) if value.replace(".", "", 1).isdigit() else 1.0
    if chunked:
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length is not None:
        await reader.readexactly(length)
    else:
        await reader.read()
        close = True
    return status, not close, retry


async def one_shot(port, path):
    """A request on its own connection: (status or error name, seconds)."""
    started = time.perf_counter()
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(HOST, port), REQUEST_TIMEOUT
        )
        status, _, _ = await asyncio.wait_for(
            fetch(reader, writer, port, path), REQUEST_TIMEOUT
        )
        writer.close()
        return status, time.perf_counter() - started
    except asyncio.TimeoutError:
        return "hung", time.perf_counter() - started
    except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError, IndexError) as e:
        return type(e).__name__, time.perf_counter() - started


async def client(port, paths, deadline, results):
    """A keep-alive client requesting random paths until the deadline."""
    reader = writer = None
    while time.perf_counter() < deadline:
        path = random.choice(paths)
        started = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(HOST, port), REQUEST_TIMEOUT
                )
            status, keep, retry = await asyncio.wait_for(
                fetch(reader, writer, port, path), REQUEST_TIMEOUT
            )
            results.append((status, time.perf_counter() - started))
            if not keep:
                writer.close()
                writer = None
            if status == 503:
                # A well-behaved client waits as long as it is told to.
                await asyncio.sleep(retry or 1.0)
        except asyncio.TimeoutError:
            results.append(("hung", time.perf_counter() - started))
            writer = None
        except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError, IndexError) as e:
            results.append((type(e).__name__, time.perf_counter() - started))
            writer = None
            await asyncio.sleep(0.5)
    if writer is not None:
        writer.close()


def kinds(failures):
    """Failures counted by kind: `hung` is no answer within 10 s; `ConnectionError` a
    connection closed before its answer (shed unanswered); others are socket errors."""
    counts = {}
    for f in failures:
        counts[str(f)] = counts.get(str(f), 0) + 1
    return ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


async def sample_memory(pid, stop, samples):
    while not stop.is_set():
        samples.append(memory(pid))
        await asyncio.sleep(0.25)


async def idle_phase(port, pid, count, rows):
    sockets = []
    for _ in range(count):
        try:
            sockets.append(await asyncio.open_connection(HOST, port))
        except OSError:
            break
    await asyncio.sleep(0.5)
    probes = await asyncio.gather(*(one_shot(port, "/api/stories") for _ in range(20)))
    statuses = [s for s, _ in probes]
    worst = max(t for _, t in probes)
    during = memory(pid)
    # Past the header-read timeout (10 s) every idle socket should have been closed.
    await asyncio.sleep(11)
    closed = 0
    for reader, writer in sockets:
        try:
            data = await asyncio.wait_for(reader.read(1), 0.01)
            closed += data == b"" or data.startswith(b"H")
        except (asyncio.TimeoutError, OSError):
            pass
        writer.close()
    rows.append(
        f"| {len(sockets)} idle sockets, 20 requests meanwhile | "
        f"{statistics.median(t for _, t in probes) * 1000:.1f} ms | {worst * 1000:.1f} ms (max) | — | "
        f"{statuses.count(200)} × 200, {statuses.count(503)} × 503, "
        f"{len(statuses) - statuses.count(200) - statuses.count(503)} other | {shown(during)} | "
        f"{closed} of {len(sockets)} closed by the server after 11 s |"
    )
    return [s for s in statuses if s not in (200, 503)]


async def load_phase(port, pid, concurrency, seconds, paths, rows):
    results, samples, stop = [], [], asyncio.Event()
    sampler = asyncio.create_task(sample_memory(pid, stop, samples))
    deadline = time.perf_counter() + seconds
    await asyncio.gather(*(client(port, paths, deadline, results) for _ in range(concurrency)))
    stop.set()
    await sampler
    ok = [t for s, t in results if s == 200]
    shed = sum(1 for s, _ in results if s == 503)
    bad = [s for s, _ in results if s not in (200, 503)]
    rows.append(
        f"| {concurrency} clients, {seconds} s | {percentile(ok, 50) * 1000:.1f} ms | "
        f"{percentile(ok, 99) * 1000:.1f} ms | {len(results) / seconds:.0f} | "
        f"{len(ok)} × 200, {shed} × 503 ({100 * shed / max(1, len(results)):.1f}%), "
        f"{len(bad)} errors ({100 * len(bad) / max(1, len(results)):.2f}%) | "
        f"{shown(max(samples))} (max) | {kinds(bad)} |"
    )
    return bad


async def main_async(args, pid):
    rows = []
    # Warm-up, and pages of the corpus for the mix.
    paths = list(PAGES)
    for path in ("/api/stories", "/api/entities", "/api/documents"):
        status, _ = await one_shot(args.port, path)
    for kind, prefix in (("stories", "/story/"), ("entities", "/entity/"), ("documents", "/doc/")):
        try:
            reader, writer = await asyncio.open_connection(HOST, args.port)
            writer.write(
                f"GET /api/{kind}?per_page=5 HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode()
            )
            body = (await reader.read()).decode("utf-8", "replace")
            import json

            items = json.loads(body.split("\r\n\r\n", 1)[1]).get("items", [])
            paths += [prefix + str(i["id"]) for i in items if "id" in i]
        except Exception:  # noqa: BLE001 - the mix works without them
            pass
    paths += SEARCHES * 2
    if args.only:
        paths = [args.only]
    rows.append(f"| at rest, after warm-up | — | — | — | — | {shown(memory(pid))} | |")
    failures = []
    if args.idle:
        failures += await idle_phase(args.port, pid, args.idle, rows)
    for concurrency in args.concurrency:
        failures += await load_phase(args.port, pid, concurrency, args.seconds, paths, rows)
    await asyncio.sleep(args.settle)
    rows.append(
        f"| after the load ({args.settle} s later) | — | — | — | — | {shown(memory(pid))} | |"
    )
    return rows, failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--binary", default="target/release/parallax")
    parser.add_argument("--port", type=int, default=18650)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument(
        "--concurrency", type=lambda s: [int(c) for c in s.split(",")], default=[50, 200, 600]
    )
    parser.add_argument("--idle", type=int, default=1100)
    parser.add_argument("--settle", type=int, default=15)
    parser.add_argument("--nofile", type=int, default=1024, help="the server's open-file limit")
    parser.add_argument(
        "--only", help="request only this path in the load phases (e.g. /static/style.css)"
    )
    parser.add_argument(
        "--hold", type=int, default=0, help="seconds to keep the server up after the run (to inspect it)"
    )
    args = parser.parse_args()
    if args.seconds > 120 or any(c > 2000 for c in args.concurrency) or args.idle > 5000:
        sys.exit("bounded: at most 120 s per phase, 2,000 clients, 5,000 idle sockets")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    def server_limits():
        resource.setrlimit(resource.RLIMIT_NOFILE, (args.nofile, args.nofile))

    server = subprocess.Popen(
        [args.binary, "serve", "--store", args.store, "--addr", f"{HOST}:{args.port}"],
        stderr=subprocess.PIPE,
        preexec_fn=server_limits,
    )
    try:
        while True:
            line = server.stderr.readline().decode()
            if "serving http" in line:
                break
            if not line and server.poll() is not None:
                sys.exit(f"the server did not start (exit {server.returncode})")
        rows, failures = asyncio.run(main_async(args, server.pid))
        if args.hold:
            print(f"server pid {server.pid} held for {args.hold} s", flush=True)
            time.sleep(args.hold)
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"`parallax serve` open-file limit {args.nofile}; loopback; {os.cpu_count()} cores\n")
    print("| phase | p50 | p99 | req/s | answers | server memory (anonymous + file-backed) | notes |")
    print("| --- | ---: | ---: | ---: | --- | ---: | --- |")
    print("\n".join(rows))
    if failures:
        kinds = sorted({str(f) for f in failures})
        print(f"\n{len(failures)} requests failed other than with 503: {', '.join(kinds)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
