"""spaCy components that find entity names in one sentence.

Each component adds candidate spans to ``doc.spans["wj_candidates"]`` (label = class, ``id_`` = the
rule that found it, ``kb_id_`` = the canonical name when known); ``wj_resolve`` keeps the longest
non-overlapping ones in ``doc.spans["wj_entities"]`` and adds nested owner names
(宁德时代 inside 宁德时代未来能源研究院).

The components work on characters: a blank ``zh`` pipeline with the default character segmenter
makes every character a token, so every character offset is a token boundary.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from graph.extract.patterns import (
    CLAUSE_FINAL_STAGES,
    COMPANY_ENDINGS,
    COMPOSING_HEADS,
    ENUMERATION_HEADS,
    GENERIC_SUFFIXES,
    INTRODUCING,
    LEFT_CONTEXT,
    MILESTONE_OPENERS,
    NAME_BREAK,
    NOT_NAMES,
    RIGHT_CONTEXT,
    STAGE_WORDS,
    SUFFIX_CLASSES,
    VERB_FIRST_STAGES,
    suffix_class,
)

CANDIDATES = "wj_candidates"
ENTITIES = "wj_entities"

_MULTI_LEFT = tuple(sorted((w for w in LEFT_CONTEXT if len(w) > 1), key=len, reverse=True))
# the same verbs by length, longest first, for set look-ups instead of a startswith per verb
_LEFT_BY_LEN = tuple(
    (n, frozenset(w for w in _MULTI_LEFT if len(w) == n)) for n in sorted({len(w) for w in _MULTI_LEFT}, reverse=True)
)
_RIGHT = tuple(sorted(RIGHT_CONTEXT, key=len, reverse=True))
_LEVEL_PREFIX = re.compile(r"^(国家级|省级|市级|区级|全国首个|全市首个|国内首个|全国首批|全市首批|首个|首批)")
_AWARD_VERBS = ("纳入", "入选", "获评", "列入", "荣获", "成为", "评为", "认定")
_GENERIC = (
    "方案", "机制", "政策", "模式", "规划", "计划", "体系", "工作", "行动", "服务", "人才", "成果",
    "能力", "水平", "品质", "环境", "治理", "改革", "格局", "理念", "生态", "功能", "作用", "场景",
    "活动", "指标", "任务", "资源", "名单", "需求", "领域", "经济", "板块", "问题", "效应", "企业",
)
_PROJECT_GENERIC = ("重点", "重大", "实事", "体检", "育人", "一事一议", "修缮", "提速", "引入", "服务项目", "人才")


def _generic(name: str) -> bool:
    """True for names made of generic words (方案, 机制, 重点项目…), not of a proper name."""
    core = _PROJECT_TAIL.sub("", name)
    return core.endswith(_GENERIC) or any(g in name for g in _PROJECT_GENERIC)


_BAD_START = ("新", "该", "各", "相关", "有关", "一批", "一些", "多个", "两所", "其中", "更多", "优质", "外资", "以下",
              "累计", "高能级", "重点", "下为")
_PREPOSITIONS = "与以对在将为由向从把被让"
_COUNTED = re.compile(r"\d+(?:条|个|家|所|处|台|座|幅|项|户|名|场|次)|\d{4}年")
_AMOUNT_LEAD = re.compile(r"^.*?\d+(?:\.\d+)?[亿万千百]?元")
_ALL_SUFFIXES = frozenset(sfx for sfx, _ in SUFFIX_CLASSES) | frozenset(h for h, _ in ENUMERATION_HEADS)
_SUFFIX_PATTERNS = tuple((suffix, re.compile(re.escape(suffix))) for suffix, _ in SUFFIX_CLASSES)
_LATIN = re.compile(r"[A-Za-z]")
_PROJECT_TAIL = re.compile("(项目|工程)$")
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")
_SHORT_PARENS = re.compile(r"（[^（）]{1,6}）|\([^()]{1,6}\)")
_METRO = re.compile(r"(?:轨交|轨道交通)?(\d{1,2})号线(南延伸段|北延伸段|东延伸段|西延伸段|主线)?")
_COUNT = r"(?:[\d一二三四五六七八九十百两几]+(?:家|个|所|位|批|类)?)"
_HEAD_AFTER_ETC = re.compile(
    r"等(?:一批|各类|多家)?" + _COUNT + r"?(?:[^，。；：！？]{0,14}?)"
    r"(?P<head>" + "|".join(h for h, _ in ENUMERATION_HEADS) + r")" + _COUNT + "?"
)
_HEAD_CLASSES = dict(ENUMERATION_HEADS)
_PLAIN_HEADS = ("企业", "项目", "平台", "园区", "公司", "基金", "配套", "载体", "大学", "孵化器")
_GENERIC_CORES = ("产业", "行业", "重点", "各类")
_COOPERATION = re.compile(r"与")
_SECTOR = re.compile(r"^(?P<name>[^，。、“”]{2,6})方面，")
_HEADS = "|".join(h for h, _ in ENUMERATION_HEADS)
_HEAD_NO_ETC = re.compile(r"、[^、，。；：等]{1,12}?(?:" + _COUNT + r"(?:“[^”]{1,8}”)?)?(?P<head>" + _HEADS + ")")
_COUNT_BEFORE_HEAD = re.compile(_COUNT + r"(?:“[^”]{1,8}”)?$")
_INTRODUCING_PATTERNS = tuple((verb, re.compile(r"(?:相继|成功|加速)?" + verb)) for verb in INTRODUCING)
_INTRO_OPENER = re.compile(r"(推动|实现|促进|支持|吸引|推进)")
_COMPANY_BEFORE_VERB = tuple(
    (ending, re.compile(re.escape(ending) + "(?=入选|获评|注册|落户|设立)")) for ending in COMPANY_ENDINGS
)
_PARTNER = re.compile(
    r"与(?P<b>[^与，。；、等]{2,12}?)(?:密切|紧密|深度|全面|积极|开展|进行|深入|加强|签订|达成)*(?:等[^，。；]{0,12})?(?:合作|合资|协同)"
)


def _raw(doc: Doc) -> str:
    """``doc.text``, built once per doc (spaCy joins the tokens on every access: slow on long text).

    :func:`graph.extract.pipeline.make_docs` stores the text it tokenised, so it is never rebuilt.
    """
    text = doc.user_data.get("wj_text")
    if text is None:
        text = doc.user_data["wj_text"] = doc.text
    return text


def _masked_raw(doc: Doc) -> str:
    """:func:`_masked` of the doc's text, made once per doc for all components."""
    text = doc.user_data.get("wj_masked")
    if text is None:
        text = doc.user_data["wj_masked"] = _masked(_raw(doc))
    return text


