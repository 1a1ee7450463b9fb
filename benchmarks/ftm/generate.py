#!/usr/bin/env python3
"""A synthetic FollowTheMoney export shaped like OpenSanctions, for the import benchmark (benchmarks/README.md).

Deterministic: the same --entities and --seed give the same bytes. One entity a line, sorted by id as OpenSanctions
exports are (so references point forwards and backwards alike), with datasets, caption, referents, target and the
seen-times. The mix follows OpenSanctions' default collection, rounded: 40 % Person, 25 % Company, 20 % Sanction,
5 % Family, 5 % Ownership, 5 % Directorship. Every reference names an entity of the file.

    python3 benchmarks/ftm/generate.py --entities 1000000 > /tmp/ftm-1m.ndjson
"""
import argparse
import hashlib
import json
import random
import sys

MIX = [("Person", 40), ("Company", 25), ("Sanction", 20), ("Family", 5), ("Ownership", 5), ("Directorship", 5)]
DATASETS = ["us_ofac_sdn", "eu_fsf", "gb_hmt_sanctions", "un_sc_sanctions", "ch_seco_sanctions", "au_dfat_sanctions",
            "ca_dfatd_sema_sanctions", "jp_mof_sanctions", "ua_nsdc_sanctions", "ru_egrul"]
COUNTRIES = ["ru", "ir", "kp", "sy", "ve", "cu", "by", "cn", "us", "gb", "de", "fr", "co", "mx", "ae", "tr"]
GIVEN = ["Alexander", "Maria", "Sergei", "Olga", "Ahmad", "Fatima", "Li", "Wei", "Juan", "Ana", "Dmitri", "Elena", "Omar", "Yusuf", "Ivan"]
FAMILY = ["Ivanov", "Petrova", "Hosseini", "Rahimi", "Zhang", "Wang", "Garcia", "Lopez", "Smirnov", "Kuznetsova", "Haddad", "Khan"]
WORDS = ["Trading", "Holding", "Energy", "Logistics", "Shipping", "Industrial", "Aero", "Capital", "Invest", "Systems", "Metals", "Petro"]
FORMS = ["LLC", "JSC", "Ltd", "GmbH", "FZE", "OOO", "SA"]
PROGRAMS = ["RUSSIA-EO14024", "IRAN-EO13846", "SDGT", "UKRAINE-EO13662", "VENEZUELA-EO13850", "DPRK3"]
AUTHORITIES = ["Office of Foreign Assets Control", "European Union", "HM Treasury", "United Nations Security Council", "State Secretariat for Economic Affairs"]
RELATIONS = ["wife", "husband", "son", "daughter", "brother", "sister", "father", "mother"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entities", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    total = sum(weight for _, weight in MIX)
    counts = {schema: args.entities * weight // total for schema, weight in MIX}
    counts["Person"] += args.entities - sum(counts.values())

    def ident(schema: str, i: int) -> str:
        digest = hashlib.sha1(f"{args.seed}:{schema}:{i}".encode()).hexdigest()[:22]
        return f"NK-{digest}" if schema in ("Person", "Company") else f"ofac-{digest}"

    persons = [ident("Person", i) for i in range(counts["Person"])]
    companies = [ident("Company", i) for i in range(counts["Company"])]
    lines = []

    def seen() -> dict:
        first = f"20{rnd.randint(18, 23)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}T{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:00"
        last = f"2024-05-{rnd.randint(1, 30):02d}T{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:00"
        return {"first_seen": first, "last_seen": "2024-06-01T06:00:00", "last_change": last}

    def entity(eid: str, schema: str, caption: str, properties: dict, target: bool = False) -> None:
        datasets = rnd.sample(DATASETS, rnd.choice([1, 1, 1, 2, 3]))
        record = {"id": eid, "caption": caption, "schema": schema, "properties": properties, "referents": [],
                  "datasets": datasets, "target": target, **seen()}
        lines.append((eid, json.dumps(record, ensure_ascii=False, separators=(",", ":"))))

    for i, eid in enumerate(persons):
        name = f"{rnd.choice(GIVEN)} {rnd.choice(FAMILY)} {i}"
        props = {"name": [name], "alias": [f"{name.upper()}", f"{name.split()[1]}, {name.split()[0]}"][: rnd.randint(0, 2)],
                 "birthDate": [f"19{rnd.randint(40, 99)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"],
                 "nationality": [rnd.choice(COUNTRIES)], "topics": [rnd.choice(["sanction", "role.pep", "role.rca"])]}
        entity(eid, "Person", name, props, target=True)
    for i, eid in enumerate(companies):
        name = f"{rnd.choice(WORDS)} {rnd.choice(WORDS)} {i} {rnd.choice(FORMS)}"
        props = {"name": [name], "jurisdiction": [rnd.choice(COUNTRIES)], "registrationNumber": [str(10**9 + i)],
                 "topics": ["sanction"]}
        entity(eid, "Company", name, props, target=True)
    for i in range(counts["Sanction"]):
        target = rnd.choice(persons) if rnd.random() < 0.6 else rnd.choice(companies)
        props = {"entity": [target], "authority": [rnd.choice(AUTHORITIES)], "program": [rnd.choice(PROGRAMS)],
                 "reason": ["Blocking of property and interests in property."]}
        if rnd.random() < 0.3:
            props["listingDate"] = [f"20{rnd.randint(14, 24)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"]
        entity(ident("Sanction", i), "Sanction", "Sanction", props)
    for i in range(counts["Family"]):
        a, b = rnd.sample(persons, 2)
        entity(ident("Family", i), "Family", "Family", {"person": [a], "relative": [b], "relationship": [rnd.choice(RELATIONS)]})
    for i in range(counts["Ownership"]):
        owner = rnd.choice(persons) if rnd.random() < 0.5 else rnd.choice(companies)
        entity(ident("Ownership", i), "Ownership", "Ownership",
               {"owner": [owner], "asset": [rnd.choice(companies)], "percentage": [str(rnd.randint(1, 100))]})
    for i in range(counts["Directorship"]):
        entity(ident("Directorship", i), "Directorship", "Directorship",
               {"director": [rnd.choice(persons)], "organization": [rnd.choice(companies)], "role": ["Director"]})
    lines.sort(key=lambda line: line[0])
    out = sys.stdout
    for _, line in lines:
        out.write(line)
        out.write("\n")


if __name__ == "__main__":
    main()
