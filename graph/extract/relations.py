"""Relations from sentence and paragraph structure, as real prose states them (plain Python, no spaCy).

Each rule reads one sentence (for industry topics, its paragraph) with the entity mentions found
in it and says which fact it supports (``tests/data/gold/GUIDE.md``, "Relations", defines them):

* names inside names, wherever they stand: an owner at the start runs the rest
  (深圳大学龙岗创新研究院 -> 深圳大学, 天津大学佐治亚理工深圳学院 -> both), a park inside places it
  (前海桂湾风投创投集聚区 -> 前海), an industry inside a park's, platform's or fund's name is what it
  serves (集成电路产业园 -> 集成电路), and an enterprise's project names the enterprise's industry
  (世纪晶源化合物半导体 -> 世纪晶源 in 化合物半导体);
* ``locatedIn``: ``X落户/入驻/落地/进驻/位于P``; ``在P建设/设立/布局X``; ``P内/P的X``; ``P引进X``;
  ``依托P，引进/建设X``; parks ``纳入P``;
* ``inCluster``: a ``民用航空方面，…`` topic that runs to the next topic; the one industry of a sentence;
  ``A、B等C企业`` / ``华侨城等文化创意园`` (the head names the industry); ``发挥A、B等企业作用，发展壮大C、D``,
  ``依托P，发展/招引C``, ``P重点发展/聚焦C``, ``加快P建设，聚焦C``, ``打造P为C基地`` (what a park or
  its firms develop); ``聚焦C，打造X``;
* ``cooperatesWith``: ``A与B合作/合资/共建/签约/重组``; ``A、B联合设立P``;
* ``affiliatedWith``: ``A设立P``, ``A牵头组建P``, ``依托A建设P``, ``A投资建设P``, ``A与B合资建设P``.

Milestones are :mod:`graph.extract.milestones`'.
"""

from __future__ import annotations

import re
from collections import defaultdict

from graph.extract.lexicon import Lexicon
from graph.extract.milestones import clause_milestones
from graph.model import (
    Entity,
    Mention,
    Milestone,
    Relation,
    Report,
    Sentence,
    top_class,
)

__all__ = ["find_relations"]