def _masked(text: str) -> str:
    """The text with short parentheses turned into name characters, same length.

    ``黄浦江防汛墙（二期）提标改造`` keeps its （二期） instead of breaking at the bracket.
    """
    return _SHORT_PARENS.sub(lambda m: "〔" + m.group(0)[1:-1] + "〕", text)


def _left_boundary(text: str, end: int, min_core: int = 2) -> int:
    """Where a name that ends before ``end`` starts: after the nearest break or verb.

    A verb that would leave fewer than ``min_core`` characters of name is stepped over
    (建设 in 平台建设项目 is part of the name).
    """
    i = end
    while i > 0:
        if text[i - 1] in NAME_BREAK:
            return i
        if end - i >= min_core:
            for n, verbs in _LEFT_BY_LEN:
                if n <= i and text[i - n : i] in verbs:
                    return i
        i -= 1
    return 0


def _right_ok(text: str, end: int) -> bool:
    """True when a name may end at ``end``: a break, the end, or a word that follows names."""
    if end >= len(text) or text[end] in NAME_BREAK:
        return True
    return text.startswith(_RIGHT, end)


def _strip_lead(text: str, start: int, end: int) -> int:
    """Move ``start`` past introducing verbs and level words at the start of a name."""
    while True:
        for n, verbs in _LEFT_BY_LEN:  # the longest verb first, as in _MULTI_LEFT
            if end - start - n >= 2 and text[start : start + n] in verbs:
                start += n
                break
        else:
            return start


def _add(doc: Doc, start: int, end: int, cls: str, rule: str, canonical: str = "") -> None:
    span = doc.char_span(start, end, label=cls, alignment_mode="expand")
    if span is None or not span.text.strip():
        return
    span.id_ = rule
    if canonical:
        span.kb_id_ = canonical
    doc.spans[CANDIDATES].append(span)


