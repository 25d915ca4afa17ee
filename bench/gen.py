#!/usr/bin/env python3
"""Generates the benchmark payloads into a directory (default bench/out/data).

Deterministic (fixed seed), so every run measures the same bytes:
  move-1k.json, move-100k.json, move-1m.json   move-users payloads, ~1% defects of each kind
  contacts-10k.json, contacts-100k.json         bulk contacts payloads (webex-api-facts.md a.4)
  batch/0000.json .. batch/0999.json            1,000 move-users files of 100 users each
"""
import base64
import json
import os
import random
import sys

RATE = 0.01  # share of users carrying each kind of defect


def wid(kind, n):
    uuid = "%08x-%04x-4%03x-8%03x-%012x" % (n & 0xFFFFFFFF, n % 65536, n % 4096, (n * 7) % 4096, n * 2654435761 % (1 << 48))
    return base64.b64encode(f"ciscospark://us/{kind}/{uuid}".encode()).decode().rstrip("=")


def move_users(users, rng, locations=None):
    """users: total count; users are spread over locations of up to 100 users each."""
    per = 100
    entries = []
    n = 0
    loc_count = locations or max(1, (users + per - 1) // per)
    for loc in range(loc_count):
        batch = []
        take = min(per, users - n) if locations is None else users // loc_count
        for i in range(take):
            u = {"userId": wid("PEOPLE", n), "extension": str(2000 + i)}
            r = rng.random()
            k = int(r / RATE)  # picks at most one defect kind per user
            if k == 0:
                del u["extension"]  # missing number and extension
            elif k == 1:
                u["phoneNumber"] = "408-555-%04d" % (i % 10000)  # bad E.164
            elif k == 2 and i > 0:
                u["extension"] = str(2000 + i - 1)  # duplicate extension in the location
            elif k == 3 and n > 0:
                u["userId"] = wid("PEOPLE", n - 1)  # duplicate user
            elif k == 4:
                u["userId"] = "not-a-webex-id-%d" % n  # bad id
            elif k == 5:
                u["extension"] = "x%d" % i  # bad extension
            else:
                u["phoneNumber"] = "+1408%07d" % n
            batch.append(u)
            n += 1
        entries.append({"locationId": wid("LOCATION", loc), "validate": False, "users": batch})
    return {"usersList": entries}


def contacts(count, rng):
    types = ["work", "home", "mobile", "work_extension"]
    out = []
    for n in range(count):
        c = {
            "displayName": f"Contact {n}",
            "firstName": "First%d" % n,
            "lastName": "Last%d" % n,
            "companyName": "Example Inc.",
            "source": "CH",
            "emails": [{"value": f"user{n}@example.com", "type": "work", "primary": True}],
            "phoneNumbers": [{"value": "+1408%07d" % n, "type": types[n % 4], "primary": True}],
            "address": json.dumps({"city": "Milpitas", "country": "US", "street": "1099 Bird Ave.", "zipCode": "99212"}),
        }
        k = int(rng.random() / RATE)
        if k == 0:
            c["source"] = "Outlook"  # not in the enum
        elif k == 1:
            c["emails"][0]["type"] = "WORK"  # enum is lowercase
        elif k == 2:
            c["emails"][0]["value"] = "not an email"
        elif k == 3 and n > 0:
            c["emails"][0]["value"] = f"user{n - 1}@example.com"  # same email on two contacts
        elif k == 4:
            c["nickname"] = "extra"  # unknown property
        elif k == 5:
            del c["source"]
        out.append(c)
    return {"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contacts": out}


def write(path, doc):
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "out", "data")
    only = set(sys.argv[2:])
    os.makedirs(os.path.join(out, "batch"), exist_ok=True)
    sets = {
        "move-1k": lambda r: move_users(1_000, r),
        "move-100k": lambda r: move_users(100_000, r),
        "move-1m": lambda r: move_users(1_000_000, r),
        "contacts-10k": lambda r: contacts(10_000, r),
        "contacts-100k": lambda r: contacts(100_000, r),
    }
    for name, make in sets.items():
        if only and name not in only:
            continue
        path = os.path.join(out, name + ".json")
        if not os.path.exists(path):
            write(path, make(random.Random(name)))
    if not only or "batch" in only:
        rng = random.Random("batch")
        for i in range(1000):
            path = os.path.join(out, "batch", "%04d.json" % i)
            if not os.path.exists(path):
                write(path, move_users(100, rng))


if __name__ == "__main__":
    main()