_MEMBER_CLASSES = ("Enterprise", "Platform", "ResearchInstitute", "Fund", "Park")
#: Who runs or owns a platform, institute, fund, campus or project (GUIDE.md: affiliatedWith).
_OWNER_CLASSES = ("University", "Enterprise", "ResearchInstitute")
_RUN_CLASSES = ("Platform", "ResearchInstitute", "Fund", "University", "Project")
#: What a university runs among the projects named after it (深圳大学总医院二期, 南方科技大学附属医院;
#: not 上海交大博士生公寓, a building for it).
_UNIVERSITY_RUNS = ("医院", "学院", "校区", "研究生院", "附属", "分校", "研究院", "实验室")
#: The characters of a place that may stand before an owner's name in a name (深圳 in 深圳清华大学研究院).
_PLACE_BEFORE_OWNER = 2
#: Who sets up what it runs (A设立P, A牵头组建P, 依托A建设P): a platform names its owner only in its name.
_FOUNDER_CLASSES = ("University", "Enterprise", "ResearchInstitute")
#: Whose name says the industry it serves (集成电路产业园, 细胞与基因产业基金); a firm or a project
#: with an industry in its name is not said to be of it (省数据集团, 南山体育中心).
_NAMED_FOR_INDUSTRY = ("Park", "Platform", "Fund")
#: What can be located in a park.
_LOCATED_CLASSES = ("Enterprise", "Platform", "ResearchInstitute", "Fund", "Project", "Park", "University")
#: How the name of a part of a zone ends (前海蛇口片区, 河套深港科技创新合作区深圳园区).
_PART_OF_ZONE = ("片区", "园区", "分区", "分园", "区块", "组团")
#: X<verb>P: X settles in park P.
_SETTLE_VERBS = ("落地", "落户", "入驻", "进驻", "位于", "建于", "选址", "扎根", "签约落户", "相继落地", "成功落户")
#: 在P<verb>X / 依托P<verb>X: X is built or brought into park P.
_BUILD_VERBS = ("建设", "设立", "布局", "打造", "建成", "落地", "引进", "新建", "开工", "成立", "组建", "培育", "集聚")
#: Words of cooperation after ``A与B`` (GUIDE.md: cooperatesWith).
_COOPERATION = re.compile(r"合作|合资|协同|共建|签约|签署|重组|联合|携手|互联互通")
#: A<verb>P: A runs the platform, institute, fund or project P it sets up.
_FOUNDING = re.compile(
    r"牵头(?:组建|建设|成立|设立|申报|承建)|(?:联合|共同|合作)(?:设立|成立|组建|共建|建设)|共建|投资(?:建设|兴建)|设立|组建"
)
#: After ``A与B``: they build what follows together (A与B合资建设P, A与B共建P).
_BUILT_TOGETHER = re.compile(r"合资|共建|(?:联合|共同|合作)(?:建设|设立|成立|组建)")
#: Verbs whose object is an industry that the park or firms of the sentence develop.
_DEVELOP = re.compile(
    r"(?:重点|大力|加快|积极|着力|优先)?(?:发展壮大|发展|壮大|培育|做强做大|做大做强|做强|做大|做优|聚焦|布局|集聚|引育|"
    r"招引|深耕|主攻|瞄准|打造|形成|构建)"
)
#: After a park: the industries it is built around (P以A、B为主导产业).
_LEADS_WITH = re.compile(r"^(?:以|将)$")
_LED_BY = re.compile(r"^(?:等[^，。；]{0,4}?)?(?:产业|行业|领域)?为(?:主导|特色|核心|重点|支柱|龙头|引领)")
#: After the industries of a list, a development verb that takes them as its object (…等产业培育力度).
_DEVELOPED_AFTER = re.compile(r"^(?:等[^，。；]{0,6}?)?(?:产业|企业|领域|行业)?(?:的)?(?:引进培育|培育|发展|引育|集聚|布局)")
#: Before such a list: a verb that opens it (加大…, 加强…, 推动…).
_OPENING = re.compile(r"(?:加大|加强|推动|促进|支持|强化|推进|加快)[^，。；]{0,4}$")
#: An enumeration's head after the industry that types it: A、B等集成电路企业, 华侨城等文化创意园.
_INDUSTRY_HEAD = re.compile(
    r"^(?:产业|行业|领域)?(?:龙头|骨干|重点|头部|领军|链主)?(?:企业|集团|公司|园区|产业园|园|基地|集聚区|项目)"
)
#: A sentence that opens on the firms or parks it builds on: 发挥A、B等企业作用, 依托P.
_ANCHOR = ("依托", "发挥", "依靠", "借助", "以", "围绕", "支持", "引导", "推动", "加快", "深化", "推进", "建设", "在", "放大",
           "将", "把")
_INTRO_WORDS = ("引进", "落地", "成立", "注册", "入驻")
_CLAUSE = re.compile(r"[^，。；：！？]+")
_CLAUSE_BREAK = re.compile(r"[，。；：！？]")
_TOPIC = re.compile(r"^(?P<name>[^，。、“”]{2,6})方面，")
_AMOUNT = re.compile(r"总规模(?P<n>\d+(?:\.\d+)?)(?P<unit>亿|万)?元")
_LIST_GAP = re.compile(r"^(?:[、和及与]|以及)?$")
#: Between the names that settle and the verb: 等国家级、市级平台, 相继, 正式 (not 以及未来将…的高校).
_SETTLE_GAP = re.compile(r"^(?:等[^，。；以及和]{0,10}?)?(?:项目|企业|机构|平台)?(?:相继|先后|成功|正式|已|均|将|签约|全部)*$")


