"""Relations from sentence and paragraph structure, as real prose states them (plain Python, no spaCy).

Each rule reads one sentence (for industry topics, its paragraph) with the entity mentions found
in it and says which fact it supports (``tests/data/gold/GUIDE.md``, "Relations", defines them):

* names inside names, wherever they stand: an owner at the start runs the rest
  (深圳大学龙岗创新研究院 -> 深圳大学, 天津大学佐治亚理工深圳学院 -> both), a park inside places it
  (前海桂湾风投创投集聚区 -> 前海), an industry inside a park's, platform's or fund's name is what it
  serves (集成电路产业园 -> 集成电路), an enterprise's project names the enterprise's industry
  (世纪晶源化合物半导体 -> 世纪晶源 in 化合物半导体), and a project or park named as a place or works of
  an industry is of the report's cluster of it (航电基地 -> 民用航空, 集成电路芯片生产线项目 -> 集成电路);
* ``locatedIn``: ``X落户/入驻/落地/进驻/位于P``; ``在P建设/设立/布局X``; ``P内/P的X``; ``P引进X``;
  ``依托P，引进/建设X``; parks ``纳入P``; what is built under a heading that builds a park
  (``高标准建设光明科学城。加快光明云谷等项目建设…``), what a sentence that opens on the park's building
  builds (``光明科学城建设迈出新步伐，…国家超算中心二期开工``) and what ``加快P建设，…`` brings in
  (``推动A等项目落地``);
* ``inCluster``: a ``民用航空方面，…`` topic that runs to the next topic (not for a park named only inside a
  company's name: 与大零号湾集团合作); the parks a paragraph builds under a heading that names one industry
  (``做强做优金融业。做大深港财富管理集聚区，…``); the one industry of a sentence;
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
from graph.extract.patterns import PARK_SECTIONS, ZONE_PARTS
from graph.extract.vocabulary import TAILS, IndustryVocabulary, load_vocabulary
from graph.model import (
    Entity,
    Mention,
    Milestone,
    Relation,
    Report,
    Sentence,
    top_class,
)

__all__ = ["cluster_bases", "find_relations", "named_broader"]

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
#: What a park's name right before its own name places in the park (乙高新区甲科技总部项目).
_PLACED_BY_PARK = ("Project", "Platform", "ResearchInstitute")
#: Who, named right before 在P, builds or sets something up in the park and so is there (甲科技在乙高新区设立研发中心).
_BUILDERS_IN_PARK = ("Enterprise", "ResearchInstitute", "University")
#: After a park's name, what makes the name the park's own works, not a thing in it (…物流园项目, …园区主体工程).
_WORKS_OF = re.compile(r"(?:主体|基础设施|配套)?(?:项目|工程|建设|建设项目|建设工程|开发|开发建设|改造|改造工程|升级改造)")
#: How a phase or a part of a park is named after it (平湖金融基地二期, 宝龙科技城核心区, 二三期).
_PHASE = re.compile(r"(?:[一二三四五六七八九十\d]+(?:、[一二三四五六七八九十\d]+)*期|首期|" + "|".join(PARK_SECTIONS) + r")(?:工程|项目)?$")
#: X<verb>P, also as a list of parks (…等62个项目落户A产业园和B产业园; …等15家企业集聚P).
_SETTLES = re.compile(
    r"(?:签约|相继|先后|成功|正式|陆续|纷纷)?(?:落地|落户|入驻|进驻|位于|建于|选址|扎根|集聚|聚集|汇聚|迁入|迁驻)(?:于|在|到|至)?"
)
#: After 在P: a verb of settling that ends the clause (…等84个项目在合作区落地).
_SETTLES_HERE = re.compile(r"^(?:内|中)?(?:相继|先后|成功|正式|陆续|纷纷|加快|集中|率先)?(?:落地|落户|入驻|进驻|集聚|聚集|扎根|布局|设立|"
                           r"开工|动工|建成|投产|开业|注册|成立|揭牌)"
                           r"(?:发展|建设|运营|转化|投产|投用|使用)?$")
#: P<verb>X: after the parks that open a clause, a verb that takes in what follows (P引进X, P落户87个项目，
#: P新增入驻企业…, P成功引进X); a clause that opens with one goes on with the parks of the clause before.
_TAKES = re.compile(
    r"^(?:新|累计|成功|先后|相继|已|共|全年|年内|新增|持续|正式|首批|率先|陆续|还)*"
    r"(?:引进|引入|招引|吸引|集聚|聚集|汇聚|落户|落地|入驻|进驻|签约落户|迎来)"
)
#: What may stand before the parks that open a clause (推动P引进X, 支持P集聚X).
_PUSH_LEAD = re.compile(r"(?:推动|支持|助力|推进|鼓励|引导|力争|争取|促进)")
#: Before the list an enterprise (or other name) of 依托P，… is in: a verb that brings it into the park.
_INTRODUCE = re.compile(r"(?:引进|引入|招引|吸引|集聚|聚集|汇聚|落户|落地|入驻|培育|孵化)[^，。；]{0,4}$")
#: After a list of names: they settle (…等上市公司功能板块落地), in a clause of 依托P.
_SETTLED_AFTER = re.compile(r"^(?:等[^，。；]{0,10}?)?(?:相继|先后|成功|正式|陆续|纷纷|签约)*(?:落地|落户|入驻|进驻)")
#: A clause that names what the next one builds a park around (以A、B为支点, 以A为核心).
_ANCHORED = re.compile(r"^以.+为(?:支点|核心|核心区|重点|龙头|依托|载体|引擎|主体|抓手|承载区|牵引)$")
#: Before the park of the clause after it: a verb that builds or makes it (将P打造为…, 加快建设P).
_MAKES_PARK = re.compile(r"(?:将|把|推动|加快|推进|高标准|高水平|高质量|全力|着力)*(?:建设|打造|建成|规划建设)?")
#: A free trade zone, whose 片区 are its parts (中国（广东）自由贸易试验区前海蛇口片区).
_TRADE_ZONE = re.compile(r"(?:自由贸易试验区|自贸试验区|自贸区|自由贸易港|自贸港)$")
#: 在P<verb>X / 依托P<verb>X: X is built or brought into park P.
_BUILD_VERBS = ("建设", "设立", "布局", "打造", "建成", "落地", "引进", "新建", "开工", "成立", "组建", "培育", "集聚")
_BUILT = re.compile("(?:" + "|".join(_BUILD_VERBS) + ")$")
#: Words of cooperation after ``A与B`` (GUIDE.md: cooperatesWith).
_COOPERATION = re.compile(r"合作|合资|协同|共建|签约|签署|重组|联合|携手|互联互通")
#: What joins two partners: 与/同/和 before a word of cooperation (A与B签约), or a word that is one (A联合B申报).
_JOINERS = ("与", "同", "和", "联合", "携手")
#: Who cooperates (GUIDE.md: organisation <-> organisation).
_PARTNER_CLASSES = ("University", "Enterprise", "ResearchInstitute", "Platform")
#: Between the partners and the word of cooperation: another partner (…等四所高校与我市合作).
_PARTNER_WORD = re.compile("[与同]")
#: The rule of the names that the pipeline finds as the partners of a cooperation (``wj_cooperation_names``).
_COOPERATION_RULE = "context:合作"
#: A<verb>P: A runs the platform, institute, fund or project P it sets up.
_FOUNDING = re.compile(
    r"牵头(?:组建|建设|成立|设立|申报|承建)|(?:联合|共同|合作)(?:设立|成立|组建|共建|建设)|共建|投资(?:\d+(?:\.\d+)?(?:亿|万)?元)?(?:建设|兴建)|设立|组建"
)
#: After ``A与B``: they build what follows together (A与B合资建设P, A与B共建P).
_BUILT_TOGETHER = re.compile(r"合资|共建|(?:联合|共同|合作)(?:建设|设立|成立|组建)")
#: After the firms of a clause: the head of their list and what they did (…等一批高能级企业落地; their
#: joint venture, 哈飞、标致合资项目积极推进).
_HEADED_LIST = re.compile(r"^(?:等[^，。；]{0,10}?(?:企业|机构|公司|项目|平台)|(?:合资|合作|独资)项目)")
#: A clause that says what the fund of the clause before serves (设立F，助力C…).
_SERVES = re.compile(r"^(?:重点|主要|专项|全力)?(?:助力|服务|支持|用于|投向|投资|聚焦|赋能)")
#: Verbs whose object is an industry that the park or firms of the sentence develop.
_DEVELOP = re.compile(
    r"(?:重点|大力|加快|积极|着力|优先)?(?:发展壮大|发展|壮大|培育|做强做大|做大做强|做强|做大|做优|聚焦|布局|集聚|引育|"
    r"招引|深耕|主攻|瞄准|打造|形成|构建|引进)"
)
#: After a park: the industries it is built around (P以A、B为主导产业).
_LEADS_WITH = re.compile(r"^(?:以|将)$")
_LED_BY = re.compile(r"^(?:等[^，。；]{0,4}?)?(?:产业|行业|领域)?为(?:主导|特色|核心|重点|支柱|龙头|引领)")
#: After the industries of a list, a development verb that takes them as its object (…等产业培育力度).
_DEVELOPED_AFTER = re.compile(r"^(?:等[^，。；]{0,6}?)?(?:产业|企业|领域|行业)?(?:的)?(?:引进培育|培育|发展|引育|集聚|聚集|布局)")
#: A clause that builds or develops the parks it names (加快P建设, 支持P等园区建设, 高水平建设P).
_BUILDS_PARK = re.compile(r"建设|开发|发展|打造|提升|做强|做大|壮大|用好|发挥")
#: The verb that opens a clause which develops industries (大力发展A、B).
_DEVELOP_FIRST = ("发展", "发展壮大", "培育", "培育发展", "培育壮大", "做强", "做大做强", "做强做大")
#: Before an industry: a verb that builds a place for it (…建设人工智能集聚区)…
_BUILT_FOR = re.compile(r"(?:建设|布局|创建|建成|规划建设|争创|申建)[^，。；]{0,8}$")
#: …and after it, the place (…集聚区, …产业园, …基地).
_INDUSTRY_PLACE = re.compile(
    r"^(?:等[^，。；]{0,4}?)?(?:产业|行业)?(?:集聚区|聚集区|集聚园|产业园|园区|基地|高地|集群|示范区|产业带|集聚带|走廊|小镇|专业空间|专业园区)"
)
#: Before such a list: a verb that opens it (加大…, 加强…, 推动…).
_OPENING = re.compile(r"(?:加大|加强|推动|促进|支持|强化|推进|加快)[^，。；]{0,4}$")
#: An enumeration's head after the industry that types it: A、B等集成电路企业, 华侨城等文化创意园.
_INDUSTRY_HEAD = re.compile(
    r"^(?:产业|行业|领域)?(?:龙头|骨干|重点|头部|领军|链主)?(?:企业|集团|公司|园区|产业园|园|基地|集聚区|项目)"
)
#: Between a park and the industry written right after it (P黄金珠宝产业, P的集成电路产业).
_PARK_S_INDUSTRY = re.compile(r"的?")
#: Between the industries and the park they gather in (C、D产业向P集聚, C产业在P集聚)…
_GATHERS_IN = re.compile(r"(?:等)?(?:产业|行业|企业|项目)?(?:加快|加速|持续|进一步)?(?:向|在)")
#: …and after the park, the verb (集聚, 聚集, 集中, 布局, 落地).
_GATHERED = re.compile(r"^(?:加快|加速|持续|进一步|高度)?(?:集聚|聚集|集中|布局|落地|汇聚)")
#: Between ``以C`` and the park it is the feature of (以C为特色的P, 以C为主导的P).
_FEATURED = re.compile(r"(?:等)?(?:产业|行业)?为(?:特色|主导|核心|主题|重点|主攻方向)的")
#: Of the heads of :data:`_INDUSTRY_HEAD`, those of firms, which may stand right before their names (…龙头企业甲科技).
_FIRM_HEADS = ("企业", "集团", "公司")
#: Between the firms of ``以A、B`` and the industry they lead (以A、B为龙头的C).
_LEADING = re.compile(r"(?:等[^，。；]{0,6}?)?为(?:龙头|引领|核心|链主|牵引|骨干)(?:企业)?的")
#: A sentence that opens on the firms or parks it builds on: 发挥A、B等企业作用, 依托P.
_ANCHOR = ("依托", "发挥", "依靠", "借助", "以", "围绕", "支持", "引导", "推动", "加快", "深化", "推进", "建设", "在", "放大",
           "将", "把")
#: Of those, the verbs that build on the firms or parks as the means of what the next clause develops
#: (发挥A作用，发展C; 依托P，招引C), not the verbs of a task of its own (支持A、B发展，打造C、D; 建设实验室，加强C、D布局).
_MEANS = ("依托", "发挥", "依靠", "借助", "以", "围绕", "放大", "用好")
_INTRO_WORDS = ("引进", "落地", "成立", "注册", "入驻")
_CLAUSE = re.compile(r"[^，。；：！？]+")
_CLAUSE_BREAK = re.compile(r"[，。；：！？]")
_TOPIC = re.compile(r"^(?P<name>[^，。、“”]{2,6})方面，")
_AMOUNT = re.compile(r"总规模(?P<n>\d+(?:\.\d+)?)(?P<unit>亿|万)?元")
_LIST_GAP = re.compile(r"^(?:[、和及与]|以及)?$")
#: Between the names that settle and the verb: 等国家级、市级平台, 相继, 正式 (not 以及未来将…的高校).
#: Also a count without 等 (中科院金属研究所创新港14个项目落户沈抚科创园).
_SETTLE_GAP = re.compile(r"^(?:等[^，。；以及和]{0,10}?|\d+(?:个|家|项)[^，。；以及和、]{0,4}?)?(?:项目|企业|机构|平台)?"
                         r"(?:(?:区域|全球|中国|华南|第二)?总部(?:项目)?)?(?:相继|先后|成功|正式|已|均|将|签约|全部)*$")


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
    broader = named_broader(clusters, load_vocabulary())
    base = cluster_bases(entities)
    for narrow, broad in sorted(broader.items()):
        facts.add((narrow, "broader", broad, entities[narrow].sentences[0]))

    # names found only by the words of a cooperation (A与B合作): no pair of two such names is a fact
    by_cooperation = {n for n, e in entities.items() if e.mentions and all(m.rule == _COOPERATION_RULE for m in e.mentions)}
    industries_in_name = _names_inside_names(mentions, by_sentence, cls, rel)
    _phases_of_parks(entities, cls, rel)
    _topics(sentences, by_sentence, cls, clusters, base, rel)
    _park_topics(sentences, by_sentence, cls, rel)
    for s in sentences:
        ms = sorted((m for m in by_sentence[s.index] if not m.rule.startswith("nested:")), key=lambda m: m.start)
        if not ms:
            continue
        _focus(s, ms, cls, rel)
        _industry_clauses(s, ms, cls, rel)
        _industry_heads(s, ms, cls, rel)
        _industries_around_parks(s, ms, cls, rel)
        _firms_by_industry(s, ms, cls, rel)
        _development(s, ms, cls, rel)
        _locations(s, ms, cls, rel)
        _cooperation_and_runs(s, ms, cls, rel, text, by_cooperation)
        milestones.update(clause_milestones(s, ms, cls.get))
        _introductions(s, ms, cls, facts, text)
    # 中芯国际…投资建设8英寸集成电路芯片生产线项目: the firm is of the industry its project names
    for r in sorted(rels):
        if r.predicate == "affiliatedWith" and cls.get(r.object) == "Enterprise" and cls.get(r.subject) in ("Project", "Platform"):
            for c in industries_in_name.get(r.subject, ()):
                rel(r.object, "inCluster", c, r.sentence, "name:owner-industry")
    stated = {(r.subject, r.predicate, r.object) for r in rels}
    for name, c, sent in _industry_places(entities, cls, clusters, base, sentences):
        if (name, "inCluster", c) not in stated:  # 集成电路产业园 is already of 集成电路 by its nested name
            rel(name, "inCluster", c, sent, "name:industry-place")
    rels -= _clause_industries_of_named_parks(rels)
    return sorted(rels), sorted(milestones), sorted(facts)


#: The rules by which a park's own name states its industry (集成电路产业园 -> 集成电路).
_NAME_INDUSTRY_RULES = ("name:cluster", "name:industry-place")


def _clause_industries_of_named_parks(rels: set[Relation]) -> set[Relation]:
    """The industries a development clause gave a park whose own name states its industry, other
    than the ones its name writes or states (设计 of 龙华设计产业园, 海洋经济 of 蛇口国际海洋城 named for 海洋): ``大力发展研发、设计、会计等专业服务业，加快工业软件产业园、设计产业园二期等项目建设``
    lists the district's services, not what 工业软件产业园 develops (GUIDE.md: A产业园 -> A).

    Examples
    --------
    >>> r = [Relation("工业软件产业园", "inCluster", "工业软件", 1, "name:cluster"),
    ...      Relation("工业软件产业园", "inCluster", "会计", 1, "clause:发展C，建设P"),
    ...      Relation("北湖园", "inCluster", "会计", 1, "clause:发展C，建设P")]
    >>> [x.object for x in _clause_industries_of_named_parks(set(r))]
    ['会计']
    """
    named: dict[str, set[str]] = defaultdict(set)
    for r in rels:
        if r.predicate == "inCluster" and r.rule in _NAME_INDUSTRY_RULES:
            named[r.subject].add(r.object)
    return {
        r for r in rels
        if r.rule == "clause:发展C，建设P" and r.subject in named and r.object not in r.subject
        and not any(n in r.object or r.object in n for n in named[r.subject])  # 海洋经济 of 蛇口国际海洋城
    }


def cluster_bases(entities: dict[str, Entity]) -> dict[str, str]:
    """Each industry cluster of a report -> the cluster it counts as: the broader cluster of the
    report that its name names (:func:`named_broader`) or that the industry vocabulary puts above
    it, else itself.  The one owner of the rule, for relations and for figures
    (:func:`graph.extract.figures.cluster_names`).

    Examples
    --------
    >>> names = ["民用航空", "民用航空零部件集群", "养老科技"]
    >>> cluster_bases({n: Entity(n, "IndustryCluster") for n in names})
    {'民用航空零部件集群': '民用航空', '养老科技': '养老科技', '民用航空': '民用航空'}
    """
    clusters = _surfaces(entities, "IndustryCluster")
    vocabulary = load_vocabulary()
    broader = named_broader(clusters, vocabulary)
    return {c: broader.get(c) or _listed_broader(c, clusters, vocabulary) or c for _, c in clusters}


def named_broader(clusters: list[tuple[str, str]], vocabulary: IndustryVocabulary) -> dict[str, str]:
    """The broader cluster a cluster's name names, for the clusters the industry vocabulary does not list.

    ``clusters`` are (surface form, canonical name), longest surface first.  Where the vocabulary
    lists a cluster, its hierarchy says what is broader (:mod:`graph.rdf.industry_links`), not the
    characters: 新能源汽车 is no kind of 新能源, 电子商务 none of 电子.  Of the clusters named inside
    another, the one that ends it (its head, before a generic tail) comes first: 区块链金融 is a kind
    of 金融, not of 区块链; else the longest (民用航空机载装备产业集群 -> 民用航空).

    Examples
    --------
    >>> from graph.extract.vocabulary import load_vocabulary
    >>> names = ["民用航空零部件集群", "区块链金融", "新能源汽车", "电子商务", "民用航空", "区块链", "新能源", "金融", "电子"]
    >>> named_broader([(n, n) for n in names], load_vocabulary())
    {'区块链金融': '金融', '民用航空零部件集群': '民用航空'}
    """
    out = {}
    for name in sorted({c for _, c in clusters}):
        if vocabulary.concept_of(name) is not None:
            continue
        head = next((name[: -len(t)] for t in TAILS if name.endswith(t) and len(name) > len(t)), name)
        inside = [(surf, c) for surf, c in clusters if c != name and surf in head]
        broad = next((c for surf, c in inside if head.endswith(surf)), None) or next((c for _, c in inside), None)
        if broad is not None:
            out[name] = broad
    return out


def _listed_broader(name: str, clusters: list[tuple[str, str]], vocabulary: IndustryVocabulary) -> str | None:
    """The nearest cluster of the report that the vocabulary puts above ``name`` (a listed cluster), if any."""
    concept = vocabulary.concept_of(name)
    if concept is None:
        return None
    by_concept: dict[str, str] = {}
    for _, c in sorted(clusters, key=lambda x: x[1]):
        listed = vocabulary.concept_of(c)
        if listed is not None:
            by_concept.setdefault(listed.slug, c)
    return next((by_concept[a] for a in vocabulary.ancestors(concept.slug) if a in by_concept), None)


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
            if m.rule == "nested:park" and o_cls != "IndustryCluster" and m not in owners \
                    and not _WORKS_OF.fullmatch(outer.text[m.end - outer.start :]):  # 某物流园项目 is the park
                rel(outer.canonical, "locatedIn", m.canonical, m.sentence, "name:park")
            elif m_cls == "IndustryCluster" and o_cls != "IndustryCluster":
                industries[outer.canonical].append(m.canonical)
                if o_cls in _NAMED_FOR_INDUSTRY and m.end < outer.end:  # …救助基金 is no fund of 基金
                    rel(outer.canonical, "inCluster", m.canonical, m.sentence, "name:cluster")
        if o_cls in _RUN_CLASSES:
            for owner in owners:
                if o_cls == "Project" and cls.get(owner.canonical) == "University" and not any(
                    w in outer.text[owner.end - outer.start :] for w in _UNIVERSITY_RUNS
                ):
                    continue  # 上海交大博士生公寓 is built for the university, not run by it
                rel(outer.canonical, "affiliatedWith", owner.canonical, owner.sentence, "name:owner-prefix")
    return industries


#: After the industry that a project's or park's own name states (at most four characters on): what
#: makes the name a place or works of that industry (航电基地, 生物医药产业园, 集成电路芯片生产线项目), not
#: a building or works that only bears its name (南山体育中心, 生物医药馆, 航电枢纽, 新能源汽车充电站).
_INDUSTRY_PLACE_OF = re.compile(r"^[^，。、]{0,4}?(?:产业园区|产业园|产业基地|产业化|生产基地|制造基地|基地|园区|生产线|工厂)")

#: …and after the industry a park's own name states, the word that ends the park's name (北湖物流功能区,
#: 北湖电商物流园, 青岚创投集聚区), at most four characters on.
_PARK_OF_INDUSTRY = re.compile(r"^[^，。、]{0,4}?(?:园|园区|基地|功能区|集聚区)$")


def _industry_places(entities: dict[str, Entity], cls: dict[str, str], clusters: list[tuple[str, str]],
                     base: dict[str, str], sentences: list[Sentence]) -> list[tuple[str, str, int]]:
    """A project or park whose own name states an industry is of the report's cluster of it (GUIDE.md: inCluster).

    The industry is the longest one written in the name: a cluster of the report (人工智能 of
    国家人工智能应用中试基地), else a label of the industry vocabulary (also a hidden one: 航电 of
    航空电子) whose concept is under a cluster of the report other than a top concept of the
    vocabulary: the nearest, counted as
    :func:`cluster_bases` counts it (航电基地 -> 机载装备, the report's 民用航空机载装备产业集群, counted
    as its 民用航空).  Returns (name, cluster, sentence): the evidence is the first sentence that
    names it in a paragraph that names the cluster too, else the first that names it (the name
    states the industry; the vocabulary says which cluster of the report it is under).
    """
    paragraph = {s.index: s.paragraph for s in sentences}
    vocabulary = load_vocabulary()
    by_concept: dict[str, str] = {}
    for _, c in sorted(clusters, key=lambda x: x[1]):
        concept = vocabulary.concept_of(c)
        if concept is not None:
            by_concept.setdefault(concept.slug, c)
    out = []
    for name in sorted(entities):
        if cls.get(name) not in ("Project", "Park") or not entities[name].sentences:
            continue
        spans: list[tuple[int, int, str]] = []
        for surface, c in clusters:
            at = name.find(surface)
            if at >= 0 and surface != name:
                spans.append((at, at + len(surface), c))
        for start, end, concept in vocabulary.labels_in(name):
            # a broader cluster of the report, short of a top concept (聚变能实验装置园区 says no 新能源)
            above = [a for a in vocabulary.ancestors(concept.slug) if vocabulary.concepts[a].broader is not None]
            if concept.slug in by_concept:
                spans.append((start, end, by_concept[concept.slug]))
            elif c := next((by_concept[a] for a in above if a in by_concept), None):
                spans.append((start, end, base.get(c, c)))
        taken: list[tuple[int, int]] = []
        for start, end, c in sorted(set(spans), key=lambda x: (x[0] - x[1], x)):
            if any(s < end and start < e for s, e in taken):
                continue  # 文化 inside 文化创意
            taken.append((start, end))
            tail = next((t for t in TAILS if name[start:end].endswith(t)), "")  # 生物医药产业 + 园
            place = _PARK_OF_INDUSTRY if cls.get(name) == "Park" else _INDUSTRY_PLACE_OF
            if place.match(tail + name[end:]):
                near = {paragraph.get(i) for i in entities[c].sentences}
                said = entities[name].sentences
                out.append((name, c, next((i for i in said if paragraph.get(i) in near), said[0])))
    return out


def _phases_of_parks(entities: dict[str, Entity], cls: dict[str, str], rel) -> None:
    """A phase or part named after a park by a short form of its name is in it.

    ``平湖金融基地二期`` is in 平湖金融与现代服务业基地 (平湖金融基地 is written in its characters, in
    order, from the same start); a name the park's own name or alias ends in is a nested name
    (:func:`_names_inside_names`).  The short form must fit one park only.
    """
    parks = sorted(n for n, c in cls.items() if c == "Park")
    for name in sorted(entities):
        if cls.get(name) not in ("Project", "Park"):
            continue
        part = _PHASE.search(name)
        stem = name[: part.start()] if part else ""
        if len(stem) < 4:
            continue
        fits = [
            p for p in parks
            if p != name and any(_abbreviates(stem, form) for form in {p, *entities[p].aliases})
        ]
        if len(fits) == 1 and not any(stem in form for form in {fits[0], *entities[fits[0]].aliases}):
            rel(name, "locatedIn", fits[0], entities[name].sentences[0], "name:park-phase")


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is written with characters of ``full``, in order, from its first two on."""
    if len(full) <= len(short) or full[:2] != short[:2]:
        return False
    chars = iter(full)
    return all(c in chars for c in short)


