#!/usr/bin/env python3
"""Generates the mixed batch: 1,000 files that cycle through every operation wxlint lints,
each a request of a realistic size, most of them with a defect or two (deterministic, fixed seed).

    bench/gen_mixed.py [OUT]     (default bench/out/data/mixed)

Requests of operations detected by shape (move users, bulk contacts, the numbers job) are bare
payloads; the others are example envelopes (operationId), as a pipeline would hand them over
with --operation or a mapping. To add an operation, add a maker to MAKERS.
"""
import os
import random
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen import contacts, move_users, wid, write  # noqa: E402

URN = "urn:cisco:codev:identity:contact:core:1.0"
ZONES = ["America/Chicago", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "America/Chicgo"]


def raw_uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def envelope(op, method, path, example):
    return {"operationId": op, "method": method, "path": path, "summary": op,
            "requestExamples": [{"contentType": "application/json", "example": example}]}


def one_contact(rng, n):
    c = contacts(1, rng)["contacts"][0]
    c["displayName"] = f"Contact {n}"
    if rng.random() < 0.2:
        c["phoneNumbers"][0]["value"] = "408 555 %04d" % (n % 10000)  # not E.164 (a warning)
    return dict({"schemas": URN}, **c)


def numbers(rng, count, base):
    out = ["+1%010d" % (base + i) for i in range(count)]
    if rng.random() < 0.3:
        out[rng.randrange(count)] = "408-555-0100"  # not E.164
    return out


def create_contact(rng, n):
    return envelope("Create a Contact", "POST", f"/contacts/organizations/{raw_uuid(rng)}/contacts", one_contact(rng, n))


def update_contact(rng, n):
    c = one_contact(rng, n)
    c["phoneNumbers"].append({"value": "+1408%07d" % n, "type": "work", "operation": "delete"})
    return envelope("Update a Contact", "PATCH", f"/contacts/organizations/{raw_uuid(rng)}/contacts/{raw_uuid(rng)}", c)


def bulk_delete(rng, n):
    ids = [raw_uuid(rng) for _ in range(100)]
    if rng.random() < 0.3:
        ids[5] = ids[4]  # a repeated id
    return envelope("Bulk Delete Contacts", "POST", f"/contacts/organizations/{raw_uuid(rng)}/contacts/bulk/delete",
                    {"schemas": URN, "objectIds": ids})


def add_numbers(rng, n):
    mobile = rng.random() < 0.2
    body = {"phoneNumbers": numbers(rng, 25 if mobile else 20, 4085550000 + n * 100), "numberType": "MOBILE" if mobile else "DID",
            "numberUsageType": "NONE", "state": "ACTIVE"}
    return envelope("Add Phone Numbers to a location", "POST", f"/telephony/config/locations/{wid('LOCATION', n)}/numbers", body)


def numbers_job(rng, n):
    body = {"operation": "MOVE", "targetLocationId": wid("LOCATION", n + 1),
            "numberList": [{"locationId": wid("LOCATION", n), "numbers": numbers(rng, 50, 4085550000 + n * 100)},
                           {"locationId": wid("LOCATION", n + 2), "numbers": numbers(rng, 50, 4085560000 + n * 100)}]}
    if rng.random() < 0.2:
        del body["targetLocationId"]
    return body


def create_location(rng, n):
    return envelope("createLocation", "POST", "/locations", {
        "name": f"Site {n}" if rng.random() < 0.9 else "Site %d, Building 4 of the Technology Center of the Region North West, Floor 2, East Wing" % n,
        "timeZone": rng.choice(ZONES), "announcementLanguage": "en_us", "preferredLanguage": "en_us",
        "address": {"address1": f"{n} Main St.", "city": "Supercity", "state": "CO", "postalCode": "80202",
                    "country": "US" if rng.random() < 0.9 else "USA"},
        "notes": "generated"})


def create_workspace(rng, n):
    ws = {"displayName": f"Room {n}", "locationId": wid("LOCATION", n), "type": "meetingRoom", "capacity": 6,
          "calling": {"type": "webexCalling", "webexCalling": {"phoneNumber": "+1408%07d" % n, "extension": str(3000 + n % 1000)}}}
    if rng.random() < 0.2:
        ws.update(hotdeskingStatus="on", supportedDevices="phones")  # hot desk only, with a number: an error
    return envelope("createWorkspace", "POST", "/workspaces", ws)


