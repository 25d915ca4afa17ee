#!/usr/bin/env python3
"""Generates a large organisation's snapshot and a move-users batch that consults it.

  bench/gen_snapshot.py [OUT]      (default bench/out/data)

Deterministic (fixed seed). Writes, as the list endpoints return them (compact JSON, one
file per page, page sizes as the API pages; shapes of webex-provisioning-facts.md 1.9):
  snapshot/manifest.json                      capturedAt
  snapshot/people-NNNN.json                   100,000 persons, 100 per page (callingData=true)
  snapshot/numbers-NNN.json                   200,000 numbers, 2,000 per page
  snapshot/locations-N.json                   2,000 locations, 500 per page
  snapshot/calling-locations-N.json           1,900 calling locations (the rest not enabled)
  snapshot/licenses.json, callpark-N.json, virtual-extensions-N.json
  snap-batch/0000.json .. 0999.json           1,000 move-users files of 100 users each,
                                              users and locations taken from the snapshot
"""
import base64
import json
import os
import random
import sys

PEOPLE, NUMBERS, LOCATIONS, CALLING = 100_000, 200_000, 2_000, 1_900
ORG = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFiYzJhYS0zZGNjLTExZTUtYTE1Mi1mZTM0ODE5Y2RjOWE"
FIRST = ["John", "Mary", "Ana", "Wei", "Priya", "Olu", "Sven", "Maria", "Ahmed", "Yuki", "Carlos", "Emma"]
LAST = ["Andersen", "Smith", "Garcia", "Chen", "Patel", "Okafor", "Larsen", "Rossi", "Hassan", "Sato"]
CITIES = [("Denver", "CO", "America/Denver"), ("San Jose", "CA", "America/Los_Angeles"),
          ("Chicago", "IL", "America/Chicago"), ("New York", "NY", "America/New_York")]


def wid(kind, n):
    """The same ids as gen.py's wid(): batch files and snapshot agree."""
    uuid = "%08x-%04x-4%03x-8%03x-%012x" % (n & 0xFFFFFFFF, n % 65536, n % 4096, (n * 7) % 4096, n * 2654435761 % (1 << 48))
    return base64.b64encode(f"ciscospark://us/{kind}/{uuid}".encode()).decode().rstrip("=")


def loc_of(p):
    return p % LOCATIONS