def _clauses(sent: Sentence) -> list[tuple[int, int]]:
    """Clause spans of a sentence, as absolute offsets."""
    return [(sent.start + m.start(), sent.start + m.end()) for m in _CLAUSE.finditer(sent.text)]


def find_relations(
    report: Report,
    sentences: list[Sentence],
    mentions: list[Mention],
    entities: dict[str, Entity],
    lexicon: Lexicon,
) -> tuple[list[Relation], list[Milestone], list[tuple[str, str, str, int]]]:
    """Return the relations, milestones and extra facts (introducedIn, fund sizes) of a report."""
    text = report.text
    cls = {name: top_class(e.cls) for name, e in entities.items()}
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[m.sentence].append(m)
    rels: set[Relation] = set()
    milestones: set[Milestone] = set()
    facts: set[tuple[str, str, str, int]] = set()

    def rel(s: str, p: str, o: str, sent: int, rule: str) -> None:
        if s == o or s not in cls or o not in cls:
            return
        if p == "cooperatesWith" and o < s:
            s, o = o, s  # symmetric: keep one direction
        rels.add(Relation(s, p, o, sent, rule))

    clusters = _surfaces(entities, "IndustryCluster")
    # a named cluster inside a broader one (民用航空机载装备产业集群 ⊃ 民用航空) counts as the broader
    base = {
        c: next((b for surf, b in clusters if b != c and surf in c), c)
        for c in {c for _, c in clusters}
    }
    for narrow, broad in sorted(base.items()):
        if narrow != broad:
            first = entities[narrow].sentences[0]
            facts.add((narrow, "broader", broad, first))

    industries_in_name = _names_inside_names(mentions, by_sentence, cls, rel)
    _topics(sentences, by_sentence, cls, clusters, base, rel)
    for s in sentences:
        ms = sorted((m for m in by_sentence[s.index] if not m.rule.startswith("nested:")), key=lambda m: m.start)
        if not ms:
            continue
        _focus(s, ms, cls, rel)
        _industry_heads(s, ms, cls, rel)
        _development(s, ms, cls, rel)
        _locations(s, ms, cls, rel)
        _cooperation_and_runs(s, ms, cls, rel, text)
        milestones.update(clause_milestones(s, ms, cls.get))
        _introductions(s, ms, cls, facts, text)
    # 中芯国际…投资建设8英寸集成电路芯片生产线项目: the firm is of the industry its project names
    for r in sorted(rels):
        if r.predicate == "affiliatedWith" and cls.get(r.object) == "Enterprise" and cls.get(r.subject) in ("Project", "Platform"):
            for c in industries_in_name.get(r.subject, ()):
                rel(r.object, "inCluster", c, r.sentence, "name:owner-industry")
    return sorted(rels), sorted(milestones), sorted(facts)


def _surfaces(entities: dict[str, Entity], klass: str) -> list[tuple[str, str]]:
    """(surface form, canonical name) of every entity of a class, longest surface first."""
    out = [(s, e.name) for e in entities.values() if top_class(e.cls) == klass for s in {e.name, *e.aliases}]
    return sorted(out, key=lambda x: (-len(x[0]), x))