#: Before the park of a clause that is about building it (高标准建设P, 打造世界一流的P, 推进P建设).
_PARK_TOPIC_LEAD = re.compile(
    r"^(?:(?:高标准|高起点|高水平|高质量|全力|加快|加速|大力|全面|着力|持续|深入|扎实|积极|坚持|进一步|"
    r"推进|推动|建设|打造|规划建设|建好|做强|提升|提速)+(?:[^，。；、]{1,10}的)?)?$"
)
#: After it: the building and how it goes, and nothing else (P规划建设全面提速, P建设进展顺利).
_PARK_TOPIC_TAIL = re.compile(
    r"^(?:(?:规划|开发)?(?:建设|开发)(?:[^，。；、]{0,8})|(?:扩容提质|提质扩容|加快发展|高质量发展|提速发展))?$"
)
#: In a clause about a park's heading: a verb that builds something there or brings it in.
_PUT_IN_PARK = re.compile(r"建设|建成|开工|动工|落地|落户|入驻|进驻|引进|集聚|投用|投入使用|运营|揭牌|启用|成立|组建|重建|改造")
#: A lead or tail that builds the park (a clause that only names it, 依托P, is about something else).
_PARK_TOPIC_BUILDS = re.compile(r"建设|打造|推进|推动|建好|开发|提速|提质|发展|提升")