CALLING, MEETING = wid("LICENSE", 1), wid("LICENSE", 2)


def person(rng, n):
    """A Webex Calling person as Create and Update a Person take it (people in 50 locations)."""
    p = {"emails": [f"person{n}@example.com"], "displayName": f"Person {n}", "firstName": "First%d" % n,
         "lastName": "Last%d" % n, "phoneNumbers": [{"type": "work", "value": "+1408%07d" % n}],
         "extension": str(2000 + n % 1000), "locationId": wid("LOCATION", n % 50), "licenses": [CALLING, MEETING],
         "department": "Sales", "title": "Engineer", "managerId": wid("PEOPLE", n + 1),
         "addresses": [{"type": "work", "country": "US", "locality": "Milpitas", "region": "California",
                        "streetAddress": "1099 Bird Ave.", "postalCode": "99212"}]}
    r = rng.random()
    if r < 0.2:
        p["phoneNumbers"][0]["value"] = "408 555 %04d" % (n % 10000)  # not E.164 (a warning)
    elif r < 0.3:
        del p["licenses"]  # a calling person without licenses (an error)
    return p


def create_person(rng, n):
    return envelope("Create a Person", "POST", "/people", person(rng, n))


def update_person(rng, n):
    p = person(rng, n)
    if rng.random() < 0.15:
        del p["displayName"]  # a PUT replaces the whole person (an error)
    return envelope("Update a Person", "PUT", f"/people/{wid('PEOPLE', n)}", p)


def assign_licenses(rng, n):
    props = {"locationId": wid("LOCATION", n % 50), "extension": str(2000 + n % 1000)}
    if rng.random() < 0.2:
        props = {"locationId": props["locationId"]}  # neither phoneNumber nor extension (an error)
    return envelope("Assign_Licenses_to_Users", "PATCH", "/licenses/users",
                    {"personId": wid("PEOPLE", n), "licenses": [{"id": CALLING, "operation": "add", "properties": props},
                                                                {"id": MEETING}]})


def scim_bulk(rng, n):
    ops = []
    for i in range(50):
        user = {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": f"user{n}-{i}@example.com",
                "name": {"givenName": f"First{i}", "familyName": f"Last{i}"}, "displayName": f"User {n}-{i}", "active": True,
                "emails": [{"value": f"user{n}-{i}@example.com", "type": "work", "primary": True}]}
        ops.append({"method": "POST", "path": "/Users", "bulkId": f"b{n}-{i}", "data": user})
    if rng.random() < 0.2:
        del ops[3]["bulkId"]  # POST without bulkId (an error)
    return envelope("User bulk API", "POST", f"/identity/scim/{raw_uuid(rng)}/v2/Bulk",
                    {"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "failOnErrors": 10, "operations": ops})


MAKERS = [
    ("move-users", lambda rng, n: move_users(100, rng)),
    ("bulk-contacts", lambda rng, n: contacts(100, rng)),
    ("create-contact", create_contact),
    ("update-contact", update_contact),
    ("bulk-delete-contacts", bulk_delete),
    ("add-numbers", add_numbers),
    ("numbers-job", numbers_job),
    ("create-location", create_location),
    ("create-workspace", create_workspace),
    ("create-person", create_person),
    ("update-person", update_person),
    ("assign-licenses", assign_licenses),
    ("scim-bulk", scim_bulk),
]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "out", "data", "mixed")
    os.makedirs(out, exist_ok=True)
    rng = random.Random("mixed")
    names = {"%04d-%s.json" % (i, MAKERS[i % len(MAKERS)][0]) for i in range(1000)}
    for stale in set(os.listdir(out)) - names:  # files of an older MAKERS list
        if stale.endswith(".json"):
            os.remove(os.path.join(out, stale))
    for i in range(1000):
        name, make = MAKERS[i % len(MAKERS)]
        path = os.path.join(out, "%04d-%s.json" % (i, name))
        doc = make(rng, i)  # always called, so the sequence stays the same when files exist
        if not os.path.exists(path):
            write(path, doc)


if __name__ == "__main__":
    main()