def _names_inside_names(mentions: list[Mention], by_sentence, cls: dict[str, str], rel) -> dict[str, list[str]]:
    """What a name says by the names inside it; the first sentence that names it is the evidence.

    Returns the industries named inside each name.
    """
    industries: dict[str, list[str]] = defaultdict(list)
    inner: dict[tuple[int, int, str], list[Mention]] = defaultdict(list)
    outers: dict[tuple[int, int, str], Mention] = {}
    for m in mentions:
        if not m.rule.startswith("nested:"):
            continue
        outer = next(
            (
                o for o in by_sentence[m.sentence]
                if o.start <= m.start and m.end <= o.end and not o.rule.startswith("nested:") and o.canonical != m.canonical
            ),
            None,
        )
        if outer is not None:
            key = (outer.start, outer.end, outer.canonical)
            inner[key].append(m)
            outers[key] = outer
    seen: set[str] = set()
    for key in sorted(inner, key=lambda k: (k[0], k[1])):
        outer = outers[key]
        if outer.canonical in seen:
            continue
        seen.add(outer.canonical)
        o_cls = cls.get(outer.canonical)
        parts = sorted(inner[key], key=lambda m: m.start)
        owners = []
        # owners at the start, one after another (天津大学佐治亚理工深圳学院), maybe after a place
        # that is no name of ours (深圳清华大学研究院)
        named = {i for m in parts for i in range(m.start, m.end)}
        owner_end = outer.start
        for m in parts:
            if owner_end == outer.start and 0 < m.start - outer.start <= _PLACE_BEFORE_OWNER \
                    and not named & set(range(outer.start, m.start)) and cls.get(m.canonical) in _FOUNDER_CLASSES:
                owner_end = m.start
            if m.start == owner_end and cls.get(m.canonical) in _OWNER_CLASSES and m.rule != "nested:cluster":
                owners.append(m)
                owner_end = m.end
        for m in parts:
            m_cls = cls.get(m.canonical)
            if m.rule == "nested:park" and o_cls != "IndustryCluster" and m not in owners:
                rel(outer.canonical, "locatedIn", m.canonical, m.sentence, "name:park")
            elif m_cls == "IndustryCluster" and o_cls != "IndustryCluster":
                industries[outer.canonical].append(m.canonical)
                if o_cls in _NAMED_FOR_INDUSTRY:
                    rel(outer.canonical, "inCluster", m.canonical, m.sentence, "name:cluster")
        if o_cls in _RUN_CLASSES:
            for owner in owners:
                if o_cls == "Project" and cls.get(owner.canonical) == "University" and not any(
                    w in outer.text[owner.end - outer.start :] for w in _UNIVERSITY_RUNS
                ):
                    continue  # 上海交大博士生公寓 is built for the university, not run by it
                rel(outer.canonical, "affiliatedWith", owner.canonical, owner.sentence, "name:owner-prefix")
    return industries


def _topics(sentences, by_sentence, cls, clusters, base, rel) -> None:
    """Paragraph topics (``民用航空方面，…`` up to the next topic), industry paragraphs, one-industry sentences."""
    paragraphs: dict[int, list[Sentence]] = defaultdict(list)
    for s in sentences:
        paragraphs[s.paragraph].append(s)
    for para in paragraphs.values():
        surfaces = {surf for surf, _ in clusters}
        industry = any("产业专班" in s.text or (t := _TOPIC.match(s.text)) and t.group("name") in surfaces for s in para)
        topic: str | None = None
        previous: str | None = None
        for s in para:
            ms = by_sentence[s.index]
            t = _TOPIC.match(s.text)
            if t:
                topic = next((c for surf, c in clusters if surf == t.group("name")), None)
            named = sorted({
                base.get(m.canonical, m.canonical) for m in ms
                if cls.get(m.canonical) == "IndustryCluster" and not m.rule.startswith("nested:")
            })
            implied = sorted({
                c for m in ms if cls.get(m.canonical) != "IndustryCluster" for surf, c in clusters if surf in m.text
            })
            sentence_cluster = None
            if industry and not t and "产业专班" not in s.text:
                if len(set(named) | set(implied)) == 1:
                    sentence_cluster = (named or implied)[0]
                elif not named and not implied and s.text.startswith("引进") and previous:
                    sentence_cluster = previous
            elif not industry and len(named) == 1 and not implied:
                sentence_cluster = named[0]
            previous = sentence_cluster if industry else None
            for m in ms:
                if cls.get(m.canonical) not in _MEMBER_CLASSES:
                    continue
                if m.rule.startswith("nested:") and not topic:
                    continue
                if topic:
                    rel(m.canonical, "inCluster", topic, s.index, "topic:方面")
                if sentence_cluster and cls.get(m.canonical) != "Park":
                    if not industry and not _near(s, m, [c for c in ms if c.canonical == sentence_cluster]):
                        continue  # outside an industry paragraph: a name in the industry's clause or the one before
                    rel(m.canonical, "inCluster", sentence_cluster, s.index, "sentence:cluster")