def _park_topic(s: Sentence, ms: list[Mention], cls: dict[str, str], start: int, end: int) -> str | None:
    """The park a clause is about building, when the clause says nothing else (``高标准建设光明科学城``)."""
    named = [m for m in ms if start <= m.start < end]
    if len(named) != 1 or cls.get(named[0].canonical) != "Park":
        return None
    p = named[0]
    lead = s.text[start - s.start : p.start - s.start]
    tail = s.text[p.end - s.start : end - s.start]
    if not _PARK_TOPIC_LEAD.match(lead) or not _PARK_TOPIC_TAIL.match(tail):
        return None
    if not _PARK_TOPIC_BUILDS.search(lead + tail):
        return None
    return p.canonical


def _park_topics(sentences: list[Sentence], by_sentence, cls: dict[str, str], rel) -> None:
    """What is built or settles in the park that a heading or an opening clause is about.

    A heading sentence that builds one park (``高标准建设光明科学城。``) is about it up to the next
    sentence without a comma (the next heading) or the end of the paragraph; an opening clause that
    does (``打造世界一流的光明科学城，推进…``, ``光明科学城规划建设全面提速，…``), to the end of its
    sentence.  The firms, platforms, institutes, universities, funds and projects named there are in
    the park (GUIDE.md: 建设P…X, X built as part of P); a sentence or clause that names another park
    says where its names are itself, and is left out.  After an opening clause with a verb before the
    park (``加快P建设，…``) the clauses after may be other tasks, and only what they bring in
    (``推动A、B等项目落地``, ``引进A``) is in it; after a park that opens its sentence
    (``光明科学城规划建设全面提速，…``) the sentence goes on about the park, and what it builds is there too.

    Examples
    --------
    >>> text = "高标准建设光明科学城。加快光明云谷等重大项目建设，推进材料基因组建设。"
    >>> from graph.model import Report
    >>> from graph.extract.oracle import extract_given
    >>> ex = extract_given(Report(slug="t", text=text, year="2020"), [
    ...     ("光明科学城", "Park", []), ("光明云谷", "Project", []), ("材料基因组", "Platform", [])])
    >>> sorted((r.subject, r.object) for r in ex.relations if r.predicate == "locatedIn")
    [('光明云谷', '光明科学城'), ('材料基因组', '光明科学城')]
    """
    def settle(s: Sentence, park: str, start: int, end: int, rule: str, brought: bool = False) -> bool:
        named = sorted((m for m in by_sentence[s.index] if start <= m.start < end and not m.rule.startswith("nested:")),
                       key=lambda m: m.start)
        if any(cls.get(m.canonical) == "Park" and m.canonical != park for m in named):
            return False
        if not _PUT_IN_PARK.search(_blanked(s, named, start, end)):
            return True  # a clause that builds or brings in nothing (充分发挥A的优势)
        for i, m in enumerate(named):
            if cls.get(m.canonical) not in _LOCATED_CLASSES or cls.get(m.canonical) == "Park":
                continue
            if brought:  # only what the clause brings in: 推动A、B等项目落地, 引进A
                ahead = s.text[start - s.start : _list_before(s, named, i)[0].start - s.start]
                behind = s.text[_list_after(s, named, i)[-1].end - s.start : end - s.start]
                if not _INTRODUCE.search(ahead) and not _SETTLED_AFTER.match(behind):
                    continue
            rel(m.canonical, "locatedIn", park, s.index, rule)
        return True

    paragraphs: dict[int, list[Sentence]] = defaultdict(list)
    for s in sentences:
        paragraphs[s.paragraph].append(s)
    for para in paragraphs.values():
        heading: str | None = None
        for s in para:
            ms = sorted((m for m in by_sentence[s.index] if not m.rule.startswith("nested:")), key=lambda m: m.start)
            clauses = _clauses(s)
            if len(clauses) == 1:
                heading = _park_topic(s, ms, cls, *clauses[0])
                continue
            if heading is not None:
                for cs, ce in clauses:
                    settle(s, heading, cs, ce, "heading:建设P")
                continue
            if not clauses:
                continue
            park = _park_topic(s, ms, cls, *clauses[0])
            if park is not None:
                # 光明科学城规划建设全面提速，…: the sentence goes on about the park, and what it builds is there;
                # after 加快P建设，… only what it brings in (the clauses after may be other tasks)
                opens = ms[0].start == s.start and ms[0].canonical == park
                for cs, ce in clauses[1:]:
                    if not settle(s, park, cs, ce, "sentence:P建设，X建成" if opens else "clause:建设P，X落地", brought=not opens):
                        break


