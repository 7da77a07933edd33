#!/usr/bin/env python3
"""Flame summary of a read-path flight recording (#27): from `jfr print --events jdk.ExecutionSample` on stdin, the
samples of request threads (http-thread-pool) and of the audit chaining thread (managedThreadFactory) taken after
the given time (HH:MM:SS, the end of start-up), and per frame its share of them: self (top of stack) and total (the
frame anywhere in the stack), plus the total share of a few read-path stages.

    jfr print --events jdk.ExecutionSample --stack-depth 96 rec.jfr | top-frames.py 11:40:00 [rows]
"""
import re
import sys
from collections import Counter

since = sys.argv[1] if len(sys.argv) > 1 else "00:00:00"
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 25
STAGES = {
    "token verification (JWT parse + RSA)": "TrustedIssuers.verify",
    "token revocation check": "TokenRevocationService.isCurrent",
    "policy context": "DefaultPolicyService.contextFor",
    "policy decisions": "DefaultPolicyService.authorize",
    "audit record (pending insert)": "DefaultAuditService.record",
    "audit chaining (drain thread)": "AuditSequencer.drain",
    "wait for own chain": "SequenceAfterCommit.awaitOwnEvents",
    "ticket get service": "DefaultTicketService.get",
    "ticket list service": "DefaultTicketService.search",
    "JSON writing": "JsonBinding",
    "transaction commit": "JavaEETransactionManagerSimplified.commit",
    "JDBC (PostgreSQL driver)": "org.postgresql.",
    "EclipseLink": "org.eclipse.persistence.",
}
selfs, totals, stages = Counter(), Counter(), Counter()
samples = 0
thread = time = None
stack = None
for line in sys.stdin:
    line = line.strip()
    if line.startswith("startTime"):
        time = line.split("=", 1)[1].strip()[:8]
    elif line.startswith("sampledThread"):
        thread = line
    elif line.startswith("stackTrace"):
        stack = []
    elif line == "]" and stack is not None:
        if time and time >= since and thread and ("http-thread-pool" in thread or "managedThreadFactory" in thread):
            samples += 1
            frames = [re.sub(r"\(.*", "", f) for f in stack]
            if frames:
                selfs[frames[0]] += 1
            for f in set(frames):
                totals[f] += 1
            joined = "\n".join(stack)
            for name, marker in STAGES.items():
                if marker in joined:
                    stages[name] += 1
        stack = None
    elif stack is not None and line:
        stack.append(line)

if not samples:
    sys.exit("no request-thread samples after " + since)
print(f"{samples} samples of request and audit threads after {since}")
print("\n-- stages (total share) --")
for name, count in stages.most_common():
    print(f"{100 * count / samples:5.1f} %  {name}")
print("\n-- top self frames --")
for frame, count in selfs.most_common(rows):
    print(f"{100 * count / samples:5.1f} %  {frame}")
print("\n-- top total frames (org.custodian) --")
for frame, count in [(f, c) for f, c in totals.most_common() if f.startswith("org.custodian")][:rows]:
    print(f"{100 * count / samples:5.1f} %  {frame}")