def _is_name(name: str, strict: bool = True) -> bool:
    """Whether a candidate string can be a name at all (not a category, count or clause).

    ``strict`` also refuses a generic ending with a short core (市级平台); a project list
    (推进A、航电基地建设) may relax it.
    """
    core = name.replace("“", "").replace("”", "")
    if len(core) < 2 or len(name) > 40 or name in NOT_NAMES or name in _ALL_SUFFIXES:
        return False
    if name.startswith(_BAD_START) or name[0] in _PREPOSITIONS + "〔（(" or name.endswith(("型", "级")):
        return False
    if name[:2] in _GENERIC_CORES and len(name) <= 5:
        return False  # 产业研究院, 重点项目
    if _COUNTED.search(name):
        return False
    for sfx in GENERIC_SUFFIXES if strict else ():
        if name.endswith(sfx) and len(name) - len(sfx) < 3 and not _LATIN.search(name):
            return False
    return not any(ch in NAME_BREAK for ch in name.replace("“", "").replace("”", ""))


def _trim_lead(text: str, start: int, end: int) -> int:
    """Skip a single-character preposition or an amount at the start of a name (与X, 总规模10亿元X)."""
    amount = _AMOUNT_LEAD.match(text[start:end])
    if amount and end - start - amount.end() >= 3:
        start += amount.end()
    if end - start > 3 and text[start] in _PREPOSITIONS:
        start += 1
    return start


@Language.component("wj_init")
def init_candidates(doc: Doc) -> Doc:
    """Start an empty candidate group (the span ruler adds lexicon names to it)."""
    if CANDIDATES not in doc.spans:
        doc.spans[CANDIDATES] = []
    return doc


@Language.component("wj_suffix_names")
def suffix_names(doc: Doc) -> Doc:
    """Names typed by their ending: …研究院, …产业园, …孵化器, …基金, …中心 (innovation ones)."""
    text = _masked_raw(doc)
    seen: set[tuple[int, int]] = set()
    for suffix, pattern in _SUFFIX_PATTERNS:
        if suffix not in text:
            continue
        for m in pattern.finditer(text):
            end = m.end()
            if not _right_ok(text, end) or (suffix in ("工程", "项目") and text.startswith("进度", end)):
                continue
            start = _left_boundary(text, end - len(suffix))
            start = _trim_lead(text, _strip_lead(text, start, end), end)
            if text[start - 1 : start] == "”" and "“" in text[:start]:
                start = text.rfind("“", 0, start)  # “大零号湾”科技创新策源功能区: the quote is part of it
            name = text[start:end]
            level = _LEVEL_PREFIX.match(name)
            if level:
                if _raw(doc)[:start].endswith(_AWARD_VERBS) or level.end() >= len(name) - len(suffix):
                    continue  # a title it was awarded (入选国家级…平台), not a name
                start += level.end()
                name = text[start:end]
            if (start, end) in seen or not _is_name(name):
                continue
            if suffix == "平台" and name.startswith("“"):
                continue  # “一网统管”平台: a quoted slogan with a generic head
            cls = suffix_class(_QUOTED.sub(lambda q: q.group(0)[1:-1], name))
            if cls is None:
                continue
            if suffix in ("项目", "工程") and (len(name) - len(suffix) < 5 or _generic(name)):
                continue  # 重点项目, 提速水利工程: named projects are longer and specific
            seen.add((start, end))
            _add(doc, start, end, cls, f"suffix:{suffix}")
    return doc


