#!/usr/bin/env python3
"""Shares of a platform's JFR execution samples by stage of the WhatsApp channel, and the hottest frames of each.

    jfr print --events jdk.ExecutionSample --stack-depth 96 rec.jfr > rec.txt
    bench/jfr-stages.py rec.txt [frames per stage]

A sample counts for the first stage (top to bottom of this list) one of whose markers is in its stack.
"""
import collections
import re
import sys

STAGES = [
    ("queue: bulk API (consent, contact, conversation, insert)", ["BulkMessages", "Outbound.queue"]),
    ("queue: single API", ["MessageController.send("]),
    ("dispatcher: claim", ["Dispatcher.work", "Outbox.claim", "Outbox.nextSlot"]),
    ("dispatcher: send (mark, consent, Graph call, mark sent)", ["Dispatcher.send", "Dispatcher.lambda", "Dispatcher.settle"]),
    ("webhook POST (check, store)", ["WebhookReceiver"]),
    ("applying webhook events (statuses, messages)", ["WebhookProcessor", "WebhookInbox", "InboxWriter"]),
    ("events to the business / stream", ["integrations.", "inbox.", "EventStream"]),
    ("modulith registry", ["modulith"]),
    ("HTTP server, other", ["org.apache.tomcat", "org.apache.coyote"]),
]

def samples(path):
    frames, thread = None, None
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.strip()
        if line.startswith("sampledThread"):
            thread = line
        elif line.startswith("stackTrace = ["):
            frames = []
        elif line.startswith("]") and frames is not None:
            yield thread, frames
            frames = None
        elif frames is not None and line != "...":
            frames.append(re.sub(r"\s+line:.*", "", line))

def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    by_stage = collections.Counter()
    self_frames = collections.defaultdict(collections.Counter)
    ours = collections.defaultdict(collections.Counter)
    total = 0
    started = False
    for thread, frames in samples(path):
        if not frames:
            continue
        stack = "\n".join(frames)
        # Counted from the first request of the scenario's load on: the start and set-up are not its cost.
        started = started or any(m in stack for m in ("BulkMessages", "MessageController", "WebhookReceiver"))
        if not started:
            continue
        total += 1
        stage = next((name for name, markers in STAGES if any(m in stack for m in markers)), "other")
        by_stage[stage] += 1
        self_frames[stage][re.sub(r"\(.*", "", frames[0])] += 1
        for frame in frames:
            if frame.startswith("com.maxmysales"):
                ours[stage][re.sub(r"\(.*", "", frame)] += 1
                break
    print(f"{total} samples")
    for stage, count in by_stage.most_common():
        print(f"\n{100 * count / total:5.1f} %  {stage} ({count})")
        print("   innermost frames:")
        for frame, n in self_frames[stage].most_common(top):
            print(f"     {100 * n / count:5.1f} %  {frame}")
        print("   innermost platform method:")
        for frame, n in ours[stage].most_common(top):
            print(f"     {100 * n / count:5.1f} %  {frame}")

main()
