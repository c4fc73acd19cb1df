#!/usr/bin/env python3
"""A long fuzz campaign against the real clusterdeck binary.

Mutates the demo drills and the Porcupine histories the way a careless or hostile user would, builds
hostile command lines, runs the binary on each case and reports every crash (killed by a signal or a
Swift trap), hang (no exit within the timeout), wrong exit status, and message that would put a raw
control character on the user's terminal. Failing cases are saved with a replay command.

    swift build -c release
    python3 scripts/fuzz-campaign.py --binary .build/release/clusterdeck --cases 100000 --jobs 2

Exit status 0 when every case behaved, 1 otherwise. The same --seed gives the same cases.
"""
import argparse
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAYLOADS = [
    "\x1b]0;PWNED\x07", "\x1b[2J", "\x07", "\x00", "\x7f", "\u009b", "\u202e", "\ufffd", "é", "🙂",
    '"', "\\", "#", "|", "=", ":", ",", "{", "}", "[", "]", " ", "\t", "\r", "\n", "\r\n",
    "-1", "0", "1e309", "-1e309", "0x10", "nan", "inf", "-0", ".", "..", "1.2.3", "00000000000000000001",
    "18446744073709551615", "18446744073709551616", "9223372036854775808", "1" + "0" * 309,
    "9" * 70, "k" * 5000, "0.00000000000001", "100001", "wait 24h", "wait 1440m", "within 24h",
    "kill n99", "add store", "partition n1 |", "workload rate=", "caption \"", "seed -1", "cluster replicas=9",
    ":invoke", ":ok", ":fail", ":info", ":process", ":type", ":f", ":key", ":value", "nil",
    "jepsen.util -", ":get", ":put", ":append", ":read", ":write", ":cas",
]
NUMBERS = ["0", "1", "-1", "3", "32", "33", "256", "257", "0.5", ".5", "1e3", "0x10", "nan", "inf", "-inf",
           "1e-14", "0.0000001", "0.001", "100000", "100001", "18446744073709551615", "18446744073709551616",
           "1" + "0" * 309, "", " ", "\x1b[2J", "--seed", "abc"]
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def mutate_bytes(rng, data):
    """A few edits of the file's bytes: inserts, deletes, line swaps, truncation, invalid UTF-8."""
    text = data
    for _ in range(rng.randint(1, 6)):
        kind = rng.randrange(8)
        if kind == 0 or not text:
            pos = rng.randint(0, len(text))
            text = text[:pos] + rng.choice(PAYLOADS).encode() + text[pos:]
        elif kind == 1:
            pos = rng.randrange(len(text))
            text = text[:pos] + text[pos + rng.randint(1, 40):]
        elif kind == 2:
            lines = text.split(b"\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            text = b"\n".join(lines)
        elif kind == 3:
            lines = text.split(b"\n")
            i = rng.randrange(len(lines))
            lines.insert(i, lines[i])
            text = b"\n".join(lines)
        elif kind == 4:
            text = text[:rng.randrange(len(text))]
        elif kind == 5:
            pos = rng.randint(0, len(text))
            text = text[:pos] + bytes([rng.choice([0x80, 0xC0, 0xE9, 0xED, 0xF5, 0xFF])]) + text[pos:]
        elif kind == 6:
            lines = text.split(b"\n")
            i = rng.randrange(len(lines))
            words = lines[i].split(b" ")
            words[rng.randrange(len(words))] = rng.choice(PAYLOADS + NUMBERS).encode()
            lines[i] = b" ".join(words)
            text = b"\n".join(lines)
        else:
            lines = text.split(b"\n")
            lines.insert(rng.randint(0, len(lines)), rng.choice(PAYLOADS).encode())
            text = b"\n".join(lines)
    return text


def corpus(folder, suffixes):
    paths = []
    for dirpath, _, names in os.walk(folder):
        paths += [os.path.join(dirpath, n) for n in names if n.endswith(suffixes)]
    return sorted(paths)


class Campaign:
    def __init__(self, args):
        self.args = args
        self.binary = os.path.abspath(args.binary)
        self.work = tempfile.mkdtemp(prefix="clusterdeck-fuzz-")
        self.drills = [open(p, "rb").read() for p in corpus(os.path.join(ROOT, "demo"), (".drill",))]
        fixtures = os.path.join(ROOT, "Tests", "ClusterSimTests", "Fixtures", "porcupine")
        # The big histories make slow cases; mutations of the small ones find the same parser paths.
        self.histories = [open(p, "rb").read() for p in corpus(fixtures, (".log", ".txt")) if os.path.getsize(p) < 40_000]
        self.lock = threading.Lock()
        self.counts = {"cases": 0, "crash": 0, "hang": 0, "exit": 0, "output": 0}
        self.kinds = {}

    def case(self, index):
        """The argv and input file of case `index`, the same for the same seed."""
        rng = random.Random(f"{self.args.seed}:{index}")
        kind = rng.choice(["drill", "drill", "history", "history", "flags"])
        path = os.path.join(self.work, f"case-{index}")
        if kind == "drill":
            open(path + ".drill", "wb").write(mutate_bytes(rng, rng.choice(self.drills)))
            return kind, ["play", path + ".drill", "--check"], {0, 2}, path + ".drill"
        if kind == "history":
            open(path + ".edn", "wb").write(mutate_bytes(rng, rng.choice(self.histories)))
            return kind, ["check-history", path + ".edn"], {0, 1, 2, 3}, path + ".edn"
        return ("flags",) + self.flag_case(rng) + (None,)

    def flag_case(self, rng):
        flags = ["--seed", "--stores", "--services", "--caches", "--partitions", "--replicas", "--rate"]
        args = []
        for _ in range(rng.randint(1, 3)):
            args += [rng.choice(flags), rng.choice(NUMBERS)]
        command = rng.choice(["play", "sweep", "bench", "dashboard", "help", "check-history"])
        if command == "play":
            return ["play", os.path.join(ROOT, "demo", "leader-failover.drill"), "--check"] + args, {0, 2}
        if command == "sweep":
            return (["sweep", "--steps", "1", "--seeds", rng.choice(["1", "2", "0", "-1", "0x2"]),
                     "--from", rng.choice(NUMBERS), "--mode", rng.choice(["raft", "async", "quorum", ""])], {0, 1, 2})
        if command == "bench":
            return ["bench", "--virtual-seconds", rng.choice(["1", "0", "-1", "1e3", "86401"]),
                    "--repeats", "1"] + args, {0, 2}
        if command == "dashboard":
            return args, {2}  # no terminal here: refused after the flags are checked
        if command == "help":
            return ["help", rng.choice(["play", "sweep", "nosuch", "\x1b[2J", "check-history", ""])], {0, 2}
        return ["check-history", rng.choice(["/dev/null", "/nonexistent", "/tmp", "/dev/zero"])], {0, 2}

    def run_one(self, index):
        kind, argv, allowed, path = self.case(index)
        try:
            done = subprocess.run([self.binary] + argv, stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=self.args.timeout, cwd=ROOT)
        except subprocess.TimeoutExpired:
            return self.report(index, kind, "hang", argv, path, f"no exit within {self.args.timeout} s")
        status = done.returncode
        out = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
        if status < 0 or status >= 128:
            return self.report(index, kind, "crash", argv, path, f"exit {status}\n{out[-2000:]}")
        if status not in allowed:
            return self.report(index, kind, "exit", argv, path, f"exit {status}, expected one of {sorted(allowed)}\n{out[-2000:]}")
        bad = CONTROL.search(out)
        if bad:
            return self.report(index, kind, "output", argv, path, f"raw control {bad.group()!r} in output\n{out[-500:]!r}")
        with self.lock:
            self.counts["cases"] += 1
            self.kinds[kind] = self.kinds.get(kind, 0) + 1
        if path:
            os.unlink(path)

    def report(self, index, kind, problem, argv, path, detail):
        keep = os.path.join(self.args.out, f"{problem}-{index}")
        os.makedirs(self.args.out, exist_ok=True)
        if path:
            shutil.copy(path, keep + os.path.splitext(path)[1])
            argv = [keep + os.path.splitext(path)[1] if a == path else a for a in argv]
        with open(keep + ".txt", "w") as f:
            f.write(f"{kind} case {index} (seed {self.args.seed}): {problem}\nreplay: {self.binary} {argv!r}\n{detail}\n")
        with self.lock:
            self.counts["cases"] += 1
            self.counts[problem] += 1
            self.kinds[kind] = self.kinds.get(kind, 0) + 1
            print(f"{problem.upper()} case {index} ({kind}): see {keep}.txt", flush=True)

    def run(self):
        start = self.args.first
        with concurrent.futures.ThreadPoolExecutor(self.args.jobs) as pool:
            for i, _ in enumerate(pool.map(self.run_one, range(start, start + self.args.cases))):
                if (i + 1) % 10_000 == 0:
                    print(f"{i + 1} cases run", flush=True)
        shutil.rmtree(self.work, ignore_errors=True)
        c = self.counts
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.kinds.items()))
        print(f"{c['cases']} cases ({kinds}): {c['crash']} crashes, {c['hang']} hangs, "
              f"{c['exit']} wrong exit codes, {c['output']} unsafe outputs")
        return 0 if c["crash"] + c["hang"] + c["exit"] + c["output"] == 0 else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "clusterdeck"))
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--first", type=int, default=0, help="index of the first case (to resume or replay)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds before a case counts as a hang")
    parser.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "clusterdeck-fuzz-failures"))
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"fuzz-campaign: no binary at {args.binary}: build it with 'swift build -c release'")
    if args.cases < 1:
        sys.exit("fuzz-campaign: --cases must be at least 1")
    sys.exit(Campaign(args).run())


if __name__ == "__main__":
    main()