def _topics(sentences, by_sentence, cls, clusters, base, rel) -> None:
    """Paragraph topics (``民用航空方面，…`` up to the next topic), industry headings, industry paragraphs,
    one-industry sentences.

    A heading sentence (one clause) that names one industry and nothing else (``推进奶业振兴。``,
    ``做强做优金融业。``) is the industry of the parks that the sentences after it build or develop
    (``深入推进哈克生态奶源基地建设``; GUIDE.md: a park's stated industries), up to the next heading or
    the end of the paragraph; a sentence that names another industry says itself what its parks are of.

    Examples
    --------
    >>> from graph.model import Report
    >>> from graph.extract.oracle import extract_given
    >>> text = "做强做优金融业。做大深港财富管理集聚区，引进一批财富管理机构。"
    >>> ex = extract_given(Report(slug="t", text=text, year="2020"), [
    ...     ("金融", "IndustryCluster", []), ("深港财富管理集聚区", "Park", [])])
    >>> [(r.subject, r.object, r.rule) for r in ex.relations]
    [('深港财富管理集聚区', '金融', 'heading:C')]
    """
    paragraphs: dict[int, list[Sentence]] = defaultdict(list)
    for s in sentences:
        paragraphs[s.paragraph].append(s)
    for para in paragraphs.values():
        surfaces = {surf for surf, _ in clusters}
        industry = any("产业专班" in s.text or (t := _TOPIC.match(s.text)) and t.group("name") in surfaces for s in para)
        topic: str | None = None
        previous: str | None = None
        heading: str | None = None  # the industry of a heading sentence, up to the next heading
        for s in para:
            ms = by_sentence[s.index]
            own = [m for m in ms if not m.rule.startswith("nested:")]
            if len(_clauses(s)) == 1:
                heading = _industry_heading(own, cls)
            elif heading and not any(cls.get(m.canonical) == "IndustryCluster" and m.canonical != heading for m in ms):
                # a sentence that names another industry says itself what its names are of
                for cs, ce in _clauses(s):
                    parks = [m for m in own if cs <= m.start < ce and cls.get(m.canonical) == "Park"]
                    # a park the clause builds or develops, not one it only names (加大P…产品推广力度)
                    if parks and _BUILDS_PARK.search(_blanked(s, own, cs, ce)):
                        for m in parks:
                            rel(m.canonical, "inCluster", heading, s.index, "heading:C")
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
            previous = sentence_cluster if industry else None
            for m in ms:
                if cls.get(m.canonical) not in _MEMBER_CLASSES:
                    continue
                if m.rule.startswith("nested:") and (not topic or _park_in_organisation(m, ms, cls)):
                    continue  # 与大零号湾集团合作: the company is in the sentence, the park it is named after is not
                if topic:
                    rel(m.canonical, "inCluster", topic, s.index, "topic:方面")
                if sentence_cluster and cls.get(m.canonical) != "Park":
                    rel(m.canonical, "inCluster", sentence_cluster, s.index, "sentence:cluster")


