#!/usr/bin/env python3
"""Synthetic GDELT 2.0 Events exports, built from the codebook's 61 columns (gdelt2-event-columns.txt).

  python3 generate.py                      # the test fixture: fixture.export.CSV, fixture-update.export.CSV, fixture.expected.json
  python3 generate.py --rows 150000 --out /tmp/day.export.CSV   # a synthetic day for the benchmark (benchmarks/gdelt.sh)

The fixture is 200 rows whose make-up is decided here, not by the importer, and written to fixture.expected.json:
rows imported, rows of the CAMEO roots PLOVER drops (01, 02), and bad rows by the reason the import must give. Every
column type is filled (ids, dates, CAMEO actor/type/event codes, FIPS geo codes, integers, reals, URLs) and some left
empty as GDELT leaves them (missing actors, missing geo). Deterministic: the same files on every run.
"""
import argparse
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = [line.split("\t")[1].strip() for line in open(os.path.join(HERE, "gdelt2-event-columns.txt")) if line.strip()]
assert len(COLUMNS) == 61, len(COLUMNS)

# CAMEO codes PLOVER maps, from the table the import embeds (the fixture's copy), without roots 01 and 02.
TABLE = os.path.join(HERE, "..", "plover", "CAMEO2PLOVER-2021.txt")
CODES = sorted({line.split(":")[0].strip() for line in open(TABLE)
                if ":" in line and line.split(":")[0].strip().isdigit() and len(line.split(":")[0].strip()) >= 3})
DROPPED = ["010", "011", "012", "013", "014", "015", "016", "017", "018", "019", "020", "021", "0211", "022", "023", "024", "025", "026", "027", "028"]
# Codes whose table mode or context the current manual lacks (kept as originalMode): THREATEN ban, ASSAULT pro_autocracy.
ORIGINAL_MODE_CODES = ["1322", "175"]

COUNTRIES = [("USA", "UNITED STATES", "US"), ("CHN", "CHINA", "CH"), ("RUS", "RUSSIA", "RS"), ("COL", "COLOMBIA", "CO"),
             ("VEN", "VENEZUELA", "VE"), ("FRA", "FRANCE", "FR"), ("GBR", "UNITED KINGDOM", "UK"), ("DEU", "GERMANY", "GM"),
             ("IRN", "IRAN", "IR"), ("UKR", "UKRAINE", "UP"), ("BRA", "BRAZIL", "BR"), ("MEX", "MEXICO", "MX"),
             ("IND", "INDIA", "IN"), ("JPN", "JAPAN", "JA"), ("ZAF", "SOUTH AFRICA", "SF")]
# Actors without a country: named actors (IGOs, groups), and a regional code that names no country.
NAMED = [("IGOUNO", "UNITED NATIONS", "", "IGO"), ("IGOEUREEC", "EUROPEAN COMMISSION", "", "IGO"),
         ("NGOAMN", "AMNESTY INTERNATIONAL", "", "NGO"), ("AFR", "AFRICA", "AFR", ""), ("IGONAT", "NATO", "", "IGO")]
TYPES = ["GOV", "MIL", "REB", "COP", "CVL", "BUS", "MED", "LEG", "JUD", "OPP", "IGO", "NGO", "ELI", ""]


def actor(rng, country=None, named=None, type1=None):
    """The ten actor columns: code, name, country, known group, ethnic, religion 1 and 2, type 1 to 3."""
    if named:
        code, name, cc, t = named
        return [code, name, cc, "", "", "", "", t, "", ""]
    alpha3, name, _ = country
    t = rng.choice(TYPES) if type1 is None else type1
    return [alpha3 + t, name, alpha3, "", rng.choice(["", "", "ara"]), rng.choice(["", "", "CHR"]), "", t, rng.choice(["", "ELI"]), ""]


def no_actor():
    return [""] * 10


