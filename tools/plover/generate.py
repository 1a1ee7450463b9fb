#!/usr/bin/env python3
"""Writes src/DiplomacyGraph.Storage/Vocabulary/plover.json: PLOVER's event types (with their quad category, whether
they need a recipient, their definition and their modes), general contexts, auxiliary modes and sector codes, read
from PLOVER_MANUAL.tex in openeventdata/PLOVER (CC BY-SA 4.0). Definitions are the manual's own words with LaTeX
markup removed. The hand-written mapping of older PLOVER values is plover-legacy.json, not this file.

    python3 tools/plover/generate.py <PLOVER git dir or checkout> [commit]
"""
import json
import pathlib
import re
import subprocess
import sys

MANUAL = "PLOVER_MANUAL.tex"
QUADS = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3, "MATERIAL CONFLICT": 4}


def plain(tex: str) -> str:
    tex = re.sub(r"\\(?:plcat|plcon|plmod|txt|texttt|textit|emph|ti|textbf)\{([^}]*)\}", r"\1", tex)
    tex = re.sub(r"\\hyperref\[[^\]]*\]\{([^}]*)\}", r"\1", tex)
    tex = re.sub(r"\\(?:ref|autoref|label|cite|citep|citet)\{[^}]*\}", "", tex)
    tex = re.sub(r"\\url\{([^}]*)\}", r"\1", tex)
    tex = tex.replace("\\_", "_").replace("---", "—").replace("--", "–").replace("``", "“").replace("''", "”")
    tex = tex.replace("\\ldots", "…").replace("\\dots", "…").replace("\\$", "$").replace("\\&", "&").replace("~", " ")
    tex = re.sub(r"\$[^$]*\$", lambda m: m.group(0).strip("$").replace("+", " + "), tex)
    tex = re.sub(r"\\[a-zA-Z]+\*?", "", tex).replace("{", "").replace("}", "")
    return re.sub(r"\s+", " ", tex).strip().rstrip("\\").strip()


def table_rows(block: str):
    body = block.split("\\hline", 2)[-1] if block.count("\\hline") >= 2 else block
    for line in re.split(r"\\\\", body):
        line = line.replace("\\hline", "").strip()
        if "&" not in line or line.startswith("%"):
            continue
        name, content = line.split("&", 1)
        name = plain(name)
        if name and name != "Name":
            yield name, plain(content)


def main() -> None:
    repo = sys.argv[1]
    commit = sys.argv[2] if len(sys.argv) > 2 else "HEAD"
    git = ["git", f"--git-dir={repo}"] if repo.endswith(".git") or pathlib.Path(repo, "HEAD").exists() else ["git", "-C", repo]
    sha = subprocess.check_output(git + ["rev-parse", commit], text=True).strip()
    tex = subprocess.check_output(git + ["show", f"{sha}:{MANUAL}"], text=True)
    tex = "\n".join(line for line in tex.splitlines() if not line.lstrip().startswith("%"))
    chapter = tex.split("\\chapter{Event Categories}", 1)[1].split("\\chapter{", 1)[0]
    types = []
    for section in re.split(r"\\section\{", chapter)[1:]:
        name, body = section.split("}", 1)
        opening = body.split("\\subsection", 1)[0]
        definition = plain(opening.split("\\begin{itemize}", 1)[0])
        if not definition:  # ACCUSE opens with a list of what it covers
            items = opening.split("\\end{itemize}", 1)[0].split("\\item")[1:]
            definition = "; ".join(plain(item) for item in items)
        quad = re.search(r"Quad category: ([A-Z ]+)\}", body).group(1).strip()
        recipient = re.search(r"Requires recipient: (Yes|No)", body).group(1) == "Yes"
        modes = []
        for table in re.findall(r"\\begin\{table\}(.*?)\\end\{table\}", body, re.S):
            if "mode" in table.lower():
                modes += [{"name": n, "definition": d} for n, d in table_rows(table.split("\\begin{tabular}", 1)[1].split("\\end{tabular}", 1)[0])]
        types.append({"name": name, "quadClass": QUADS[quad], "requiresRecipient": recipient, "definition": definition, "modes": modes})
    contexts_table = tex.split("\\label{tab:general-contexts}", 1)[1].split("\\end{longtable}", 1)[0].split("\\endlastfoot", 1)[1]
    contexts = [{"name": n, "definition": d} for n, d in table_rows("\\hline\\hline" + contexts_table)]
    auxiliary_section = tex.split("\\section{Auxiliary modes}", 1)[1].split("\\section{", 1)[0]
    auxiliary = [{"name": plain(n), "example": plain(e)} for n, e in re.findall(r"\\item \\plcon\{([^}]*)\}: (.*)", auxiliary_section)]
    sectors_table = tex.split("\\label{tab:roles}", 1)[1].split("\\end{longtable}", 1)[0]
    sectors = [{"code": n, "definition": d} for n, d in table_rows("\\hline\\hline" + sectors_table) if re.fullmatch(r"[A-Z]{3}", n)]
    out = {
        "origin": f"https://github.com/openeventdata/PLOVER/blob/{sha}/{MANUAL}",
        "commit": sha,
        "licence": "CC BY-SA 4.0 (Creative Commons Attribution-ShareAlike 4.0 International), as the PLOVER manual states; "
                   "the definitions below are the manual's words",
        "generator": "tools/plover/generate.py",
        "quadClasses": [{"code": 1, "name": "verbal cooperation"}, {"code": 2, "name": "material cooperation"},
                        {"code": 3, "name": "verbal conflict"}, {"code": 4, "name": "material conflict"}],
        "types": types,
        "contexts": contexts,
        "auxiliaryContexts": auxiliary,
        "sectors": sectors,
    }
    target = pathlib.Path(__file__).resolve().parents[2] / "src/DiplomacyGraph.Storage/Vocabulary/plover.json"
    target.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target}: {len(types)} types, {sum(len(t['modes']) for t in types)} modes, {len(contexts)} contexts, "
          f"{len(auxiliary)} auxiliary, {len(sectors)} sectors from {sha}")


if __name__ == "__main__":
    main()
