#!/usr/bin/env python3
"""Writes src/DiplomacyGraph.Api/Import/FollowTheMoney/ftm-territories.json: FollowTheMoney's own list of country and
territory codes with their names (every ISO 3166-1 alpha-2 code, plus territories such as eu, gb-nir, xk), as the
FollowTheMoney model publishes it in js/src/defaultModel.json (types.country.values, generated there from rigour's
territory data). Only the codes and names are copied; FollowTheMoney is MIT-licensed.

    python3 tools/ftm-territories/generate.py <followthemoney git dir or checkout> [commit]

The commit defaults to HEAD; the file records which one it came from.
"""
import json
import pathlib
import subprocess
import sys

MODEL = "js/src/defaultModel.json"


def main() -> None:
    repo = sys.argv[1]
    commit = sys.argv[2] if len(sys.argv) > 2 else "HEAD"
    git = ["git", f"--git-dir={repo}"] if repo.endswith(".git") or pathlib.Path(repo, "HEAD").exists() else ["git", "-C", repo]
    sha = subprocess.check_output(git + ["rev-parse", commit], text=True).strip()
    model = json.loads(subprocess.check_output(git + ["show", f"{sha}:{MODEL}"]))
    values = model["types"]["country"]["values"]
    out = {
        "origin": f"https://github.com/alephdata/followthemoney/blob/{sha}/{MODEL} (types.country.values)",
        "commit": sha,
        "licence": "MIT License, Copyright (c) 2017-2024 Journalism Development Network, Inc. (followthemoney's LICENSE)",
        "generator": "tools/ftm-territories/generate.py",
        "territories": {code: values[code] for code in sorted(values)},
    }
    target = pathlib.Path(__file__).resolve().parents[2] / "src/DiplomacyGraph.Api/Import/FollowTheMoney/ftm-territories.json"
    target.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target}: {len(values)} territories from {sha}")


if __name__ == "__main__":
    main()