def ext_of(p):
    return str(1000 + p // LOCATIONS)  # unique within a location


def e164(n):
    return "+1%03d555%04d" % (200 + n // 10000 % 700, n % 10000)


def person(p, licences):
    first, last = FIRST[p % len(FIRST)], LAST[p // len(FIRST) % len(LAST)]
    item = {"id": wid("PEOPLE", p), "emails": [f"{first.lower()}.{last.lower()}.{p}@example.com"],
            "phoneNumbers": [{"type": "work", "value": "+1 %03d 555 %04d" % (200 + p // 10000 % 700, p % 10000),
                              "primary": True},
                             {"type": "work_extension", "value": "8%03d%s" % (loc_of(p) % 1000, ext_of(p))}],
            "extension": ext_of(p), "locationId": wid("LOCATION", loc_of(p)),
            "displayName": f"{first} {last}", "nickName": first, "firstName": first, "lastName": last,
            "orgId": ORG, "roles": [], "licenses": licences,
            "created": "2024-03-%02dT14:26:16.000Z" % (1 + p % 28), "lastModified": "2026-11-20T08:00:00.000Z",
            "timezone": CITIES[loc_of(p) % len(CITIES)][2], "status": "active",
            "invitePending": "false", "loginEnabled": "true", "type": "person"}
    if p % 50 == 0:  # not a calling user
        for k in ("extension", "locationId"):
            del item[k]
        item["phoneNumbers"] = item["phoneNumbers"][:1]
        item["licenses"] = licences[:1]
    return item


def number(n):
    """Numbers 0..PEOPLE-1 belong to person n; the rest are unassigned or held by others."""
    loc = loc_of(n)
    item = {"phoneNumber": e164(n), "extension": ext_of(n) if n < PEOPLE else "",
            "routingPrefix": "8%03d" % (loc % 1000), "esn": "8%03d%s" % (loc % 1000, ext_of(n)) if n < PEOPLE else "",
            "state": "INACTIVE" if n % 97 == 0 else "ACTIVE", "phoneNumberType": "PRIMARY",
            "mainNumber": n >= PEOPLE and n - PEOPLE < LOCATIONS, "includedTelephonyTypes": "PSTN_NUMBER",
            "tollFreeNumber": False, "isServiceNumber": False,
            "location": {"id": wid("LOCATION", loc), "name": "Site %d" % loc}}
    if n < PEOPLE and n % 50:
        first, last = FIRST[n % len(FIRST)], LAST[n // len(FIRST) % len(LAST)]
        item["owner"] = {"id": wid("PEOPLE", n), "type": "PEOPLE", "firstName": first, "lastName": last}
    elif n >= PEOPLE + LOCATIONS and n % 5 == 0:
        item["owner"] = {"id": wid("PLACE", n), "type": "PLACE", "firstName": "Lobby", "lastName": str(n)}
    return item


def location(loc):
    city, state, tz = CITIES[loc % len(CITIES)]
    return {"id": wid("LOCATION", loc), "name": "Site %d" % loc, "orgId": ORG,
            "address": {"address1": "%d Main St." % (100 + loc), "address2": "Floor %d" % (1 + loc % 9),
                        "city": city, "state": state, "postalCode": "%05d" % (10000 + loc), "country": "US"},
            "timeZone": tz, "preferredLanguage": "en_us", "latitude": "39.7392", "longitude": "-104.9903",
            "notes": "Site %d" % loc}


def calling_location(loc):
    return {"id": wid("LOCATION", loc), "name": "Site %d" % loc, "outsideDialDigit": "9",
            "enforceOutsideDialDigit": True, "routingPrefix": "8%03d" % (loc % 1000),
            "callingLineId": {"name": "Site %d Main" % loc, "phoneNumber": e164(PEOPLE + loc)},
            "e911SetupRequired": False}


def pages(out, stem, key, items, per, width):
    for i in range(0, len(items), per):
        write(os.path.join(out, "%s-%0*d.json" % (stem, width, i // per)), {key: items[i:i + per]})


def write(path, doc):
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))


def move_batch(out, rng):
    """File i moves 100 calling users to location i % CALLING, each with a new extension;
    2% also take a free number of that location; 1% ask for an extension held there (4202)."""
    for i in range(1000):
        target = i % CALLING
        users = []
        for k in range(100):
            j = (i * 100 + k) % (PEOPLE // 50 * 49)
            p = j + j // 49 + 1  # the j-th calling user (every 50th person is not one)
            u = {"userId": wid("PEOPLE", p), "extension": str(5000 + k)}
            r = rng.random()
            if r < 0.01:
                u["extension"] = ext_of(target)  # held in the target location by its person
            elif r < 0.03:
                n = PEOPLE + LOCATIONS + target + LOCATIONS * rng.randrange((NUMBERS - PEOPLE - LOCATIONS) // LOCATIONS)
                if n % 5 and n % 97:  # unassigned and ACTIVE (see number())
                    u["phoneNumber"] = e164(n)
            users.append(u)
        doc = {"usersList": [{"locationId": wid("LOCATION", target), "validate": False, "users": users}]}
        with open(os.path.join(out, "%04d.json" % i), "w") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "out", "data")
    snap, batch = os.path.join(out, "snapshot"), os.path.join(out, "snap-batch")
    rng = random.Random("snapshot")
    if not os.path.exists(os.path.join(snap, "manifest.json")):
        os.makedirs(snap, exist_ok=True)
        lic = [wid("LICENSE", 1), wid("LICENSE", 2), wid("LICENSE", 3)]
        write(os.path.join(snap, "licenses.json"), {"items": [
            {"id": lic[0], "name": "Meeting - Webex Enterprise", "totalUnits": 200000, "consumedUnits": 100000},
            {"id": lic[1], "name": "Webex Calling - Professional", "totalUnits": 120000, "consumedUnits": 98000},
            {"id": lic[2], "name": "Messaging", "totalUnits": 200000, "consumedUnits": 100000}]})
        pages(snap, "people", "items", [person(p, lic[:2]) for p in range(PEOPLE)], 100, 4)
        pages(snap, "numbers", "phoneNumbers", [number(n) for n in range(NUMBERS)], 2000, 3)
        pages(snap, "locations", "items", [location(loc) for loc in range(LOCATIONS)], 500, 1)
        pages(snap, "calling-locations", "locations", [calling_location(loc) for loc in range(CALLING)], 1000, 1)
        pages(snap, "callpark", "callParkExtensions",
              [{"id": wid("CALL_PARK_EXTENSION", k), "name": "Park %d" % k, "extension": str(3000 + k // LOCATIONS),
                "routingPrefix": "8%03d" % (k % 1000), "esn": "8%03d%d" % (k % 1000, 3000 + k // LOCATIONS),
                "locationName": "Site %d" % (k % LOCATIONS), "locationId": wid("LOCATION", k % LOCATIONS)}
               for k in range(4000)], 1000, 1)
        pages(snap, "virtual-extensions", "virtualExtensions",
              [{"id": wid("VIRTUAL_EXTENSION", k), "extension": str(4000 + k // LOCATIONS), "firstName": "Virtual",
                "lastName": str(k), "displayName": "Virtual %d" % k, "level": "LOCATION" if k % 10 else "ORGANIZATION",
                "locationId": wid("LOCATION", k % LOCATIONS), "locationName": "Site %d" % (k % LOCATIONS),
                "phoneNumber": ""} for k in range(2000)], 1000, 1)
        write(os.path.join(snap, "manifest.json"), {"capturedAt": "2026-12-05T08:00:00Z"})
    if not os.path.exists(os.path.join(batch, "0999.json")):
        os.makedirs(batch, exist_ok=True)
        move_batch(batch, rng)


if __name__ == "__main__":
    main()