def _near(s: Sentence, m: Mention, others: list[Mention]) -> bool:
    """Whether ``m`` stands in the clause of one of ``others`` or in the clause right before it.

    ``中航光电、中广核仿真等一批企业落地，民用航空产业连续三年保持10%以上增长``: the firms, then their industry.
    """
    def clause_of(offset: int) -> int:
        return len(_CLAUSE_BREAK.findall(s.text, 0, offset - s.start))
    return any(0 <= clause_of(o.start) - clause_of(m.start) <= 1 for o in others)


def _focus(s: Sentence, ms: list[Mention], cls: dict[str, str], rel) -> None:
    """``聚焦绿色化工、空间信息、AI制药，打造X``: X serves each cluster named after 聚焦."""
    clauses = _clauses(s)
    for (cs, ce), (ns, ne) in zip(clauses, clauses[1:]):
        if not s.text[cs - s.start :].startswith("聚焦"):
            continue
        named = [m for m in ms if cs <= m.start < ce and cls.get(m.canonical) == "IndustryCluster"]
        made = [m for m in ms if ns <= m.start < ne and cls.get(m.canonical) in _MEMBER_CLASSES]
        for m in made:
            for c in named:
                rel(m.canonical, "inCluster", c.canonical, s.index, "clause:聚焦…打造")


def _list_before(s: Sentence, ms: list[Mention], i: int) -> list[Mention]:
    """The names of the list that ends with ``ms[i]`` (``A、B和C``), in text order."""
    out = [ms[i]]
    for j in range(i - 1, -1, -1):
        gap = s.text[ms[j].end - s.start : out[0].start - s.start]
        if not _LIST_GAP.match(gap):
            break
        out.insert(0, ms[j])
    return out


def _list_after(s: Sentence, ms: list[Mention], i: int) -> list[Mention]:
    """The names of the list that starts with ``ms[i]``."""
    out = [ms[i]]
    for j in range(i + 1, len(ms)):
        gap = s.text[out[-1].end - s.start : ms[j].start - s.start]
        if not _LIST_GAP.match(gap):
            break
        out.append(ms[j])
    return out


def _industry_heads(s: Sentence, ms: list[Mention], cls: dict[str, str], rel) -> None:
    """``华德牧业、蒙拓机械等机械装备制造企业``, ``华侨城等文化创意园``: the head names the members' industry."""
    for i, c in enumerate(ms):
        if cls.get(c.canonical) != "IndustryCluster":
            continue
        if not _INDUSTRY_HEAD.match(s.text[c.end - s.start :]):
            continue
        lead = s.text[: c.start - s.start]
        m = re.search(r"等(?:一批|多家|\d+家)?$", lead)
        if not m or i == 0:
            continue
        j = i - 1
        if ms[j].end - s.start != m.start():
            continue
        for member in _list_before(s, ms, j):
            if cls.get(member.canonical) in _MEMBER_CLASSES:
                rel(member.canonical, "inCluster", c.canonical, s.index, "enum:C企业")
    # P以A、B为主导产业: what a park is built around
    for i, p in enumerate(ms):
        if cls.get(p.canonical) != "Park" or i + 1 >= len(ms) or cls.get(ms[i + 1].canonical) != "IndustryCluster":
            continue
        if not _LEADS_WITH.match(s.text[p.end - s.start : ms[i + 1].start - s.start]):
            continue
        named = [c for c in _list_after(s, ms, i + 1) if cls.get(c.canonical) == "IndustryCluster"]
        if _LED_BY.match(s.text[named[-1].end - s.start :]):
            for c in named:
                rel(p.canonical, "inCluster", c.canonical, s.index, "clause:P以C为主导")


