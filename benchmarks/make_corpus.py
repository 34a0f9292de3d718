"""Make a synthetic corpus of work reports in the style of the bundled one, for the scale benchmarks.

Report ``k`` of the corpus is the report of town ``k // 10`` for year ``2026 - k % 10``: the first 10
reports are ten years of one town, the first 100 ten years of ten towns, 1,000 reports a hundred
towns (about one district's worth of towns and subdistricts over ten years, times six).  Each report
is made from ``corpus/wujing-2026.txt`` (after :func:`graph.text.clean`):

* **Recombined sentences.**  Headings stay where they are (so every section keeps its period:
  review, five-year review, plan); the sentences of each top-level section are shuffled and drawn
  again, 1.0-2.0 times as many as the original section has (1.5 on average), and cut into
  paragraphs of the original sizes.  The average report is ~20,000 characters, as in the brief's
  estimate for Shanghai (2,000 reports, some 40 million characters).
* **Renamed entities.**  The bundled report is extracted once; every entity the curated lexicon
  does not know gets, per town, a generated two-character stem in place of its first two
  characters (航电基地一期 -> 澜川基地一期, 纳鸿微球 -> 澜川微球), always the same within a town, so the
  suffixes and contexts the extractor relies on stay and a town's entities recur over its ten
  years.  Stems come from generated name lists (combinations of 48 characters common in Chinese
  place and company names), so two towns sometimes share a name, as real towns share companies.
  Lexicon entities (universities, big companies, clusters) and metro lines keep their names:
  they are what towns really share.
* **The town and the year.**  吴泾 becomes the town's generated name everywhere else, 闵行区 its
  district's, and every year 2016-2035 written as ``NNNN年`` moves with the report's year.
* **A sidecar** ``NAME.meta.yaml`` gives jurisdiction, level and year (graph/reports.py).

Deterministic: the same ``--seed`` gives the same files.

Usage::

    python benchmarks/make_corpus.py OUT_DIR --reports 1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.resources import DEFAULT_REPORT  # noqa: E402
from graph.text.metadata import read_report
from graph.rdf.iri import pinyin_plain  # noqa: E402
from graph.output import write_text  # noqa: E402

YEARS = 10
LAST_YEAR = 2026
# characters common in Chinese place and company names: 48 x 47 ordered pairs = 2,256 stems
NAME_CHARS = "澜川汇宸泓锦瑞衡楚昀岚翠澄沁临溪峻霖沐朗曜璟嘉禾丰泰华星辰翔鹏启恒融通达谷屿港湖源洲晨昊杉桐槐"
DISTRICT_CHARS = "浦嘉松奉崇宝青金虹杨长静徐普闸黄"
_YEAR = re.compile(r"(?<!\d)(20[1-3]\d)(?=年)")


def stems(rng: random.Random, n: int) -> list[str]:
    """``n`` different two-character stems from the generated name list."""
    pool = [a + b for a in NAME_CHARS for b in NAME_CHARS if a != b]
    return rng.sample(pool, n)


def town_name(t: int, seed: int) -> tuple[str, str, str]:
    """(town, level, district) of town ``t``: every 7th town is a subdistrict (街道)."""
    rng = random.Random(f"{seed}-town-{t}")
    stem = stems(rng, 1)[0]
    level = "subdistrict" if t % 7 == 6 else "town"
    district = DISTRICT_CHARS[t % len(DISTRICT_CHARS)] + NAME_CHARS[(t // len(DISTRICT_CHARS)) % len(NAME_CHARS)] + "区"
    return stem + ("街道" if level == "subdistrict" else "镇"), level, district


class Template:
    """The bundled report cut into what the generator recombines and renames."""

    def __init__(self, path: Path = DEFAULT_REPORT):
        from graph.extract.lexicon import load_lexicon
        from graph.extract.pipeline import extract

        report = read_report(path)
        self.text = report.text
        ex = extract(report)
        lexicon = load_lexicon()
        known = set(lexicon.classes) | set(lexicon.aliases)
        # outermost mentions of entities to rename, by sentence: (start, end, canonical)
        spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for e in ex.entities.values():
            if e.name in known or e.cls in ("IndustryCluster", "MetroLine") or not e.name[:2].isalpha():
                continue
            for m in e.mentions:
                if m.rule != "nested:prefix" and m.text[:2].isalpha() and not m.text[:2].isascii():
                    spans[m.sentence].append((m.start, m.end, e.name))
        self.renamed = sorted({c for v in spans.values() for _, _, c in v})
        # sections: heading lines in place, the other lines' sentences to recombine
        self.layout: list[tuple[str, object]] = []  # ("line", text) or ("section", [paragraph sizes], [sentences])
        by_para = defaultdict(list)
        for s in ex.sentences:
            by_para[s.paragraph].append(s)
        section: list = []
        sizes: list[int] = []
        for number, line in enumerate(self.text.split("\n")):
            sentences = by_para.get(number, [])
            heading = re.match(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])", line) and len(line) <= 60
            if heading or not sentences or number < 12:
                if section:
                    self.layout.append(("section", sizes, section))
                    section, sizes = [], []
                self.layout.append(("line", line))
                continue
            sizes.append(len(sentences))
            section.extend(self._pieces(s, spans[s.index]) for s in sentences)
        if section:
            self.layout.append(("section", sizes, section))

    @staticmethod
    def _pieces(sentence, spans) -> list[tuple[str, str | None]]:
        """A sentence as (text, canonical name to rename or None) pieces."""
        out, at = [], sentence.start
        for start, end, canonical in sorted(spans):
            if start < at:
                continue  # overlaps a mention already taken
            out.append((sentence.text[at - sentence.start : start - sentence.start], None))
            out.append((sentence.text[start - sentence.start : end - sentence.start], canonical))
            at = end
        out.append((sentence.text[at - sentence.start :], None))
        return out


def render(template: Template, town: str, district: str, names: dict[str, str], year: int, rng: random.Random) -> str:
    """One synthetic report."""
    shift = year - LAST_YEAR
    town_stem = town[:-2] if town.endswith("街道") else town[:-1]

    def plain(text: str) -> str:
        text = text.replace("闵行区", district).replace("闵行", district[:-1]).replace("吴泾", town_stem)
        return _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)

    def sentence(pieces) -> str:
        return "".join(names[c] + t[2:] if c else plain(t) for t, c in pieces)

    lines: list[str] = []
    for item in template.layout:
        if item[0] == "line":
            lines.append(plain(item[1]))
            continue
        _, sizes, pool = item
        want = round(len(pool) * rng.uniform(1.0, 2.0))
        drawn = rng.sample(pool, len(pool)) + [rng.choice(pool) for _ in range(want - len(pool))]
        i = 0
        while i < len(drawn):
            for size in sizes:
                if i >= len(drawn):
                    break
                lines.append("".join(sentence(p) for p in drawn[i : i + size]))
                i += size
    return "\n".join(lines) + "\n"


def town_names(town: int, seed: int, template: Template) -> dict[str, str]:
    """The stem that replaces the first two characters of each renamed entity in town ``town``."""
    rng = random.Random(f"{seed}-names-{town}")
    return dict(zip(template.renamed, stems(rng, len(template.renamed))))


def renamed(name: str, town: int = 0, seed: int = 7, template: Template | None = None) -> str:
    """What town ``town`` of the corpus calls the bundled report's entity ``name``.

    Lexicon entities, clusters and metro lines keep their names: ``renamed("华东师范大学") == "华东师范大学"``;
    the others get the town's stem, e.g. ``renamed("航电基地一期")`` -> ``"澜川基地一期"`` (the stem varies),
    and so does a name found only at the start of a renamed one (宁德时代 in 宁德时代未来能源研究院).
    """
    template = template or Template()
    names = town_names(town, seed, template)
    longer = [n for n in sorted(names) if n.startswith(name)]
    return names[longer[0]] + name[2:] if longer else name


def make_corpus(out: Path, n: int, seed: int = 7, template: Template | None = None) -> list[Path]:
    """Write reports 0..n-1 (and their sidecars) into ``out``; return the report paths."""
    template = template or Template()
    paths = []
    towns: dict[int, tuple[str, str, str, dict[str, str]]] = {}
    for k in range(n):
        t, year = k // YEARS, LAST_YEAR - k % YEARS
        if t not in towns:
            town, level, district = town_name(t, seed)
            towns[t] = (town, level, district, town_names(t, seed, template))
        town, level, district, names = towns[t]
        text = render(template, town, district, names, year, random.Random(f"{seed}-report-{t}-{year}"))
        slug = f"{pinyin_plain(town)}-{t:03d}-{year}"
        write_text(out / f"{slug}.txt", text)
        write_text(
            out / f"{slug}.meta.yaml",
            f"jurisdiction: {town}\nlevel: {level}\nyear: {year}\n"
            f"source: synthetic, benchmarks/make_corpus.py --seed {seed} (report {k})\n",
        )
        paths.append(out / f"{slug}.txt")
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the reports")
    parser.add_argument("--reports", type=int, default=10, help="number of reports (default 10)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args()
    paths = make_corpus(args.out, args.reports, args.seed)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    print(f"{len(paths)} reports, {chars} characters ({chars // max(1, len(paths))} per report) in {args.out}")


if __name__ == "__main__":
    main()