def _industry_heading(ms: list[Mention], cls: dict[str, str]) -> str | None:
    """The industry a heading sentence (one clause) names and nothing else: ``推进奶业振兴。``, ``做强做优金融业。``."""
    named = {m.canonical for m in ms}
    if len(named) != 1 or any(cls.get(m.canonical) != "IndustryCluster" for m in ms):
        return None
    return named.pop()


#: Whose name may hold a park's name without being in the park's sentence (大零号湾集团, 紫竹高新区管理公司).
_ORGANISATIONS = ("Enterprise", "University", "ResearchInstitute", "Platform", "Fund")


def _park_in_organisation(m: Mention, ms: list[Mention], cls: dict[str, str]) -> bool:
    """Whether ``m`` is a park named only inside the name of an organisation of the same sentence."""
    if cls.get(m.canonical) != "Park":
        return False
    return any(
        o.start <= m.start and m.end <= o.end and o.canonical != m.canonical and not o.rule.startswith("nested:")
        and cls.get(o.canonical) in _ORGANISATIONS
        for o in ms
    )


def _industry_clauses(s: Sentence, ms: list[Mention], cls: dict[str, str], rel) -> None:
    """An industry that opens a clause is the industry of the firms named in it or in the clause before.

    ``中航光电、中广核仿真等一批企业落地，民用航空产业连续三年保持10%以上增长`` (the firms, then their
    industry); ``信息技术产业依托曙光、海光等头部企业…``; and a fund set up for an industry:
    ``设立总规模10亿元算力设备基金，助力人工智能算力基础设施建设``.
    """
    clauses = _clauses(s)
    for k, (cs, ce) in enumerate(clauses):
        in_clause = [m for m in ms if cs <= m.start < ce]
        if not in_clause or in_clause[0].start != cs or cls.get(in_clause[0].canonical) != "IndustryCluster":
            continue
        industry = in_clause[0]
        if len([c for c in _list_after(s, in_clause, 0) if cls.get(c.canonical) == "IndustryCluster"]) > 1:
            continue  # 新能源汽车、消费级无人机等产品…: a list of industries types no firm
        here = [m for m in in_clause[1:] if cls.get(m.canonical) in _MEMBER_CLASSES and cls.get(m.canonical) != "Park"]
        for m in here:
            rel(m.canonical, "inCluster", industry.canonical, s.index, "clause:C依托A")
        if k == 0:
            continue
        ps, pe = clauses[k - 1]
        before = [m for m in ms if ps <= m.start < pe and cls.get(m.canonical) in _MEMBER_CLASSES]
        if before and not here and _HEADED_LIST.search(s.text[before[-1].end - s.start : pe - s.start]):
            for m in _list_before(s, ms, ms.index(before[-1])):
                if cls.get(m.canonical) in ("Enterprise", "Platform", "ResearchInstitute"):
                    rel(m.canonical, "inCluster", industry.canonical, s.index, "clause:A等企业，C产业")
    for k, (cs, ce) in enumerate(clauses[1:], start=1):
        clause = s.text[cs - s.start : ce - s.start]
        serves = _SERVES.match(clause)
        named = [m for m in ms if cs <= m.start < ce and cls.get(m.canonical) == "IndustryCluster"]
        ps, pe = clauses[k - 1]
        funds = [m for m in ms if ps <= m.start < pe and cls.get(m.canonical) == "Fund"]
        if serves and named and funds and named[0].start - cs <= serves.end() + 2:
            served = [c for c in _list_after(s, ms, ms.index(named[0])) if cls.get(c.canonical) == "IndustryCluster"]
            for f in funds:
                for c in served:  # 重点投向A、B领域
                    rel(f.canonical, "inCluster", c.canonical, s.index, "clause:设立F，助力C")


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
    """``华德牧业、蒙拓机械等机械装备制造企业``, ``华侨城等文化创意园``, ``甲园、乙园等区级文化创意产业园区``: the head
    names the members' industry (a level word may stand before it)."""
    for i, c in enumerate(ms):
        if cls.get(c.canonical) != "IndustryCluster":
            continue
        if not _INDUSTRY_HEAD.match(s.text[c.end - s.start :]):
            continue
        lead = s.text[: c.start - s.start]
        m = re.search(r"等(?:一批|多家|\d+家)?(?:国家级|省级|市级|区级|县级)?$", lead)
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