def _development(s: Sentence, ms: list[Mention], cls: dict[str, str], rel) -> None:
    """What the parks and firms a clause builds on develop, in that clause or the next.

    ``发挥华为、兆驰等企业引领作用，发展壮大新一代通信技术、移动终端等产业``;
    ``依托深圳湾超级总部基地、南山科技金融城，持续招引金融机构``; ``P重点发展A、B``;
    ``加快蛇口国际海洋城建设，聚焦海洋电子信息、智慧港口等领域``.
    """
    clauses = _clauses(s)
    for k, (cs, ce) in enumerate(clauses):
        clause = s.text[cs - s.start : ce - s.start]
        in_clause = [m for m in ms if cs <= m.start < ce]
        hosts = [m for m in in_clause if cls.get(m.canonical) in _MEMBER_CLASSES]
        if not hosts or any(cls.get(m.canonical) == "IndustryCluster" and m.start < hosts[0].start for m in in_clause):
            continue
        first = hosts[0]
        lead = clause[: first.start - cs]
        # the hosts open the clause (after a verb that builds on them) and are one list
        if lead and not lead.endswith(_ANCHOR) and lead.strip("积极持续大力加快全力着力重点进一步") != "":
            continue
        hosts = [m for m in _list_after(s, ms, ms.index(first)) if cls.get(m.canonical) in _MEMBER_CLASSES]
        if any(h.canonical != m.canonical and cls.get(m.canonical) in _MEMBER_CLASSES
               for m in in_clause for h in hosts[-1:] if m.start > h.end):
            continue  # another firm or park later in the clause: not one subject
        developed = _developed(s, ms, cls, hosts[-1].end, ce)
        if not developed and k + 1 < len(clauses):
            ns, ne = clauses[k + 1]
            later = [m for m in ms if ns <= m.start < ne]
            if not any(cls.get(m.canonical) in _MEMBER_CLASSES for m in later):
                developed = _developed(s, ms, cls, ns, ne)
        for h in hosts:
            for c in developed:
                rel(h.canonical, "inCluster", c.canonical, s.index, "clause:发展C")


def _developed(s: Sentence, ms: list[Mention], cls: dict[str, str], start: int, end: int) -> list[Mention]:
    """The industries that a development verb between ``start`` and ``end`` takes as its object.

    The verb comes before them (``发展壮大A、B等产业``) or after them (``加大A、B等产业培育力度``).
    """
    span = s.text[start - s.start : end - s.start]
    first = next((i for i, m in enumerate(ms) if start <= m.start < end and cls.get(m.canonical) == "IndustryCluster"), None)
    if first is None:
        return []
    named = [c for c in _list_after(s, ms, first) if cls.get(c.canonical) == "IndustryCluster"]
    before = s.text[start - s.start : ms[first].start - s.start]
    verb = _DEVELOP.search(before)
    if verb and len(before) - verb.end() <= 8:
        return named
    after = s.text[named[-1].end - s.start : end - s.start]
    if _DEVELOPED_AFTER.match(after) and (_OPENING.search(before) or not before):
        return named
    return []


