"""The support matrix table from the platforms' junit XML (written by ``scripts/test --matrix``).

    python3 scripts/matrix_table.py LABEL=out/matrix/debian12.xml LABEL=... [--readme README.md]
        [--out docs/matrix.md]

Writes the table to ``--out`` and between ``<!-- matrix:start -->`` and ``<!-- matrix:end -->``
in the README; exits 1 if a platform has failures or errors or did not produce its XML.
Standard library only: it runs with the host's /usr/bin/python3.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

START, END = "<!-- matrix:start -->", "<!-- matrix:end -->"
COLUMNS = ("Platform", "QGIS", "Qt", "Python", "numpy", "shapely", "pandas", "scipy",
           "passed", "failed", "skipped", "time")


def platform_row(label: str, xml: Path) -> tuple[list[str], bool]:
    """One table row and whether the platform is green."""
    if not xml.is_file():
        return [label, *["–"] * 7, "–", "did not run", "–", "–"], False
    suite = ET.parse(xml).getroot()
    if suite.tag == "testsuites":
        suite = suite[0]
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    tests, skipped = int(suite.get("tests", 0)), int(suite.get("skipped", 0))
    failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    passed = tests - skipped - failed
    name = props.get("os", label)
    row = [name, *(props.get(k, "?") for k in ("qgis", "qt", "python", "numpy", "shapely",
                                               "pandas", "scipy")),
           str(passed), str(failed), str(skipped), f"{float(suite.get('time', 0)) / 60:.1f} min"]
    return row, failed == 0 and tests > 0


def _one_line(bad: ET.Element) -> str:
    """The line of a pytest failure report that says what went wrong."""
    said = [line[1:].strip() for line in (bad.text or "").splitlines() if line.startswith("E ")]
    errors = [line for line in said if re.match(r"[\w.]*(Error|Exception)\b", line)]
    message = (bad.get("message") or "").strip().splitlines() or [""]
    return (errors[-1] if errors else said[0] if said else message[0])[:200]


def failures(xml: Path) -> list[str]:
    """``test id: first line of the error`` for each failed or erroring test."""
    if not xml.is_file():
        return []
    lines = []
    for case in ET.parse(xml).getroot().iter("testcase"):
        for bad in [*case.findall("failure"), *case.findall("error")]:
            path = case.get("classname", "").replace(".", "/") + ".py"
            lines.append(f"- `{path}::{case.get('name')}`"
                         f"{' (in setup)' if bad.tag == 'error' else ''}: {_one_line(bad)}")
    return lines


def table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("platforms", nargs="+", help="LABEL=path/to/junit.xml")
    parser.add_argument("--out", type=Path, default=Path("docs/matrix.md"))
    parser.add_argument("--readme", type=Path, default=Path("README.md"))
    opt = parser.parse_args()
    rows, failed, green = [], [], True
    for item in opt.platforms:
        label, _, path = item.partition("=")
        row, ok = platform_row(label, Path(path))
        rows.append(row)
        green &= ok
        if failures(Path(path)):
            failed += [f"\n### {row[0]} (QGIS {row[1]})\n", *failures(Path(path))]
    day = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    block = (f"{table(rows)}\n\n*Written by `scripts/test --matrix` on {day} "
             "(each platform's whole suite, from its junit XML).*")
    opt.out.write_text("# Support matrix\n\nThe whole test suite on each platform "
                       "(see the README, *Supported QGIS versions*).\n\n" + block + "\n"
                       + ("\n## Failures\n" + "\n".join(failed) + "\n" if failed else ""))
    readme = opt.readme.read_text()
    if START in readme and END in readme:
        readme = re.sub(re.escape(START) + ".*?" + re.escape(END),
                        lambda _: f"{START}\n{block}\n{END}", readme, flags=re.S)
        opt.readme.write_text(readme)
    print(table(rows))
    return 0 if green else 1


if __name__ == "__main__":
    sys.exit(main())