def _industries_around_parks(s: Sentence, ms: list[Mention], cls: dict[str, str], rel) -> None:
    """The industries written right after a park (``P(的)C、D产业``), that gather in it (``C、D产业向P集聚``)
    or that it is built around (``以C为特色的P``) are the park's.

    Examples
    --------
    >>> from graph.model import Report
    >>> from graph.extract.oracle import extract_given
    >>> ex = extract_given(Report(slug="t", text="以青岚片区珠宝、钟表产业为重点，推动智能终端产业向北湖园集聚。", year="2024"), [
    ...     ("青岚片区", "Park", []), ("北湖园", "Park", []), ("珠宝", "IndustryCluster", []),
    ...     ("钟表", "IndustryCluster", []), ("智能终端", "IndustryCluster", [])])
    >>> sorted((r.subject, r.object) for r in ex.relations)
    [('北湖园', '智能终端'), ('青岚片区', '珠宝'), ('青岚片区', '钟表')]
    """
    # 以青岚片区珠宝产业为重点: the industries written right after a park's name are the park's
    for i, (p, c) in enumerate(zip(ms, ms[1:])):
        if cls.get(p.canonical) == "Park" and cls.get(c.canonical) == "IndustryCluster" \
                and _PARK_S_INDUSTRY.fullmatch(s.text[p.end - s.start : c.start - s.start]):
            for n in _list_after(s, ms, i + 1):
                if cls.get(n.canonical) != "IndustryCluster":
                    break
                rel(p.canonical, "inCluster", n.canonical, s.index, "clause:P的C产业")
    # 推动C、D产业向P集聚; 打造以C为特色的P: the industries a park gathers or is built around
    for i, c in enumerate(ms):
        if cls.get(c.canonical) != "IndustryCluster" or (i and cls.get(ms[i - 1].canonical) == "IndustryCluster"
                                                          and _LIST_GAP.match(s.text[ms[i - 1].end - s.start : c.start - s.start])):
            continue
        named = [n for n in _list_after(s, ms, i) if cls.get(n.canonical) == "IndustryCluster"]
        j = ms.index(named[-1]) + 1
        if j >= len(ms) or cls.get(ms[j].canonical) != "Park":
            continue
        gap = s.text[named[-1].end - s.start : ms[j].start - s.start]
        featured = _FEATURED.fullmatch(gap) and s.text[: c.start - s.start].endswith("以")
        if featured or _GATHERS_IN.fullmatch(gap) and _GATHERED.match(s.text[ms[j].end - s.start :]):
            for n in named:
                rel(ms[j].canonical, "inCluster", n.canonical, s.index, "clause:C向P集聚")


def _firms_by_industry(s: Sentence, ms: list[Mention], cls: dict[str, str], rel) -> None:
    """Firms named right after their industry and head (``引进C龙头企业A、B``) or as the ones that lead
    it (``以A、B为龙头的C产业集群``) are of that industry.

    Examples
    --------
    >>> from graph.model import Report
    >>> from graph.extract.oracle import extract_given
    >>> ex = extract_given(Report(slug="t", text="引进智能终端龙头企业远航电子，形成以金穗科技为龙头的钟表产业集群。", year="2024"), [
    ...     ("远航电子", "Enterprise", []), ("金穗科技", "Enterprise", []), ("智能终端", "IndustryCluster", []),
    ...     ("钟表", "IndustryCluster", [])])
    >>> sorted((r.subject, r.object) for r in ex.relations)
    [('远航电子', '智能终端'), ('金穗科技', '钟表')]
    """
    # 引进集成电路龙头企业甲科技: the industry and head right before a list of firms type them
    for i, c in enumerate(ms[:-1]):
        head = _INDUSTRY_HEAD.match(s.text[c.end - s.start :]) if cls.get(c.canonical) == "IndustryCluster" else None
        if head and head.group(0).endswith(_FIRM_HEADS) and ms[i + 1].start == c.end + head.end():
            for member in _list_after(s, ms, i + 1):
                if cls.get(member.canonical) in ("Enterprise", "Platform", "ResearchInstitute"):
                    rel(member.canonical, "inCluster", c.canonical, s.index, "enum:C企业A")
    # 以甲科技、丙电子为龙头的集成电路产业集群: the firms that lead an industry are of it
    for i, a in enumerate(ms):
        if cls.get(a.canonical) not in _MEMBER_CLASSES or cls.get(a.canonical) == "Park" or not s.text[: a.start - s.start].endswith("以"):
            continue
        firms = [m for m in _list_after(s, ms, i) if cls.get(m.canonical) in _MEMBER_CLASSES]
        j = ms.index(firms[-1]) + 1
        if j < len(ms) and cls.get(ms[j].canonical) == "IndustryCluster" \
                and _LEADING.fullmatch(s.text[firms[-1].end - s.start : ms[j].start - s.start]):
            for m in firms:
                rel(m.canonical, "inCluster", ms[j].canonical, s.index, "clause:以A为龙头的C")


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
        # the next clause goes on about the same hosts; when parks open the sentence (P要…，…，大力发展C),
        # every clause after it that names no other firm or park does
        subject = k == 0 and not lead and all(cls.get(h.canonical) == "Park" for h in hosts)
        # the next clause is the hosts' when the clause builds on them or builds the parks (加快P建设，聚焦C);
        # after a task of its own (支持A、B发展，打造C、D产业集群) only when it names one industry
        # (支持周大福等龙头企业发展壮大，吸引集聚一批黄金珠宝上下游企业)
        carries = not lead or lead.endswith(_MEANS) or all(cls.get(h.canonical) == "Park" for h in hosts)
        for ns, ne in clauses[k + 1 : None if subject else k + 2] if not developed else ():
            if any(cls.get(m.canonical) in _MEMBER_CLASSES for m in ms if ns <= m.start < ne):
                break
            developed = _developed(s, ms, cls, ns, ne)
            if not carries and len(developed) > 1:
                developed = []
            if developed:
                break
        for h in hosts:
            for c in developed:
                rel(h.canonical, "inCluster", c.canonical, s.index, "clause:发展C")
    # 大力发展海洋经济，加快蛇口国际海洋城建设: the parks a clause builds serve what the clause before develops
    for (ps, pe), (cs, ce) in zip(clauses, clauses[1:]):
        if any(cls.get(m.canonical) in _MEMBER_CLASSES for m in ms if ps <= m.start < pe):
            continue
        parks = [m for m in ms if cs <= m.start < ce and cls.get(m.canonical) in _MEMBER_CLASSES]
        if not parks or any(cls.get(m.canonical) != "Park" for m in parks):
            continue
        if not _BUILDS_PARK.search(_blanked(s, ms, cs, ce)):
            continue  # 建设 of the clause, not of a name (奋斗农业发展园区提质增效)
        developed = _developed(s, ms, cls, ps, pe)
        if developed and s.text[ps - s.start : developed[0].start - s.start].strip("大力加快积极着力重点全力持续") in _DEVELOP_FIRST:
            for p in parks:
                for c in developed:
                    rel(p.canonical, "inCluster", c.canonical, s.index, "clause:发展C，建设P")


def _blanked(s: Sentence, ms: list[Mention], start: int, end: int) -> str:
    """The text between two offsets with the names in it blanked out."""
    chars = list(s.text[start - s.start : end - s.start])
    for m in ms:
        for i in range(max(m.start, start), min(m.end, end)):
            chars[i - start] = "\u3000"
    return "".join(chars)


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
    if _BUILT_FOR.search(before) and _INDUSTRY_PLACE.match(after):
        return named  # 建设人工智能集聚区, 布局超10万平方米人工智能专业空间
    return []