def _locations(s: Sentence, ms: list[Mention], cls: dict[str, str], rel) -> None:
    """Who settles where: ``X落户P``, ``在P建设X``, ``P内的X``, ``P引进X``, ``依托P，引进X``."""
    for cs, ce in _clauses(s):
        in_clause = [m for m in ms if cs <= m.start < ce]
        clause = s.text[cs - s.start : ce - s.start]
        for i, p in enumerate(in_clause):
            if cls.get(p.canonical) != "Park":
                continue
            before = clause[: p.start - cs]
            after = clause[p.end - cs :]
            others = [m for m in in_clause if m.canonical != p.canonical and cls.get(m.canonical) in _LOCATED_CLASSES]
            # X(、Y)落户/入驻/落地P
            settle = re.search("(?:" + "|".join(_SETTLE_VERBS) + ")(?:于|在|到)?$", before)
            settlers = [m for m in in_clause[:i] if m.end <= cs + settle.start()] if settle else []
            if settlers and _SETTLE_GAP.match(s.text[settlers[-1].end - s.start : cs + settle.start() - s.start]):
                for m in _list_before(s, in_clause, len(settlers) - 1):
                    if m in others and cls.get(m.canonical) != "University":
                        rel(m.canonical, "locatedIn", p.canonical, s.index, "clause:落地P")
            # 在P(内)建设X; P引进X; P内(的)X
            verb = re.match(r"^(?:内|中|里)?(?:新|相继|先后|成功|累计|重点|加快)?(?:" + "|".join(_BUILD_VERBS) + ")", after)
            if before.endswith("在") and verb or before == "" and re.match("^(?:新|累计|成功)?引进", after):
                for m in others:
                    if m.start >= p.end:
                        rel(m.canonical, "locatedIn", p.canonical, s.index, "clause:在P建设X")
            inside = re.match(r"^(?:内的|里的|中的|内|的)", after)
            nxt = next((m for m in others if inside and m.start == p.end + inside.end()), None)
            if nxt is not None and (inside.group(0) != "的" or cls.get(nxt.canonical) != "Park"):
                rel(nxt.canonical, "locatedIn", p.canonical, s.index, "clause:P内X")
            # 中国（广东）自由贸易试验区前海蛇口片区: a zone's 片区 or 园区 named right after it
            nxt = next((m for m in in_clause[i + 1 : i + 2] if cls.get(m.canonical) == "Park"), None)
            if nxt is not None and nxt.start == p.end and nxt.text.endswith(_PART_OF_ZONE) and nxt.canonical != p.canonical:
                rel(nxt.canonical, "locatedIn", p.canonical, s.index, "clause:P的片区")
            # 坂雪岗科技城、大运新城纳入“广深科技创新走廊”
            if re.search(r"纳入[“\"]?$", before):
                for m in others:
                    if m.end <= p.start and cls.get(m.canonical) == "Park":
                        rel(m.canonical, "locatedIn", p.canonical, s.index, "clause:纳入P")
            # 依托P，引进A、B (the clause after 依托P says what comes into the park)
            if before.endswith("依托") and p.start - cs == 2 or before.endswith("依托") and verb:
                for m in ms:
                    if m.start > p.end and cls.get(m.canonical) in ("Enterprise", "Platform", "ResearchInstitute", "Project"):
                        if cls.get(m.canonical) != "Enterprise" and not _built_after(s, m):
                            continue
                        rel(m.canonical, "locatedIn", p.canonical, s.index, "sentence:依托P")


def _built_after(s: Sentence, m: Mention) -> bool:
    """``…建设X``: a building or founding verb right before the name."""
    return bool(re.search("(?:" + "|".join(_BUILD_VERBS) + ")$", s.text[: m.start - s.start]))