def geo(rng, country, feature):  # noqa: ARG001 (the row's country; the place's own comes from its id)
    """Geo columns: type (1 country … 4 world city), full name, FIPS country, ADM1, ADM2, lat, long, feature id."""
    # One feature is one place: its country, kind and coordinates follow from its id, whichever row names it.
    country = COUNTRIES[feature % len(COUNTRIES)]
    _, name, fips = country
    spot = random.Random(feature)
    kind = spot.choice([1, 3, 4])
    lat, lon = round(spot.uniform(-60, 70), 4), round(spot.uniform(-170, 170), 4)
    full = name.title() if kind == 1 else f"Place {feature}, {name.title()}"
    return [str(kind), full, fips, fips + "0" + str(feature % 9), "", str(lat), str(lon), str(feature) if kind != 1 else fips]


def no_geo():
    return ["0", "", "", "", "", "", "", ""]


def row(rng, event_id, code, a1, a2, action, url, date="20240602", added="20240603120000", mentions=None):
    quad = {"03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3, "11": 3, "12": 3, "13": 3, "14": 3}.get(code[:2], 4)
    goldstein = round(rng.uniform(-10, 10), 1)
    m = rng.randint(1, 40) if mentions is None else mentions
    cols = [str(event_id), date, date[:6], date[:4], f"{date[:4]}.{int(date[4:6]) * 8 + 1:04d}"]
    cols += a1 + a2
    cols += [rng.choice(["0", "1"]), code, code[:3], code[:2], str(quad), str(goldstein), str(m), str(max(1, m // 4)), str(m), str(round(rng.uniform(-12, 8), 6))]
    a1geo = action if a1[0] else no_geo()
    a2geo = action if a2[0] else no_geo()
    cols += a1geo + a2geo + action + [added, url]
    assert len(cols) == 61, len(cols)
    return cols


def fixture():
    rng = random.Random(19)
    urls = [f"https://news{n % 7}.example.org/world/2024/06/02/story-{n}" for n in range(60)]
    rows, expected = [], {"rows": 200, "events": 0, "dropped": {"01": 0, "02": 0}, "skipped": {}, "eventIds": [], "badLines": {}}
    next_id = 1_200_000_000

    def add(cols, kind, reason=None):
        rows.append(cols)
        line = len(rows)
        if kind == "event":
            expected["events"] += 1
            expected["eventIds"].append(cols[0])
        elif kind == "dropped":
            expected["dropped"][cols[26][:2]] += 1
        else:
            expected["skipped"][reason] = expected["skipped"].get(reason, 0) + 1
            expected["badLines"][str(line)] = reason

    for n in range(160):
        next_id += 1
        c1, c2 = rng.sample(COUNTRIES, 2)
        code = ORIGINAL_MODE_CODES[n % 2] if n < 4 else rng.choice(CODES)
        action = geo(rng, c1, 1000 + n % 40) if n % 5 else no_geo()
        if n % 20 == 7:
            a1, a2 = actor(rng, named=NAMED[(n // 20) % len(NAMED)]), actor(rng, c2)
        elif n % 20 == 11:
            a1, a2 = actor(rng, c1), no_actor()
        elif n % 20 == 13:
            a1, a2 = no_actor(), actor(rng, c2)
        else:
            a1, a2 = actor(rng, c1), actor(rng, c2)
        add(row(rng, next_id, code, a1, a2, action, urls[n % len(urls)]), "event")
    for n in range(18):
        next_id += 1
        c1, c2 = rng.sample(COUNTRIES, 2)
        add(row(rng, next_id, DROPPED[n % len(DROPPED)] if n < 10 else DROPPED[10 + n % 10], actor(rng, c1), actor(rng, c2), geo(rng, c1, 2000 + n), rng.choice(urls)), "dropped")
    for n in range(6):
        next_id += 1
        add(row(rng, next_id, rng.choice(CODES), no_actor(), no_actor(), geo(rng, COUNTRIES[0], 3000 + n), rng.choice(urls)), "bad", "no-actor")
    for code in ["210", "2199", "99", "000"]:
        next_id += 1
        c1, c2 = rng.sample(COUNTRIES, 2)
        add(row(rng, next_id, code, actor(rng, c1), actor(rng, c2), no_geo(), rng.choice(urls)), "bad", "unknown-code")
    # Malformed rows, one per column type: a value a column cannot hold, or the wrong number of columns.
    breakers = [
        lambda c: c[:60],                                    # 60 columns
        lambda c: c + ["extra"],                             # 62 columns
        lambda c: ["12X"] + c[1:],                           # GLOBALEVENTID not a number
        lambda c: c[:1] + ["20241332"] + c[2:],              # SQLDATE not a date
        lambda c: c[:26] + ["ABC"] + c[27:],                 # EventCode not digits
        lambda c: c[:29] + ["7"] + c[30:],                   # QuadClass out of 1..4
        lambda c: c[:30] + ["11.5"] + c[31:],                # GoldsteinScale out of -10..10
        lambda c: c[:31] + ["many"] + c[32:],                # NumMentions not a whole number
        lambda c: c[:34] + ["NaN"] + c[35:],                 # AvgTone not a finite number
        lambda c: c[:56] + ["95.0"] + c[57:],                # ActionGeo_Lat out of range
        lambda c: c[:59] + ["2024-06-03"] + c[60:],          # DATEADDED not YYYYMMDDHHMMSS
        lambda c: c[:60] + [""],                             # SOURCEURL missing
    ]
    for breaker in breakers:
        next_id += 1
        c1, c2 = rng.sample(COUNTRIES, 2)
        add(breaker(row(rng, next_id, rng.choice(CODES), actor(rng, c1), actor(rng, c2), geo(rng, c1, 4000), rng.choice(urls))), "bad", "malformed")
    assert len(rows) == 200, len(rows)
    # Interleave bad and dropped rows with good ones (deterministically), as a real file has them.
    order = list(range(200))
    rng.shuffle(order)
    shuffled = [rows[i] for i in order]
    expected["badLines"] = {str(order.index(int(line) - 1) + 1): reason for line, reason in expected["badLines"].items()}
    write(os.path.join(HERE, "fixture.export.CSV"), shuffled)
    # A later file: three of the events again, with more mentions, added 15 minutes later.
    good = [r for r in shuffled if r[0] in set(expected["eventIds"][:3])]
    update = []
    for cols in good:
        cols = list(cols)
        cols[31] = str(int(cols[31]) + 100)
        cols[33] = str(int(cols[33]) + 100)
        cols[59] = "20240603121500"
        update.append(cols)
    write(os.path.join(HERE, "fixture-update.export.CSV"), update)
    expected["updated"] = {cols[0]: int(cols[31]) for cols in update}
    with open(os.path.join(HERE, "fixture.expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


def day(rows, out):
    """A synthetic day: about as many distinct articles, places and named actors per row as a real GDELT day."""
    rng = random.Random(150_000)
    urls = max(1, rows // 4)
    places = max(1, rows // 10)
    with open(out, "w", newline="") as f:
        for n in range(rows):
            c1, c2 = rng.sample(COUNTRIES, 2)
            r = rng.random()
            code = rng.choice(DROPPED) if r < 0.08 else rng.choice(CODES)
            a1 = actor(rng, named=rng.choice(NAMED)) if r > 0.95 else actor(rng, c1)
            a2 = no_actor() if 0.85 < r <= 0.9 else actor(rng, c2)
            action = geo(rng, c1, 10_000 + rng.randrange(places)) if r > 0.1 else no_geo()
            url = f"https://news{n % 50}.example.org/{rng.randrange(urls)}"
            f.write("\t".join(row(rng, 900_000_000 + n, code, a1, a2, action, url)) + "\n")


def write(path, rows):
    with open(path, "w", newline="") as f:
        for cols in rows:
            f.write("\t".join(cols) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int)
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.rows:
        day(args.rows, args.out or "day.export.CSV")
    else:
        fixture()