def _locations(s: Sentence, ms: list[Mention], cls: dict[str, str], rel) -> None:
    """Who settles where: ``X落户P``, ``X在P落地``, ``P引进X``, ``在P建设X``, ``P内的X``, ``依托P，引进X``."""
    clauses = _clauses(s)
    # 深化自贸试验区提升战略，推动大连片区整合提升: the 片区 of a sentence about one free trade zone are its parts
    zones = {m.canonical for m in ms if cls.get(m.canonical) == "Park" and _TRADE_ZONE.search(m.canonical)}
    if len(zones) == 1:
        (zone,) = zones
        first = min(m.start for m in ms if m.canonical == zone)
        for m in ms:
            if m.start > first and cls.get(m.canonical) == "Park" and m.canonical != zone and m.text.endswith("片区"):
                rel(m.canonical, "locatedIn", zone, s.index, "sentence:自贸区…片区")
    taker: list[Mention] = []  # the parks that take in what the clauses after them name (P落地…，落户A)
    for cs, ce in clauses:
        in_clause = [m for m in ms if cs <= m.start < ce]
        clause = s.text[cs - s.start : ce - s.start]
        located = [m for m in in_clause if cls.get(m.canonical) in _LOCATED_CLASSES]
        _settling(s, in_clause, cls, rel, cs, clause)
        # P(、Q)引进/落户/集聚X: the parks that open the clause take in what follows the verb; a clause
        # that opens with such a verb goes on with them (P落地26个重大项目，落户A、B)
        opening = _opening_parks(s, in_clause, cls, cs)
        take = _TAKES.match(clause[opening[-1].end - cs :] if opening else clause)
        if taker and not opening and not take:
            _settled_in_taker(s, in_clause, cls, rel, taker, ce)
        if opening:
            taker = opening if take else []
        elif not take:
            taker = []
        if taker and take:
            at = (opening[-1].end if opening else cs) + take.end()
            for m in located:
                if m.start >= at and m not in taker:
                    for p in taker:
                        rel(m.canonical, "locatedIn", p.canonical, s.index, "clause:P引进X")
        _anchors_of_a_park(s, ms, cls, rel, clauses, (cs, ce), located)
        for i, p in enumerate(in_clause):
            if cls.get(p.canonical) != "Park":
                continue
            before = clause[: p.start - cs]
            after = clause[p.end - cs :]
            others = [m for m in located if m.canonical != p.canonical]
            # 在P(内)建设X
            verb = re.match(r"^(?:内|中|里)?(?:新|相继|先后|成功|累计|重点|加快|规划|启动|谋划|集中)?(?:" + "|".join(_BUILD_VERBS) + ")", after)
            if before.endswith("在") and verb:
                for m in others:
                    if m.start >= p.end:
                        rel(m.canonical, "locatedIn", p.canonical, s.index, "clause:在P建设X")
            # A在P设立研发中心: the firm or institute right before 在P that builds there is there too
            if before.endswith("在") and verb:
                for m in in_clause[:i]:
                    if m.end == p.start - 1 and cls.get(m.canonical) in _BUILDERS_IN_PARK:
                        rel(m.canonical, "locatedIn", p.canonical, s.index, "clause:A在P建设")
            # X(等…)在P落地: the names before 在P settle there when nothing follows the verb
            if before.endswith("在") and _SETTLES_HERE.match(after):
                ahead = [m for m in others if m.end <= p.start - 1]
                if ahead and _SETTLE_GAP.match(s.text[ahead[-1].end - s.start : p.start - 1 - s.start]):
                    for m in _list_before(s, in_clause, in_clause.index(ahead[-1])):
                        if m in others:
                            rel(m.canonical, "locatedIn", p.canonical, s.index, "clause:X在P落地")
            inside = re.match(r"^(?:内的|里的|中的|内|的)", after)
            nxt = next((m for m in others if inside and m.start == p.end + inside.end()), None)
            if nxt is not None and (inside.group(0) != "的" or cls.get(nxt.canonical) != "Park"):
                for m in _list_of_its_class(s, in_clause, nxt, cls):  # P内的A、B
                    if m in others:
                        rel(m.canonical, "locatedIn", p.canonical, s.index, "clause:P内X")
            # 乙高新区甲科技总部项目: a project, platform or institute named right after the park is in it
            nxt = next((m for m in in_clause[i + 1 : i + 2] if m.start == p.end and cls.get(m.canonical) in _PLACED_BY_PARK), None)
            if nxt is not None and nxt.canonical != p.canonical:
                for m in _list_of_its_class(s, in_clause, nxt, cls):  # 推进乙高新区丁项目、辛项目建设
                    rel(m.canonical, "locatedIn", p.canonical, s.index, "clause:PX")
            # 中国（广东）自由贸易试验区前海蛇口片区: a zone's 片区 or 园区 named right after it
            nxt = next((m for m in in_clause[i + 1 : i + 2] if cls.get(m.canonical) == "Park"), None)
            if nxt is not None and nxt.start == p.end and nxt.text.endswith(ZONE_PARTS) and nxt.canonical != p.canonical:
                rel(nxt.canonical, "locatedIn", p.canonical, s.index, "clause:P的片区")
            # 坂雪岗科技城、大运新城纳入“广深科技创新走廊”
            if re.search(r"纳入[“\"]?$", before):
                for m in others:
                    if m.end <= p.start and cls.get(m.canonical) == "Park":
                        rel(m.canonical, "locatedIn", p.canonical, s.index, "clause:纳入P")
            # 依托P，引进A、B (the clause after 依托P says what comes into the park)
            if before.endswith("依托") and p.start - cs == 2 or before.endswith("依托") and verb:
                for j, m in enumerate(ms):
                    if m.start > p.end and cls.get(m.canonical) in ("Enterprise", "Platform", "ResearchInstitute", "Project"):
                        brought = _INTRODUCE if cls.get(m.canonical) == "Enterprise" else _BUILT
                        ahead = s.text[: _list_before(s, ms, j)[0].start - s.start]
                        behind = s.text[_list_after(s, ms, j)[-1].end - s.start :]
                        if not brought.search(ahead) and not _SETTLED_AFTER.match(behind):
                            continue  # 引进A、B; A、B等上市公司功能板块落地
                        rel(m.canonical, "locatedIn", p.canonical, s.index, "sentence:依托P")


def _list_of_its_class(s: Sentence, in_clause: list[Mention], first: Mention, cls: dict[str, str]) -> list[Mention]:
    """The list that opens with ``first`` (A、B…), only its items of ``first``'s class: in
    乙高新区丁项目、辛项目 the projects 丁项目 and 辛项目."""
    return [m for m in _list_after(s, in_clause, in_clause.index(first))
            if m is first or cls.get(m.canonical) == cls.get(first.canonical)]


def _settled_in_taker(s: Sentence, in_clause: list[Mention], cls: dict[str, str], rel, taker: list[Mention], ce: int) -> None:
    """``P引进A，B、C等企业相继落户``: after a clause in which parks take in firms, a clause that lists
    names and ends on their settling (no park after the verb) settles them in those parks.

    Examples
    --------
    >>> from graph.model import Report
    >>> from graph.extract.oracle import extract_given
    >>> ex = extract_given(Report(slug="t", text="丁科学园新引进甲科技，丙电子等企业相继落户。", year="2024"), [
    ...     ("丁科学园", "Park", []), ("甲科技", "Enterprise", []), ("丙电子", "Enterprise", [])])
    >>> sorted((r.subject, r.object) for r in ex.relations)
    [('丙电子', '丁科学园'), ('甲科技', '丁科学园')]
    """
    located = [m for m in in_clause if cls.get(m.canonical) in _LOCATED_CLASSES]
    if not located or located[0] is not in_clause[0] or any(cls.get(m.canonical) == "Park" for m in in_clause):
        return
    names = _list_before(s, in_clause, in_clause.index(located[-1]))
    if names[0] is not in_clause[0]:
        return
    settled = _SETTLED_AFTER.match(s.text[names[-1].end - s.start : ce - s.start])
    if settled and s.text[names[-1].end - s.start + settled.end() : ce - s.start] in ("", "运营", "投产", "发展"):
        for m in names:
            for p in taker:
                rel(m.canonical, "locatedIn", p.canonical, s.index, "clause:P引进A，B落户")


def _anchors_of_a_park(s: Sentence, ms: list[Mention], cls: dict[str, str], rel, clauses, span, located) -> None:
    """``以A、B等“城市坐标”为支点，将P打造为…``: what a park is built around is in it."""
    cs, ce = span
    if not _ANCHORED.match(s.text[cs - s.start : ce - s.start]) or not located:
        return
    k = clauses.index(span)
    if k + 1 >= len(clauses):
        return
    ns, ne = clauses[k + 1]
    nxt = [m for m in ms if ns <= m.start < ne and cls.get(m.canonical) in _LOCATED_CLASSES]
    if not nxt or cls.get(nxt[0].canonical) != "Park" or not _MAKES_PARK.fullmatch(s.text[ns - s.start : nxt[0].start - s.start]):
        return
    for m in located:
        if m.canonical != nxt[0].canonical:
            rel(m.canonical, "locatedIn", nxt[0].canonical, s.index, "clause:以X为支点，建设P")