def _cooperation_and_runs(s: Sentence, ms: list[Mention], cls: dict[str, str], rel, text: str) -> None:
    """Cooperation between two parties and who runs what they found."""
    for cs, ce in _clauses(s):
        clause = text[cs:ce]
        in_clause = [m for m in ms if cs <= m.start < ce]
        # A与B(、C)(等…)合作 / 合资 / 重组
        for i, a in enumerate(in_clause):
            if text[a.end : a.end + 1] not in ("与", "同", "和") or cls.get(a.canonical) not in _OWNER_CLASSES:
                continue
            partners = []
            pos = a.end + 1
            for b in in_clause[i + 1 :]:
                if b.start != pos:
                    break
                partners.append(b)
                pos = b.end + (1 if text[b.end : b.end + 1] in ("、", "和") else 0)
            rest = text[pos:ce]
            if not partners or not _COOPERATION.search(rest):
                continue
            for b in partners:
                if cls.get(b.canonical) in _OWNER_CLASSES:
                    rel(a.canonical, "cooperatesWith", b.canonical, s.index, "clause:A与B合作")
            if _BUILT_TOGETHER.search(rest):
                for p in in_clause:
                    if p.start >= pos and cls.get(p.canonical) in _RUN_CLASSES:
                        for owner in [a, *partners]:
                            rel(p.canonical, "affiliatedWith", owner.canonical, s.index, "clause:合资建设")
        # A(、B)设立P; A牵头组建P; A、B联合设立P; A投资建设P; 深化与A合作，设立P
        for m in _FOUNDING.finditer(clause):
            at = cs + m.start()
            founders = [o for o in in_clause if o.end <= at and cls.get(o.canonical) in (*_FOUNDER_CLASSES, "Platform")]
            founders = [o for o in founders if not text[cs : o.start].endswith(("与", "依托", "在"))]
            made = [p for p in in_clause if p.start >= cs + m.end() and cls.get(p.canonical) in _RUN_CLASSES]
            if m.group(0).startswith("投资"):
                made = [p for p in made if cls.get(p.canonical) == "Project"]
            if not made:
                continue
            if founders and m.group(0).startswith(("联合", "共同", "合作", "共建")) or m.group(0) == "设立":
                for i, a in enumerate(founders):
                    for b in founders[i + 1 :]:
                        rel(a.canonical, "cooperatesWith", b.canonical, s.index, "clause:A、B设立P")
            owners = [o for o in founders if cls.get(o.canonical) in _FOUNDER_CLASSES]
            if not owners and m.group(0).startswith("牵头"):
                owners = [o for o in ms if o.end <= cs and cls.get(o.canonical) in _FOUNDER_CLASSES][-1:]
            if not owners and clause.startswith("设立"):
                before = text[s.start : cs]
                owners = [
                    o for o in ms
                    if o.end <= cs and cls.get(o.canonical) in _OWNER_CLASSES
                    and re.search("与" + re.escape(o.text) + r"[^，。；]{0,4}合作[，,]$", before)
                ]
            for p in made:
                for o in owners:
                    if o.canonical != p.canonical and cls.get(p.canonical) != "University":
                        rel(p.canonical, "affiliatedWith", o.canonical, s.index, "clause:A设立P")
        # 依托A(、B)建设P: P is A's (A a university, firm or institute)
        for i, a in enumerate(in_clause):
            if not text[cs : a.start].endswith("依托") or cls.get(a.canonical) not in _FOUNDER_CLASSES:
                continue
            owners = [o for o in _list_after(s, in_clause, i) if cls.get(o.canonical) in _FOUNDER_CLASSES]
            for p in in_clause:
                if p.start > owners[-1].end and cls.get(p.canonical) in ("Platform", "ResearchInstitute", "Fund") and _built_after(s, p):
                    for o in owners:
                        rel(p.canonical, "affiliatedWith", o.canonical, s.index, "clause:依托A建设P")


def _introductions(s: Sentence, ms: list[Mention], cls: dict[str, str], facts: set, text: str) -> None:
    for cs, ce in _clauses(s):
        clause = text[cs:ce]
        in_clause = [m for m in ms if cs <= m.start < ce]
        if s.year and not s.planned and any(w in clause for w in _INTRO_WORDS):
            for m in in_clause:
                if cls.get(m.canonical) in ("Enterprise", "Platform", "ResearchInstitute", "Fund"):
                    facts.add((m.canonical, "introducedIn", s.year, s.index))
        amount = _AMOUNT.search(clause)
        if amount:
            n = float(amount.group("n")) * {"亿": 1e8, "万": 1e4, None: 1}[amount.group("unit")]
            for m in in_clause:
                if cls.get(m.canonical) == "Fund" and m.start >= cs + amount.start():
                    facts.add((m.canonical, "amountCNY", f"{n:.0f}", s.index))
                    facts.add((m.canonical, "amountText", amount.group(0), s.index))