@Language.component("wj_metro_lines")
def metro_lines(doc: Doc) -> Doc:
    """Metro lines and their extensions (轨交23号线, 15号线南延伸段)."""
    for m in _METRO.finditer(_raw(doc)):
        ext = m.group(2) if m.group(2) and m.group(2) != "主线" else ""
        _add(doc, m.start(), m.end(), "MetroLine", "metro", f"轨交{m.group(1)}号线{ext}")
    return doc


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` on 、 into item spans, dropping quoted tails and lead verbs."""
    out = []
    pos = start
    for piece in text[start:end].split("、"):
        s, e = pos, pos + len(piece)
        pos = e + 1
        s = _trim_lead(text, _strip_lead(text, s, e), e)
        q = text.find("“", s, e)
        if q > s:
            e = q
        if e - s >= 2:
            out.append((s, e))
    return out


def _enumeration_start(text: str, end: int) -> int:
    """Start of an enumeration ``A、B、C`` that ends at ``end`` (breaks other than 、 stop it)."""
    i = end
    depth = 0
    while i > 0:
        ch = text[i - 1]
        if ch == "”":
            depth += 1
        elif ch == "“":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in NAME_BREAK and ch != "、":
            break
        elif depth == 0 and ch == "的":
            break
        i -= 1
    return i


@Language.component("wj_enumerations")
def enumerations(doc: Doc) -> Doc:
    """Items of an enumeration typed by its head: ``引进A、B等11家企业`` -> two enterprises."""
    text = _masked_raw(doc)
    for m in _HEAD_AFTER_ETC.finditer(text) if "等" in text else ():
        head = m.group("head")
        if "合作" in m.group(0) or "服务" in m.group(0):
            continue  # 华东师大与奥锐特等11个校企合作项目: a cooperation; …等社区服务项目: services
        start = _enumeration_start(text, m.start())
        _type_items(doc, text, start, m.start(), head, "enum:等")
    # A、B<count><head> with no 等: 衣恋、森马存量企业, 华东师大、上海交大两所“双一流”高校
    for m in _HEAD_NO_ETC.finditer(text) if "、" in text else ():
        head_start = m.start("head")
        count = _COUNT_BEFORE_HEAD.search(text[:head_start])
        items_end = count.start() if count and count.start() > m.start() else head_start
        if not (count and count.start() > m.start()) and m.group("head") in _PLAIN_HEADS:
            continue  # 园区企业, 作业企业: a plain head needs a count (两所高校) to mark an enumeration
        start = _enumeration_start(text, items_end)
        _type_items(doc, text, start, items_end, m.group("head"), "enum:head")
    # A、B、C相继落地 / 推动A、B落地: items typed by their own ending, else enterprises
    for verb, pattern in _INTRODUCING_PATTERNS:
        if verb not in text:
            continue
        for m in pattern.finditer(text):
            start = _enumeration_start(text, m.start())
            opener = _INTRO_OPENER.match(text[start : m.start()])
            if not opener and not m.group(0).startswith("相继"):
                continue  # 推动X落地, X、Y相继落地; a bare "X落地" is too often a plan or a policy
            _type_items(doc, text, start, m.start(), None, f"context:{verb}")
    # 引进X、Y (items right after the verb, up to the next break)
    for m in re.finditer("引进", text) if "引进" in text else ():
        end = m.end()
        while end < len(text) and (text[end] not in NAME_BREAK or text[end] == "、"):
            end += 1
        segment = text[m.end() : end]
        if "等" in segment:
            continue  # typed by the head
        _type_items(doc, text, m.end(), end, None, "context:引进")
    return doc


def _project_name(name: str) -> str:
    """The name of a project called after an enterprise: 恩德斯豪斯 -> 恩德斯豪斯项目."""
    project_like = ("工程", "项目", "一期", "二期", "三期", "路", "线", "段", "站", "院区", "公寓", "学校",
                    "小学", "幼儿园", "中心", "基地", "安置房", "改造", "改扩建", "结建区", "创新区", "住宅",
                    "公园", "绿道", "泵闸", "水闸", "地块", "医院", "大楼", "综合体", "馆", "服务体", "建设",
                    "绿地", "林地", "书屋", "河", "浜")
    return name if name.endswith(project_like) else name + "项目"


_INNER_VERBS = tuple(w for w in _MULTI_LEFT if w not in ("建设", "服务", "合作", "协同", "形成", "示范"))
_INNER_VERB = re.compile("|".join(map(re.escape, _INNER_VERBS)))


def _has_inner_verb(name: str) -> bool:
    """An item with a verb inside is a clause, not a name (…研究院新增…研究)."""
    return _INNER_VERB.search(name, 1) is not None


def _expand_shared(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Items with their full names where the report shares a part between them.

    ``俞塘、六磊塘泵闸`` -> 俞塘泵闸, 六磊塘泵闸; ``兰香湖南路和北路`` -> 兰香湖南路, 兰香湖北路.
    Returns (start, end, name) where name may differ from the text at the offsets.
    """
    out: list[tuple[int, int, str]] = []
    for s, e in items:
        name = text[s:e]
        m = re.fullmatch(r"(.{3,})([东南西北][路街])和([东南西北][路街])", name)
        if m:
            out.append((s, s + len(m.group(1)) + 2, m.group(1) + m.group(2)))
            out.append((e - 2, e, m.group(1) + m.group(3)))
            continue
        out.append((s, e, ""))
    if len(out) >= 2:
        first = out[0][2] or text[out[0][0] : out[0][1]]
        others = [text[s:e] for s, e, _ in out[1:]]
        if all(len(o) <= 5 and o[-1] == first[-1] and not o.startswith(first[:2]) for o in others):
            cut = min(len(o) for o in others)  # 闵行城市书房莲花馆、逐梦馆 -> 闵行城市书房逐梦馆
            if len(first) - cut >= 3:
                out = [out[0]] + [(s, e, first[:-cut] + text[s:e]) for s, e, _ in out[1:]]
    if len(out) == 2:
        last = text[out[-1][0] : out[-1][1]]
        tail = re.search(r"(泵闸|水闸)$", last)
        if tail:
            out = [
                (s, e, n or (text[s:e] + tail.group(1) if len(text[s:e]) <= 4 and not text[s:e].endswith(tail.group(1)) else ""))
                for s, e, n in out
            ]
    return out


def _type_items(doc: Doc, text: str, start: int, end: int, head: str | None, rule: str) -> None:
    items = _items(text, start, end)
    if head is None and len(items) == 1:
        s, e = items[0]
        name = _raw(doc)[s:e]
        if suffix_class(name) is None and (len(name) > 8 or not name.endswith(COMPANY_ENDINGS) and len(name) > 6):
            return
    for s, e in items:
        name = text[s:e]
        if not _is_name(name) or any(g in name for g in _GENERIC) and (suffix_class(name) is None or head is None):
            continue
        if _has_inner_verb(name) or _QUOTED.sub("", name)[:2] in _GENERIC_CORES:
            continue
        name = _raw(doc)[s:e]
        if any(ch.isdigit() for ch in name) and "号线" not in name and not _LATIN.search(name):
            continue
        own = suffix_class(name)
        if head is None:
            cls = own or "Enterprise"
        else:
            head_cls = _HEAD_CLASSES[head]
            if head in COMPOSING_HEADS and not name.endswith(head):
                _add(doc, s, e, head_cls, rule + ":composed", name + head)
                continue
            if head_cls == "Project":
                cls = own if own in ("Project", "MetroLine") else "Project"
                if own is None and name.endswith(COMPANY_ENDINGS):
                    cls = "Enterprise"  # 柏楚电子、至纯科技等一批龙头项目: companies named as projects
                _add(doc, s, e, cls, rule)
                continue
            cls = own or head_cls
        _add(doc, s, e, cls, rule)


@Language.component("wj_context_names")
def context_names(doc: Doc) -> Doc:
    """Names with a company ending right before 入选/获评/注册 (弈柯莱生物科技入选…), sector heads."""
    text = _masked_raw(doc)
    for ending, pattern in _COMPANY_BEFORE_VERB:
        if ending not in text:
            continue
        for m in pattern.finditer(text):
            start = _strip_lead(text, _left_boundary(text, m.start()), m.end())
            name = _raw(doc)[start : m.end()]
            if _is_name(name) and 3 <= len(name) <= 10 and not any(g in name for g in _GENERIC):
                _add(doc, start, m.end(), "Enterprise", "context:award")
    m = _SECTOR.match(text)
    if m:
        _add(doc, m.start("name"), m.end("name"), "IndustryCluster", "context:方面")
    return doc


@Language.component("wj_cooperation_names")
def cooperation_names(doc: Doc) -> Doc:
    """Partners named in ``A与B等…合作`` / ``A与B合资`` get a candidate (enterprise by default)."""
    text = _masked_raw(doc)
    for m in _PARTNER.finditer(text) if "与" in text else ():
        s, e = m.start("b"), m.end("b")
        name = _raw(doc)[s:e]
        if _is_name(name) and not any(g in name for g in _GENERIC):
            _add(doc, s, e, suffix_class(name) or "Enterprise", "context:合作")
        a_end = m.start()
        a_start = _strip_lead(text, _left_boundary(text, a_end), a_end)
        name = _raw(doc)[a_start:a_end]
        if a_end - a_start >= 2 and _is_name(name) and not any(g in name for g in _GENERIC) and name not in LEFT_CONTEXT:
            _add(doc, a_start, a_end, suffix_class(name) or "Enterprise", "context:合作")
    return doc


_RULE_RANK = {"lexicon": 0, "known": 1, "metro": 1, "suffix": 2, "enum": 3, "milestone": 3, "context": 4}


def _rank(span: Span) -> tuple[int, int, int]:
    kind = span.id_.split(":", 1)[0]
    rank = _RULE_RANK.get(kind, 9)
    if span.id_.endswith(":composed") or span.id_ == "milestone:shared":
        rank = -1  # 上海交大 in 华东师大、上海交大等孵化器 names 上海交大孵化器
    return (-(span.end_char - span.start_char), rank, span.start_char)


_DESCRIPTOR_ENDS = ("平台", "中心", "企业", "首个")


def _trim_descriptors(doc: Doc, spans: list[Span]) -> list[Span]:
    """Cut a descriptive lead off a pattern name when a known name starts inside it.

    ``全产业链环节系统平台中航机载低空选型中心`` -> ``中航机载低空选型中心`` when 中航机载 is known.
    """
    known = [s for s in spans if s.id_.split(":", 1)[0] in ("lexicon", "known")]
    out = []
    for span in spans:
        if span.id_.startswith(("suffix", "enum", "context", "milestone")):
            for k in known:
                # 时的科技总装基地: the pattern stopped at 的, the lexicon name reaches further left
                if k.start_char < span.start_char < k.end_char <= span.end_char:
                    grown = doc.char_span(k.start_char, span.end_char, label=span.label_)
                    if grown is not None:
                        grown.id_, grown.kb_id_ = span.id_, span.kb_id_
                        span = grown
                    break
            for k in known:
                if span.start_char < k.start_char < span.end_char and k.end_char <= span.end_char:
                    if _raw(doc)[span.start_char : k.start_char].endswith(_DESCRIPTOR_ENDS):
                        trimmed = doc.char_span(k.start_char, span.end_char, label=span.label_)
                        if trimmed is not None:
                            trimmed.id_ = span.id_
                            trimmed.kb_id_ = span.kb_id_
                            span = trimmed
                        break
        out.append(span)
    return out


def resolve_spans(doc: Doc, candidates: list[Span]) -> list[Span]:
    """The longest non-overlapping candidates (ties: lexicon before patterns), in text order.

    The order of ``candidates`` decides between equal ties, as in ``doc.spans["wj_candidates"]``.
    """
    chosen: list[Span] = []
    taken: set[int] = set()
    for span in sorted(_trim_descriptors(doc, candidates), key=_rank):
        chars = set(range(span.start_char, span.end_char))
        if chars & taken:
            continue
        taken |= chars
        chosen.append(span)
    return sorted(chosen, key=lambda s: s.start_char)


@Language.component("wj_resolve")
def resolve(doc: Doc) -> Doc:
    """Keep the longest non-overlapping candidates (ties: lexicon before patterns)."""
    doc.spans[ENTITIES] = resolve_spans(doc, list(doc.spans.get(CANDIDATES, [])))
    return doc


_CLAUSE = re.compile(r"[^，。；：！？]+")
_TRAILING_ACTION = re.compile(r"(道路整修|整修|出让|贯通|景观提升|提升)$")
_NOT_PROJECT = ("路线", "规范化", "标准化", "督导", "达标", "实事", "智慧", "城中村")
_ADVERBS = ("持续", "稳步", "全力", "加快", "积极", "进一步", "顺利", "基本")
_STAGE_PATTERNS = tuple(
    (word, stages, re.compile(re.escape(word))) for word, stages in sorted(STAGE_WORDS, key=lambda w: -len(w[0]))
)
_OPENERS_LONGEST_FIRST = tuple(sorted(MILESTONE_OPENERS, key=len, reverse=True))
_FILLER = re.compile(r"(等[^、，]{0,6}?(项目|载体|配套|住宅|工程)|等(一批)?|项目|(顺利|加速|正式|基本)|实现)+$")
_CALLED_PROJECTS = re.compile("项目|载体|配套|住宅|工程")
_VERB_FIRST = re.compile(r"(?:^|[，。；])(?:" + "|".join(VERB_FIRST_STAGES) + r")(?P<items>[^，。；]+)")


def stage_words_in(clause: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Stage words in a clause as (start, end, stages), longest first, not overlapping.

    Examples
    --------
    >>> [(s, st) for s, _, st in stage_words_in("实现航电基地一期项目竣工")]
    [(10, ('Completed',))]
    """
    found: list[tuple[int, int, tuple[str, ...]]] = []
    taken: set[int] = set()
    for word, stages, pattern in _STAGE_PATTERNS:
        if word not in clause:
            continue
        for m in pattern.finditer(clause):
            if set(range(m.start(), m.end())) & taken:
                continue
            if word == "建设" and not (m.end() == len(clause) or clause.startswith(("进度", "顺利"), m.end())):
                continue
            if word in CLAUSE_FINAL_STAGES and m.end() != len(clause):
                continue  # only a postposed 推进 (…“三线并联”推进) marks a stage
            taken |= set(range(m.start(), m.end()))
            found.append((m.start(), m.end(), stages))
    return sorted(found)


@Language.component("wj_milestone_projects")
def milestone_projects(doc: Doc) -> Doc:
    """Projects named before a stage word: ``推动A、B等项目开工``, ``A、B投入使用``."""
    text = _masked_raw(doc)
    for clause in _CLAUSE.finditer(text):
        body = clause.group(0)
        stages = stage_words_in(body)
        if not stages:
            continue
        stage_start = stages[0][0]
        start = 0
        for opener in _OPENERS_LONGEST_FIRST:
            if body.startswith(opener):
                start = len(opener)
                break
        while body.startswith(_ADVERBS, start):
            start += next(len(a) for a in _ADVERBS if body.startswith(a, start))
        region = body[start:stage_start]
        filler = _FILLER.search(region)
        end = stage_start - (len(filler.group(0)) if filler else 0)
        if end - start < 2:
            continue
        called_projects = bool(filler and _CALLED_PROJECTS.search(filler.group(0)))
        _milestone_items(doc, text, clause.start() + start, clause.start() + end, called_projects)
    # 建成X、Y、Z; 完成X改造: the stage word comes first
    for m in _VERB_FIRST.finditer(text):
        if not stage_words_in(m.group("items")):
            _milestone_items(doc, text, m.start("items"), m.end("items"), False)
    return doc


def _milestone_items(doc: Doc, text: str, start: int, end: int, called_projects: bool) -> None:
    """Type the items of a milestone clause as projects (or keep the class their ending gives)."""
    for s, e, full in _expand_shared(_raw(doc), _items(text, start, end)):
        action = _TRAILING_ACTION.search(text[s:e])
        if action and not full and action.start() >= 3:
            e = s + action.start()  # 樱桃河路整修 -> 樱桃河路; …酒店地块出让 -> …酒店地块
        name = full or text[s:e]
        if _has_inner_verb(name) or not _is_name(name, strict=False) or len(name) > 24 or len(name) < 3:
            continue
        if _LEVEL_PREFIX.match(name) or (name.endswith("工程") and len(name) < 6):
            continue  # 市级重大工程, 水利工程: kinds of project, not names
        if name.endswith(_GENERIC + ("村",)) or any(g in name for g in _NOT_PROJECT) or name.startswith(("家门口", "社区综合")):
            continue
        own = suffix_class(name)
        if own and own not in ("Project", "MetroLine"):
            continue
        if not called_projects and not own and _project_name(name) != name:
            continue  # neither called a project nor named like one
        cls = own or ("Enterprise" if name.endswith(COMPANY_ENDINGS) and _project_name(name) != name else "Project")
        _add(doc, s, e, cls, "milestone:shared" if full else "milestone", _QUOTED.sub("", full))
    return doc