def _settling(s: Sentence, in_clause: list[Mention], cls: dict[str, str], rel, cs: int, clause: str) -> None:
    """``X(、Y)(等…)落户/入驻/集聚P(和Q)``: the names right before the verb settle in the parks right after it."""
    for verb in _SETTLES.finditer(clause):
        vs, ve = cs + verb.start(), cs + verb.end()
        parks = next(
            ([p for p in _list_after(s, in_clause, i) if cls.get(p.canonical) == "Park"]
             for i, p in enumerate(in_clause) if p.start == ve and cls.get(p.canonical) == "Park"),
            [],
        )
        settlers = [i for i, m in enumerate(in_clause) if m.end <= vs]
        if not parks or not settlers:
            continue
        last = settlers[-1]
        if not _SETTLE_GAP.match(s.text[in_clause[last].end - s.start : vs - s.start]):
            continue
        for m in _list_before(s, in_clause, last):
            if cls.get(m.canonical) in _LOCATED_CLASSES:
                for p in parks:
                    if p.canonical != m.canonical:
                        rel(m.canonical, "locatedIn", p.canonical, s.index, "clause:落地P")


def _opening_parks(s: Sentence, in_clause: list[Mention], cls: dict[str, str], cs: int) -> list[Mention]:
    """The parks that open a clause, as one list (``P、Q``), after at most a verb that pushes them (推动P…)."""
    first = next((i for i, m in enumerate(in_clause) if cls.get(m.canonical) == "Park"), None)
    if first is None or first > 0:
        return []
    lead = s.text[cs - s.start : in_clause[0].start - s.start]
    if lead and not _PUSH_LEAD.fullmatch(lead):
        return []
    return [p for p in _list_after(s, in_clause, 0) if cls.get(p.canonical) == "Park"]


def _built_after(s: Sentence, m: Mention) -> bool:
    """``…建设X``: a building or founding verb right before the name."""
    return bool(_BUILT.search(s.text[: m.start - s.start]))


def _cooperation_and_runs(s: Sentence, ms: list[Mention], cls: dict[str, str], rel, text: str,
                          by_cooperation: set[str] = frozenset()) -> None:
    """Cooperation between two parties and who runs what they found.

    ``by_cooperation`` are the names found only as the partners of a cooperation: two of them are
    no pair (内地与港澳合作 names two places).
    """
    for cs, ce in _clauses(s):
        clause = text[cs:ce]
        in_clause = [m for m in ms if cs <= m.start < ce]
        # A与B(、C)(等…)合作 / 合资 / 重组
        for i, a in enumerate(in_clause):
            joiner = next((j for j in _JOINERS if text.startswith(j, a.end)), None)
            if joiner is None or cls.get(a.canonical) not in _PARTNER_CLASSES:
                continue
            partners = []
            pos = a.end + len(joiner)
            for b in in_clause[i + 1 :]:
                if b.start != pos:
                    break
                partners.append(b)
                pos = b.end + (1 if text[b.end : b.end + 1] in ("、", "和") else 0)
            rest = text[pos:ce]
            coop = _COOPERATION.search(rest) if joiner in ("与", "同", "和") else re.match("", rest)
            if not partners or not coop or _PARTNER_WORD.search(rest, 0, coop.start()):
                continue  # 哈工大和南开大学等四所高校与我市合作: the two cooperate with a third
            for b in partners:
                if cls.get(b.canonical) in _PARTNER_CLASSES and not {a.canonical, b.canonical} <= by_cooperation:
                    rel(a.canonical, "cooperatesWith", b.canonical, s.index, "clause:A与B合作")
            if _BUILT_TOGETHER.search(rest):
                for p in in_clause:
                    if p.start >= pos and cls.get(p.canonical) in _RUN_CLASSES:
                        for owner in [a, *partners]:
                            if cls.get(owner.canonical) in _OWNER_CLASSES:
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
        _run_by(s, in_clause, cls, rel, text)
        _built_with(s, in_clause, cls, rel, text, cs)
        # 依托A(、B)建设P: P is A's (A a university, firm or institute)
        for i, a in enumerate(in_clause):
            if not text[cs : a.start].endswith("依托") or cls.get(a.canonical) not in _FOUNDER_CLASSES:
                continue
            owners = [o for o in _list_after(s, in_clause, i) if cls.get(o.canonical) in _FOUNDER_CLASSES]
            for p in in_clause:
                if p.start > owners[-1].end and cls.get(p.canonical) in ("Platform", "ResearchInstitute", "Fund") and _built_after(s, p):
                    for o in owners:
                        rel(p.canonical, "affiliatedWith", o.canonical, s.index, "clause:依托A建设P")


#: After ``P由A(、B)``: the verb that makes A the one who set P up or runs it (己创新中心由甲科技牵头组建).
_RUN_BY = re.compile(r"^(?:牵头|联合|共同|合作|投资|负责)?(?:组建|建设|设立|成立|承建|运营|主办|建成|打造|发起)")
#: Before ``A`` in a clause said by the government: it builds P together with A (与戊大学共建己研究院).
_WITH_PARTNER = re.compile(r"(?:^|推动|支持|深化|加强|积极|持续|加快|促成)与$")
#: Between the partners of ``与A、B`` and what the government builds with them (共建, 合作共建了).
_BUILT_WITH = re.compile(r"(?:等[^，。；]{0,6}?)?(?:" + _BUILT_TOGETHER.pattern + r")(?:了|一批|一个)?")


def _run_by(s: Sentence, in_clause: list[Mention], cls: dict[str, str], rel, text: str) -> None:
    """``P由A(、B)牵头组建``: the passive of ``A牵头组建P``, P is A's.

    Examples
    --------
    >>> from graph.model import Report
    >>> from graph.extract.oracle import extract_given
    >>> ex = extract_given(Report(slug="t", text="省智能制造创新中心由甲重工牵头组建。", year="2024"), [
    ...     ("省智能制造创新中心", "Platform", []), ("甲重工", "Enterprise", [])])
    >>> [(r.subject, r.predicate, r.object) for r in ex.relations]
    [('省智能制造创新中心', 'affiliatedWith', '甲重工')]
    """
    for i, p in enumerate(in_clause):
        if cls.get(p.canonical) not in _RUN_CLASSES or not text.startswith("由", p.end):
            continue
        owners = [o for o in in_clause[i + 1 :] if o.start == p.end + 1][:1]
        if not owners or cls.get(owners[0].canonical) not in _FOUNDER_CLASSES:
            continue
        owners = [o for o in _list_after(s, in_clause, in_clause.index(owners[0])) if cls.get(o.canonical) in _FOUNDER_CLASSES]
        if not _RUN_BY.match(text[owners[-1].end : owners[-1].end + 8]):
            continue
        for o in owners:
            if o.canonical != p.canonical:
                rel(p.canonical, "affiliatedWith", o.canonical, s.index, "clause:P由A组建")


def _built_with(s: Sentence, in_clause: list[Mention], cls: dict[str, str], rel, text: str, cs: int) -> None:
    """``与A(、B)共建P``: the government builds P with A, so P is A's (GUIDE.md: A与B共建P).

    Examples
    --------
    >>> from graph.model import Report
    >>> from graph.extract.oracle import extract_given
    >>> ex = extract_given(Report(slug="t", text="深化校地合作，与丙理工大学共建丁先进制造研究院。", year="2024"), [
    ...     ("丙理工大学", "University", []), ("丁先进制造研究院", "ResearchInstitute", [])])
    >>> [(r.subject, r.predicate, r.object) for r in ex.relations]
    [('丁先进制造研究院', 'affiliatedWith', '丙理工大学')]
    """
    for i, a in enumerate(in_clause):
        if cls.get(a.canonical) not in _FOUNDER_CLASSES or not _WITH_PARTNER.search(text[cs : a.start]):
            continue
        owners = [o for o in _list_after(s, in_clause, i) if cls.get(o.canonical) in _FOUNDER_CLASSES]
        rest = in_clause[in_clause.index(owners[-1]) + 1 :]
        if not rest or cls.get(rest[0].canonical) not in _RUN_CLASSES or cls.get(rest[0].canonical) == "University":
            continue
        between = text[owners[-1].end : rest[0].start]
        if not _BUILT_WITH.fullmatch(between):
            continue
        for o in owners:
            rel(rest[0].canonical, "affiliatedWith", o.canonical, s.index, "clause:与A共建P")


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
