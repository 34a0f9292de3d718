"""spaCy components that find entity names in one sentence, registered as factories.

Each name-finding component adds candidate spans to ``doc.spans["wj_candidates"]`` (label = class,
``id_`` = the rule that found it, ``kb_id_`` = the canonical name when known; see
:mod:`graph.extract.spans`); ``wj_resolve`` keeps the longest non-overlapping ones in
``doc.spans["wj_entities"]``.  Every component's word lists are settings of its factory, by default
those of :mod:`graph.extract.patterns`; the lists all name finders share come as one
:class:`~graph.extract.names.NameRules` (``{"@misc": "wj.name_rules.v1"}``).

| component | finds |
| --- | --- |
| ``wj_init`` | (starts the candidates) |
| ``wj_names`` | the names of a table: the lexicon, names typed elsewhere in the report |
| ``wj_merge_rulers`` | spaCy span rulers' names, for a pipeline that uses them |
| ``wj_suffix_names`` | names by their ending: …研究院, …产业园, …孵化器, …基金, innovation …中心 |
| ``wj_metro_lines`` | metro lines and their extensions |
| ``wj_enumerations`` | items of an enumeration typed by its head; items after introducing verbs |
| ``wj_context_names`` | company names before 入选/注册…; ``X方面，`` topics |
| ``wj_cooperation_names`` | the partners of ``A与B…合作`` |
| ``wj_milestone_projects`` | projects named before or after a stage word |
| ``wj_resolve`` | (chooses among the candidates) |

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("zh")
>>> for name in ("wj_init", "wj_suffix_names", "wj_resolve"):
...     _ = nlp.add_pipe(name)
>>> doc = nlp("依托上海市养老科技产业园，引进企业。")
>>> [(s.text, s.label_, s.id_) for s in doc.spans[ENTITIES]]
[('上海市养老科技产业园', 'Park', 'suffix:产业园')]
"""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from graph.extract import patterns as P
from graph.extract.families import NONE
from graph.extract.milestones import STAGE_WORDS
from graph.extract.names import NameRules, make_name_rules
from graph.extract.spans import CANDIDATES, ENTITIES, add_candidate, doc_text, masked_text
from graph.extract.vocabulary import load_vocabulary
from graph.text.numbers import parse_chinese_integer

__all__ = [
    "CANDIDATES",
    "ENTITIES",
    "ContextNames",
    "CooperationNames",
    "Enumerations",
    "MergeRulers",
    "MetroLines",
    "MilestoneProjects",
    "NamesRuler",
    "Resolver",
    "SuffixNames",
]

# registered here, not in names.py, so that what reads names without a pipeline (resolution across
# reports) does not import spaCy
registry.misc("wj.name_rules.v1")(make_name_rules)
_RULES = {"@misc": "wj.name_rules.v1"}
_SPANS = ["doc.spans"]
_LATIN = re.compile(r"[A-Za-z]")
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")

_CLAUSE = re.compile(r"[^，。；：！？]+")
#: The number of a listed task at the start of a clause (55.完成…, （三）加快…).
_ITEM_NUMBER = re.compile(r"^(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)])")
#: Classes whose name ends a list of bare names of the same class (华为、中兴、迈瑞公司); not an institute's
#: (海辰储能、中石油深圳新能源研究院: an institute is called by its ending, a bare name before it is a firm's).
_SIBLING_CLASSES = ("Enterprise", "ListedCompany", "University")
#: The classes of organisations a list's head may type its items as (A、B等企业, A、B等高校).
_ORGANISATION_HEADS = ("Enterprise", "ListedCompany", "University", "ResearchInstitute")
#: Classes whose name's ending the bare names listed before it share (紫金山、太湖、钟山、云龙湖实验室:
#: 紫金山实验室 …; 广东、天津、福建自贸试验区: 广东自贸试验区 …), each a name of its own spelt out with the
#: shared ending.
_SHARING_CLASSES = ("Laboratory", "Park")
#: Heads that call a list's items carriers (parks, platforms, buildings), not projects: an item's
#: own ending says which it is (南开大学深圳研究院等创新载体).
_CARRIER_HEADS = ("载体",)
#: The longest bare item that shares such an ending: a place's short name (天津, 合六, 云龙湖).
_SHARING_ITEM = 4
#: The longest bare word of a list of a jurisdiction's own facilities that names none and is passed over (群艺馆).
_BARE_ITEM = 4
#: What opens a clause, and how far a title verb at its start reaches (争创国家服务|贸易创新发展示范区).
_CLAUSE_OPENERS = "，。；：！？、"
_TITLE_LEAD = 8
#: After an enumeration head: a noun and 的, so that the head word only qualifies it (等贯穿企业生命周期的服务).
_HEAD_AS_MODIFIER = re.compile(r"[\u4e00-\u9fff]{2,6}的")
#: The words of a count between 等 and a head (等100多个…): what is left is a verb or a kind.
_COUNT_WORDS = re.compile(r"[\d一二三四五六七八九十百千万两几多余个家所位批类]")
#: The classes whose names may be titles a place or body was given (示范区, 示范基地).
_TITLE_CLASSES = ("Park", "Platform", "Laboratory", "Incubator", "Alliance")
#: The other items of a list after a name (、B、C和D), up to what follows the list.
_LIST_TAIL = re.compile(r"^(?:[、和及与][^、，。；：！？等的]{1,15})+")
#: What may follow a list whose stage word opens the clause (推进A、B等项目建设).
_FILLER_TAIL = re.compile(r"(?:等[^，。；：！？]{0,6}?)?(?:项目|工程|设施|场馆|学校|医院|道路)?(?:建设|改造|工作)?")


def _alternation(words) -> str:
    """A regular expression that matches any of ``words``, longest first, as a trie.

    Python's ``re`` tries the branches of ``a|b|c`` one by one; grouped by their first characters
    (``建(?:设|成(?:通车)?)``) a list of a hundred stage words is matched about as fast as one word.

    Examples
    --------
    >>> _alternation(["建设", "建成通车", "建成", "推进"])
    '(?:建(?:成(?:通车)?|设)|推进)'
    >>> re.findall(_alternation(["建设", "建成通车", "建成"]), "建成通车、建成、建设")
    ['建成通车', '建成', '建设']
    """
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie) if trie else "(?!)"


def _trie_pattern(node: dict) -> str:
    ends_here = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        if list(child) == [""]:
            branches.append(re.escape(ch))
        else:
            sub = _trie_pattern(child)
            branches.append(re.escape(ch) + sub)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:  # a shorter word ends here: the longer ones are tried first, then nothing
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body if len(branches) == 1 else body


@Language.component("wj_init", assigns=_SPANS)
def init_candidates(doc: Doc) -> Doc:
    """Start an empty candidate group (the span rulers and the components add to it)."""
    if CANDIDATES not in doc.spans:
        doc.spans[CANDIDATES] = []
    return doc


#: A verb that builds the one park named after it, maybe a first between (建成全市首个).
_ONE_PARK_BUILT = re.compile("(?:" + "|".join(P.ONE_PARK_VERBS) + ")(?:全市|全省|全国|全区)?(?:首个|首家)?$")


def _industries_only(core: str, rules: NameRules) -> bool:
    """Whether ``core`` is one or more industries' names one after another, nothing else.

    >>> from graph.extract.names import make_name_rules
    >>> rules = make_name_rules()
    >>> _industries_only("数字经济跨境电商", rules), _industries_only("低空经济", rules), _industries_only("特色", rules)
    (True, True, False)
    """
    at = 0
    while at < len(core):
        n = next((n for n in range(len(core) - at, 1, -1) if core[at : at + n] in rules.industry_words), 0)
        if not n:
            return False
        at += n
    return bool(core)


def _industry_alone(core: str, rules: NameRules) -> bool:
    """Whether the words before an industrial base's ending are one industry after kind words.

    >>> from graph.extract.names import make_name_rules
    >>> rules = make_name_rules()
    >>> _industry_alone("特色直播电商", rules), _industry_alone("国家生物", rules), _industry_alone("航天科技", rules)
    (True, False, False)
    """
    stripped = True
    while stripped:
        stripped = False
        for n in range(min(4, len(core) - 1), 0, -1):
            if core[:n] in rules.kind_words and core[:n] not in P.DESIGNATION_WORDS:
                core, stripped = core[n:], True
                break
    return core in rules.industry_words


class MergeRulers:
    """Move span rulers' matches into the candidates (rule in ``id_``, canonical in ``kb_id_``).

    Parameters
    ----------
    rulers
        Spans key of each ruler -> the rule its names get (``{"wj_lexicon": "lexicon"}``).
    """

    def __init__(self, rulers: dict[str, str]):
        self.rulers = tuple(rulers.items())

    def __call__(self, doc: Doc) -> Doc:
        for key, rule in self.rulers:
            for span in doc.spans.get(key, []):
                new = doc.char_span(span.start_char, span.end_char, label=span.label_)
                new.kb_id_ = span.id_
                new.id_ = rule
                doc.spans[CANDIDATES].append(new)
        return doc


@Language.factory(
    "wj_merge_rulers", default_config={"rulers": {"wj_lexicon": "lexicon", "wj_known": "known"}},
    requires=_SPANS, assigns=_SPANS,
)
def make_merge_rulers(nlp: Language, name: str, rulers: dict[str, str]) -> MergeRulers:
    """The component that turns span rulers' matches into candidates (see :class:`MergeRulers`)."""
    return MergeRulers(rulers)


class NamesRuler:
    """Names given as a table, found wherever their characters occur: the lexicon, the names typed
    elsewhere in the report.  What a span ruler and ``wj_merge_rulers`` make of them, faster: a trie
    of the names walked from each character that opens one, candidates added directly (one per
    class and canonical name the characters spell, in the order a span ruler sorts its spans), rule
    ``rule``, canonical name in ``kb_id_``.

    Parameters
    ----------
    names
        Surface form -> ``[class, canonical name]``.
    rule
        The rule the candidates get (``lexicon``, ``known``).
    """

    def __init__(self, nlp: Language, names: dict[str, list[str]], rule: str):
        self.rule = rule
        strings = nlp.vocab.strings
        # tokens, not text: the tokenizer folds a space into the token before it, so 养老科 技 is
        # the pattern 养老科技 (and matches both spellings), as in a span ruler
        self.trie: dict = {}
        for surface in sorted(names):
            cls, canonical = names[surface]
            tokens = surface if len(surface.split()) == 1 and surface.split()[0] == surface else [
                t.text for t in nlp.make_doc(surface)]
            if not tokens:
                continue
            node = self.trie
            for token in tokens:
                node = node.setdefault(token, {})
            # a span ruler sorts by characters, then by the hashes of label and id
            node.setdefault("", set()).add((strings.add(cls), strings.add(canonical), cls, canonical))
        firsts = sorted(k for k in self.trie if len(k) == 1)
        self._first = re.compile("[" + re.escape("".join(firsts)) + "]") if firsts else None

    def _matches(self, tokens) -> list[tuple[int, int, tuple]]:
        """(start, end, names) of every token range that spells a name (``tokens``: a str of
        one-character tokens, or a list of token texts)."""
        trie, n, out = self.trie, len(tokens), []
        if isinstance(tokens, str):
            starts = (m.start() for m in self._first.finditer(tokens)) if self._first else ()
        else:
            starts = (i for i, t in enumerate(tokens) if t in trie)
        for start in starts:
            node, i = trie, start
            while i < n:
                node = node.get(tokens[i])
                if node is None:
                    break
                i += 1
                if "" in node:
                    out.append((start, i, node[""]))
        return out

    def spans(self, doc: Doc) -> list[Span]:
        """The candidates the names make in ``doc``."""
        text = doc_text(doc)
        # one token per character unless the tokenizer folded whitespace into a token
        tokens = text if len(doc) == len(text) else [t.text for t in doc]
        found = self._matches(tokens)
        if not found:
            return []
        if tokens is text:
            where = [(start, end, start, end, names) for start, end, names in found]
        else:
            where = [(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), start, end, names) for start, end, names in found]
        # as a span ruler sorts its spans: characters, then the hashes of label and id
        ruled = sorted(
            {(start_char, end_char, label_hash, id_hash, start, end, cls, canonical)
             for start_char, end_char, start, end, names in where
             for label_hash, id_hash, cls, canonical in names}
        )
        rule = self.rule
        return [Span(doc, start, end, label=cls, kb_id=canonical, span_id=rule) for *_, start, end, cls, canonical in ruled]

    def __call__(self, doc: Doc) -> Doc:
        found = self.spans(doc)
        if CANDIDATES not in doc.spans:
            doc.spans[CANDIDATES] = []
        doc.spans[CANDIDATES].extend(found)
        if self.rule == "lexicon":
            doc.user_data["wj_n_lexicon"] = len(found)
        return doc


@Language.factory("wj_names", default_config={"names": {}, "rule": "lexicon"}, requires=_SPANS, assigns=_SPANS)
def make_names_ruler(nlp: Language, name: str, names: dict[str, list[str]], rule: str) -> NamesRuler:
    """The component that finds the names of a table (see :class:`NamesRuler`)."""
    return NamesRuler(nlp, names, rule)


#: Characters before 等 that make it part of a word (平等, 同等, 对等, 均等), not the end of a list.
_NOT_ETC = frozenset("平同对均相")
#: Heads of a list of the areas a report develops (前海、蛇口等六大重点片区): a bare item is an area of that
#: list only, its name elsewhere is the place (前海港湾小学), not a park for what is named after it.
#: A plain 片区 is no such head: 沙井、石岩等“打的”难片区, 前海湾、大空港等三大片区水环境 list areas of a problem.
_AREA_HEADS = ("重点片区",)
#: 4大机器人产业基地, 三大市级先进制造业园区: a count of parks of one kind, right after the last of a list.
_COUNTED_KIND = re.compile(r"(?<=[^\d一二三四五六七八九十两、，。；：])(?P<count>[2-9]|[两二三四五六七八九十])大(?P<kind>[^，。；：、！？\d]{2,14}?(?:园区|基地|产业园|园|集聚区|聚集区|片区|新城|城|区))(?![\u4e00-\u9fff]{0,2}(?:园|区|城|基地))")
_DIRECTIONS = frozenset("东西南北中")


def _count_value(word: str) -> int:
    """The number a count word says: ``4`` -> 4, ``三`` -> 3, ``两`` -> 2."""
    return int(word) if word.isdigit() else parse_chinese_integer(word)


def _list_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` split on 、, one-character pieces too (rules.items drops them):
    ``_list_pieces("龙岗东、中、西", 0, 7)`` -> ``[(0, 3), (4, 5), (6, 7)]``."""
    out, at = [], start
    for piece in text[start:end].split("、"):
        out.append((at, at + len(piece)))
        at += len(piece) + 1
    return out


def _places_of_list(items: list[str]) -> list[str] | None:
    """The places of a list, a lone direction after a place with one given the place's name:
    ``["龙岗东", "中", "西"]`` -> ``["龙岗东", "龙岗中", "龙岗西"]``; None when a one-character item
    has no such place before it."""
    out: list[str] = []
    for item in items:
        if len(item) == 1:
            if item not in _DIRECTIONS or not out or out[-1][-1] not in _DIRECTIONS or len(out[-1]) < 3:
                return None
            item = out[-1][:-1] + item
        out.append(item)
    return out


def _holds_industry(name: str, rules: NameRules) -> bool:
    """Whether ``name`` holds an industry of the vocabulary (海上风电, 罗湖金融): a field, not a place.

    ``_holds_industry("罗湖金融", rules)`` is True; ``_holds_industry("济南", rules)`` is False."""
    return any(name[i:j] in rules.industry_labels for i in range(len(name)) for j in range(i + 2, len(name) + 1))




class SuffixNames:
    """Names typed by their ending, by the families of ``families.tsv``: …科学城, …高铁, …实验室, …基金.

    Every place where a family's ending ends is a candidate end (unless a longer ending runs over
    it: 科技园 in 科技园区); the name starts after the nearest break or verb on its left.  A name
    is kept when it is specific (more than kind and level words: 高水平创新平台 is none) and its
    family's condition holds (…医院 only where the clause states a construction stage).

    Parameters
    ----------
    rules
        The shared name rules (the families among them).
    award_verbs
        Verbs before an awarded title (入选国家级…平台): no name follows them.
    min_project_core
        Characters a named …项目 or …工程 has before its suffix.
    title_verbs
        Verbs before a zone or platform that make it a title it was given (获评…示范区).
    stage_words
        ``[word, role]`` of the words that state a construction stage (``stages.tsv``): where one
        is said of a name, the ``stage`` families name projects.  Words of role ``stage`` and
        ``progress`` follow their names (A建成), all of them may open them (推进A).
    treaty_words
        Words after a zone in its clause that make it a trade agreement (中日韩自贸区等谈判): no park.
    project_inner_nouns
        Nouns ending with a verb of the left context (城市更新) that a project's name holds inside:
        the name runs on to their left (谭屋围城市更新配套学校, not 配套学校).
    batch_words
        Words that count a batch (一批, 若干): a name after one in its clause, with no verb between,
        is a kind of thing (建设一批高水平的国家科学中心).
    """

    def __init__(self, rules: NameRules, award_verbs: list[str], min_project_core: int,
                 stage_words: list[list[str]], title_verbs: list[str], treaty_words: list[str] = (),
                 project_inner_nouns: list[str] = (), batch_words: list[str] = ()):
        self.rules = rules
        self.project_inner_nouns = tuple(project_inner_nouns)
        self._treaty = re.compile(_alternation(treaty_words)) if treaty_words else None
        self.award_verbs = tuple(award_verbs)
        self.title_verbs = tuple(title_verbs)
        self.min_project_core = min_project_core
        self.company_endings = ("公司", "集团")
        self._project_tail = re.compile("(项目|工程)$")
        self._last_chars = re.compile("[" + re.escape("".join(sorted({e[-1] for e in rules.endings}))) + "]")
        self._rtrie: dict = {}  # the endings as a trie read from their last character
        for ending in rules.endings:
            node = self._rtrie
            for ch in reversed(ending):
                node = node.setdefault(ch, {})
            node[""] = {}
        words = sorted((w for w, _ in stage_words), key=len, reverse=True)
        after = [w for w in words if dict(stage_words)[w] in ("stage", "progress")]
        self._stage = re.compile(_alternation(words)) if words else None
        self._stage_after = re.compile(_alternation(after)) if after else None
        self._batch = re.compile("(?:" + _alternation(batch_words) + ")([^，。；：！？]*)$") if batch_words else None

    def _titled_clause(self, text: str, start: int) -> bool:
        """Whether the clause opens with a title verb a few characters before ``start``, the words
        between cut off at a verb inside the title (争创国家服务贸易创新发展示范区: 服务 is a verb elsewhere)."""
        lead_start = max(text.rfind(b, 0, start) for b in _CLAUSE_OPENERS) + 1
        lead = text[lead_start:start]
        return 0 < len(lead) <= _TITLE_LEAD and lead.startswith(self.title_verbs)

    def counted_kind(self, text: str, start: int) -> bool:
        """Whether the name at ``start`` is one of a batch its clause counts (``patterns.BATCH_WORDS``:
        一批, 若干 …), with no verb between: 建设一批高水平的国家科学中心, 培育一批工业设计中心、计量和检验检测认证中心
        are kinds of things the report wants more of, not names.

        Examples
        --------
        >>> from graph.extract.names import make_name_rules
        >>> names = SuffixNames(make_name_rules(), [], 4, [], [], batch_words=["一批"])
        >>> text = "建设一批高水平的国家科学中心"
        >>> names.counted_kind(text, text.index("国家")), names.counted_kind("建设国家科学中心", 2)
        (True, False)
        >>> text = "新增一批企业，推进深圳湾实验室建设"
        >>> names.counted_kind(text, text.index("深圳湾"))
        False
        """
        m = self._batch.search(text, max(0, start - 20), start) if self._batch else None
        if m is None:
            return False
        return not self.rules.has_verb(m.group(1))  # 高水平的: a quality word, no verb

    def generic(self, name: str) -> bool:
        """True for names made of generic words (方案, 机制, 重点项目…), not of a proper name."""
        core = self._project_tail.sub("", name)
        return core.endswith(self.rules.generic_words) or self.rules.is_programme(name)

    def _left_boundary(self, text: str, suffix_at: int, suffix: str) -> int:
        """Where the name before the ending at ``suffix_at`` starts; a noun of
        ``project_inner_nouns`` before it is inside a project's name, which runs on to its left.

        A name stopped by the verb of the noun (更新 of 城市更新) started inside the project's name:
        谭屋围城市更新配套学校, 梅林广通城市更新单元养老项目.
        """
        start = self.rules.left_boundary(text, suffix_at)
        if text[start : start + 1] in self.rules.conjunctions:
            return start  # 城市更新和土地整备项目: the noun is an item of its own
        if any(f.cls == "Project" for f in self.rules.by_ending.get(suffix, ())):
            for noun in self.project_inner_nouns:
                if text.endswith(noun, 0, start) and start - len(noun) > 0:
                    return self.rules.left_boundary(text, start - len(noun))
        return start

    def _ends(self, text: str) -> list[tuple[int, str]]:
        """(end, ending) of every place a family ending ends, the longest ending there, none run over."""
        found: list[tuple[int, str]] = []
        starts: list[tuple[int, int]] = []
        rtrie = self._rtrie
        for m in self._last_chars.finditer(text):
            end = m.end()
            node, at, longest = rtrie[m.group(0)], end - 1, 0
            while True:  # walk the endings backwards from their last character
                if "" in node:
                    starts.append((at, end))
                    longest = end - at
                at -= 1
                if at < 0 or text[at] not in node:
                    break
                node = node[text[at]]
            if longest:
                found.append((end, text[end - longest : end]))
        if not found:
            return []
        inside = {i for s, e in starts for i in range(s + 1, e)}  # ends that a longer ending runs over
        return [(end, ending) for end, ending in found if end not in inside]

    def _governed(self, text: str, start: int, end: int, clauses: list[tuple[int, int]]) -> bool:
        """Whether a stage word of its clause is said of the name at ``text[start:end]``.

        The word follows the name (and the other items of its list) with at most a few words
        between (``A、B等项目建成``), or opens the clause and the name's list runs to its end
        (``推进A、B建设``); in ``推进A、B等主干道沿线公共绿地提升`` the roads are where, not what.
        """
        if self._stage is None:
            return False
        at = bisect.bisect_right(clauses, (start, len(text))) - 1
        left, right = clauses[at] if at >= 0 and clauses[at][1] >= end else (start, end)
        after = _LIST_TAIL.sub("", text[end:right])
        m = self._stage_after.search(after) if self._stage_after else None
        if m and m.start() <= 12 and "的" not in after[: m.start()]:
            return True
        return bool(self._stage.search(text, left, start)) and _FILLER_TAIL.fullmatch(after) is not None

    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules
        text = masked_text(doc)
        seen: set[tuple[int, int]] = set()
        found: list[tuple[int, int, str, str]] = []
        nones: list[tuple[int, int]] = []
        clauses: list[tuple[int, int]] | None = None
        raw = doc_text(doc)
        for end, suffix in self._ends(text):
            suffix_at = end - len(suffix)
            ending_end = end
            if text[end : end + 1] == "〔":  # 香港中文大学（深圳）, 保税物流中心（B型）: the bracket is part of it
                close = text.find("〕", end)
                end = close + 1 if close > 0 else end
            if not rules.right_ok(text, end, suffix_at):
                continue
            if text.startswith("进度", end) and (suffix in ("工程", "项目") or any(f.when == "inner" for f in rules.by_ending[suffix])):
                continue  # 家西河治理进度, 工程进度: the progress of the works on what is named before
            inside = self._stage.match(text, suffix_at) if self._stage else None
            if inside and inside.end() > end:
                continue  # 家西河治理进度: 治理 is part of the stage word 治理进度 said of 家西河
            if suffix not in ("工程", "项目") and suffix_at > 0 and rules.verb_before(text, suffix_at):
                continue  # 发挥大学城, 提升大学: a verb and the family word, no name
            start = self._left_boundary(text, suffix_at, suffix)
            if text[start - 1 : start] == "（" and rules.ends_a_name(text, start - 1):
                continue  # 永德路（龙吴路－虹梅南路）: the section of the road named before
            start = rules.trim_lead(text, rules.strip_lead(text, start, end), end)
            if text[start - 1 : start] == "”" and "“" in text[:start] and text[text.rfind("“", 0, start) + 1 : start - 1] not in rules.left_words:
                start = text.rfind("“", 0, start)  # “大零号湾”科技创新策源功能区: the quote is part of it; not “引入”香港…
            name = text[start:end]
            before_level = start
            level = rules.level_prefix.match(name)
            if level:
                if raw[:start].endswith(self.award_verbs) or level.end() >= len(name) - len(suffix):
                    continue  # a title it was awarded (入选国家级…平台), not a name
                start += level.end()
                name = text[start:end]
            superlative = rules.after_superlative(name)
            if superlative:
                if superlative >= len(name) - len(suffix):
                    continue  # 全国首个基地: a superlative and the family word, no name
                start += superlative  # 全市首座生态文明展览馆, 亚洲最大地下火车站福田综合交通枢纽: the name after it
                name = text[start:end]
            shared = rules.shared_ending(text[start:ending_end])
            if shared and suffix not in rules.works_words:  # 资源和龙胜卫生院: two names, one ending
                left = shared[0]
                shared = (start, (left, left if suffix in self.company_endings else left + suffix))
                start += len(left) + 1
                name = text[start:end]
            elif shared or (suffix in rules.works_words and rules.shared_ending(text[start:suffix_at])):
                continue  # 皇岗和文锦渡口岸改造: the works on two names, each found at the ending they share
            if (start, end) in seen or not rules.is_name(name):
                continue
            if suffix == "平台" and name.startswith("“"):
                continue  # “一网统管”平台: a quoted slogan with a generic head
            core = name[: suffix_at - start]
            if any(ch in rules.conjunctions for ch in core[1:][-2:]):
                continue  # 兰香湖南路和北路: a shared name, for the enumeration rules to spell out
            plain = _QUOTED.sub(lambda q: q.group(0)[1:-1], raw[start:ending_end])  # without a bracket after it
            if clauses is None:
                clauses = [m.span() for m in _CLAUSE.finditer(text)]
            family = rules.family_of(plain, stage=self._governed(text, start, end, clauses))
            if family is not None and family.cls == NONE:
                nones.append((start, end))  # 龙吴路环境综合整治: no 龙吴路 either
                continue
            kinds = family is not None and (family.cls in ("Park", "Project") or suffix == "平台")
            one_park = False
            if kinds and family.ending in P.INDUSTRY_PARK_ENDINGS:
                # 国家生物产业基地, 航天科技产业基地 are named; 生物产业基地 alone is a kind of base
                kinds = _industry_alone(plain[: -len(family.ending)], rules)
            elif kinds and family.ending in P.ONE_PARK_ENDINGS and _ONE_PARK_BUILT.search(raw, 0, start):
                kinds = False  # 规划建设低空经济产业园: the one park the clause builds
                one_park = _industries_only(plain[: -len(family.ending)], rules)
            if family is None or not (one_park or rules.is_specific(plain, industries=kinds)):
                continue
            if self.counted_kind(text, start):
                continue  # 建设一批高水平的国家科学中心: kinds of platform, counted
            if family.cls in _TITLE_CLASSES and (raw[:start].endswith(self.title_verbs) or raw[:before_level].endswith(self.title_verbs)
                                                 or self._titled_clause(raw, start)):
                continue  # 获评全国义务教育优质均衡发展区, 创建省级无邪教示范区: a title it was given
            if family.cls == "Park" and self._treaty and self._treaty.search(_CLAUSE.match(text, end).group(0) if _CLAUSE.match(text, end) else ""):
                continue  # 中日韩自贸区等谈判, 中国－东盟自贸区升级议定书: an agreement, not a zone
            if suffix in ("项目", "工程") and (len(name) - len(suffix) < self.min_project_core or self.generic(name)
                                           or rules.is_programme(name, raw[:start])):
                continue  # 重点项目, 提速水利工程: named projects are longer and specific; 实施人才兴皖工程: a programme
            seen.add((start, end))
            found.append((start, end, family.cls, f"suffix:{family.ending}", ""))
            if shared:
                at, (left, canonical) = shared
                found.append((at, at + len(left), family.cls, f"suffix:{family.ending}:shared", canonical))
        for start, end, cls, rule, canonical in found:
            if not any(s <= start and end <= e for s, e in nones):
                add_candidate(doc, start, end, cls, rule, canonical)
        return doc


@Language.factory(
    "wj_suffix_names",
    default_config={
        "rules": _RULES, "award_verbs": list(P.AWARD_VERBS),
        "min_project_core": 4,
        "stage_words": [[w.word, w.role] for w in STAGE_WORDS if w.role != "none"],
        "title_verbs": list(P.TITLE_VERBS), "treaty_words": list(P.TREATY_WORDS),
        "project_inner_nouns": list(P.PROJECT_INNER_NOUNS), "batch_words": list(P.BATCH_WORDS),
    },
    requires=_SPANS, assigns=_SPANS,
)
def make_suffix_names(nlp: Language, name: str, rules: NameRules, award_verbs: list[str],
                      min_project_core: int, stage_words: list[list[str]],
                      title_verbs: list[str], treaty_words: list[str],
                      project_inner_nouns: list[str], batch_words: list[str]) -> SuffixNames:
    """The component that types names by their ending (see :class:`SuffixNames`)."""
    return SuffixNames(rules, award_verbs, min_project_core, stage_words, title_verbs, treaty_words,
                       project_inner_nouns, batch_words)


class MetroLines:
    """Metro lines with their sections and phases (地铁7号线二期（东延）, 15号线南延伸段), also where a
    report shares a prefix or a head between them (轨道10、14、16号线; 8号线二期、三期).

    The canonical name is the line as written, with the prefix the report gives it
    (:func:`graph.extract.pipeline.extract` gives every mention of a line one such name).

    Parameters
    ----------
    prefixes
        What may open a line's name (地铁, 轨道交通, 轨交 …).
    extensions
        Regular expression of what may end it: sections and phases (南延伸段, 二期, 主线).
    main_line
        The extension that names the line itself (主线).
    """

    def __init__(self, prefixes: list[str], extensions: str, main_line: str):
        prefix = f"(?P<prefix>{_alternation(sorted(prefixes, key=len, reverse=True))})(?:[一二三四五六七八九十]期)?"
        ext = f"(?P<ext>(?:{extensions})(?:〔[^〕]{{1,4}}〕)?)"
        self.pattern = re.compile(
            f"(?:{prefix})?(?P<nums>\\d{{1,2}}(?:[、和及]\\d{{1,2}})*)号线{ext}?(?P<more>(?:、[一二三四五六七八九十]期)*)"
        )
        self.main_line = main_line

    def __call__(self, doc: Doc) -> Doc:
        text = masked_text(doc)
        for m in self.pattern.finditer(text) if "号线" in text else ():
            prefix = m.group("prefix") or ""
            ext = m.group("ext") or ""
            raw_ext = doc_text(doc)[m.start("ext") : m.end("ext")] if ext else ""
            ext_name = "" if ext == self.main_line else raw_ext
            numbers = list(re.finditer(r"\d{1,2}", m.group("nums")))
            base = m.start("nums")
            if len(numbers) == 1:
                n = numbers[0].group(0)
                add_candidate(doc, m.start(), m.end("ext") if ext else m.end("nums") + 2, "MetroLine", "metro",
                              f"{prefix}{n}号线{ext_name}")
            else:  # 轨道10、14、16号线: each line of its own, named in full
                for i, num in enumerate(numbers):
                    s = m.start() if i == 0 else base + num.start()
                    e = (m.end("ext") if ext else m.end("nums") + 2) if i == len(numbers) - 1 else base + num.end()
                    last = i == len(numbers) - 1
                    add_candidate(doc, s, e, "MetroLine", "metro" if last and not prefix else "metro:shared",
                                  f"{prefix}{num.group(0)}号线{ext_name if last else ''}")
            n = numbers[-1].group(0)
            for phase in re.finditer("[一二三四五六七八九十]期", m.group("more")):  # 8号线二期、三期
                at = m.start("more") + phase.start()
                add_candidate(doc, at, at + 2, "MetroLine", "metro:shared", f"{prefix}{n}号线{phase.group(0)}")
        return doc


@Language.factory(
    "wj_metro_lines",
    default_config={
        "prefixes": list(P.METRO_PREFIXES), "extensions": P.METRO_EXTENSIONS, "main_line": P.METRO_MAIN_LINE,
    },
    requires=_SPANS, assigns=_SPANS,
)
def make_metro_lines(nlp: Language, name: str, prefixes: list[str], extensions: str, main_line: str) -> MetroLines:
    """The component that finds metro lines (see :class:`MetroLines`)."""
    return MetroLines(prefixes, extensions, main_line)


class Enumerations:
    """Items of an enumeration typed by its head: ``引进A、B等11家企业`` -> two enterprises.

    Also ``A、B<count><head>`` without 等 (两所“双一流”高校), ``推动A、B落地`` / ``A、B相继落地``
    (items typed by their own ending, else enterprises) and ``引进X、Y``.

    Parameters
    ----------
    rules
        The shared name rules.
    heads
        (head, class) pairs, longest first.
    composing_heads
        Heads that name their items "<item><head>" (华东师大、莲谷等孵化器 -> 华东师大孵化器).
    plain_heads
        Heads that mark an enumeration only after a count.
    not_enumeration_words
        Words in the ``等…<head>`` part that make it no list of names.
    introducing, introducing_adverbs, introducing_openers
        Verbs that bring something in, their adverbs, and what a clause opens with for
        ``X落地`` to count.
    listing_adverbs
        Adverbs that make ``A、B<adverb><verb>`` count without an opener (相继落地).
    object_verbs
        Verbs whose objects follow them up to the next break (引进X、Y).
    head_counters
        Counter words of the count before a head (家, 个, 所…).
    public_body_endings
        How a government's department or office ends (环水局, 更新办, 区委): an item ending so is no
        name of ours, whatever list it stands in (``环水局、城管局、市燃气集团协助办理``: the bodies that
        help, and one company).
    """

    def __init__(self, rules: NameRules, heads: list[list[str]], composing_heads: list[str], plain_heads: list[str],
                 not_enumeration_words: list[str], introducing: list[str], introducing_adverbs: list[str],
                 introducing_openers: list[str], listing_adverbs: list[str], object_verbs: list[str],
                 head_counters: str, public_body_endings: list[str] = ()):
        self.rules = rules
        self.public_body_endings = tuple(public_body_endings)
        self.head_classes = dict((h, c) for h, c in heads)
        self.composing_heads = tuple(composing_heads)
        self.plain_heads = tuple(plain_heads)
        self.not_enumeration_words = tuple(not_enumeration_words)
        count = r"(?:[\d一二三四五六七八九十百两几]+(?:[" + re.escape(head_counters) + r"])?)"
        alternatives = "|".join(h for h, _ in heads)
        self.head_after_etc = re.compile(
            r"等(?:一批|各类|多家)?" + count + r"?(?P<between>[^，。；：！？]{0,14}?)(?P<head>" + alternatives + r")" + count + "?"
        )
        self.head_no_etc = re.compile(r"、[^、，。；：等]{1,12}?(?:" + count + r"(?:“[^”]{1,8}”)?)?(?P<head>" + alternatives + ")")
        self.count_before_head = re.compile(count + r"(?:“[^”]{1,8}”)?$")
        adverbs = _alternation(introducing_adverbs)
        self.introducing = tuple((verb, re.compile(f"(?:{adverbs})?{re.escape(verb)}")) for verb in introducing)
        self.listing_adverbs = tuple(listing_adverbs)
        self.object_verbs = tuple((verb, re.compile(re.escape(verb))) for verb in object_verbs)
        self.object_verb_words = frozenset(object_verbs)
        self.opener = re.compile(f"({_alternation(introducing_openers)})")
        self.place_endings = frozenset(P.PLACE_ENDINGS)
        # the last characters of each class's endings: a bare item ending so is a name of that kind already
        self._last_of_class: dict[str, frozenset[str]] = {}
        for f in rules.families:
            self._last_of_class[f.cls] = self._last_of_class.get(f.cls, frozenset()) | {f.ending[-1]}

    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules
        text = masked_text(doc)
        raw = doc_text(doc)
        for m in self.head_after_etc.finditer(text) if "等" in text else ():
            if any(w in m.group(0) for w in self.not_enumeration_words) or text[m.start() - 1 : m.start()] in _NOT_ETC:
                continue  # 依法平等保护…企业: 等 of a word (平等, 同等), no list
            if _HEAD_AS_MODIFIER.match(text, m.end()) and len(_COUNT_WORDS.sub("", m.group("between"))) >= 2:
                continue  # 等100多个贯穿企业生命周期的服务: the head word qualifies another noun (not 等6家企业投资修复的…)
            start = rules.enumeration_start(text, m.start())
            # 等各类孵化器: incubators of every kind, among them those of A and B: A, B are their owners
            owners = "各类" in m.group(0)[:4]
            self.type_items(doc, text, start, m.start(), m.group("head"), "enum:等", kind=m.group("between"),
                            owners=owners)
        # A、B<count><head> with no 等: 衣恋、森马存量企业, 华东师大、上海交大两所“双一流”高校
        for m in self.head_no_etc.finditer(text) if "、" in text else ():
            head_start = m.start("head")
            count = self.count_before_head.search(text[:head_start])
            items_end = count.start() if count and count.start() > m.start() else head_start
            if not (count and count.start() > m.start()) and m.group("head") in self.plain_heads:
                continue  # 园区企业, 作业企业: a plain head needs a count (两所高校) to mark an enumeration
            start = rules.enumeration_start(text, items_end)
            self.type_items(doc, text, start, items_end, m.group("head"), "enum:head")
        # A、B、C相继落地 / 推动A、B落地: items typed by their own ending, else enterprises
        for verb, pattern in self.introducing:
            if verb not in text:
                continue
            for m in pattern.finditer(text):
                start = rules.enumeration_start(text, m.start())
                opener = self.opener.match(text[start : m.start()])
                listed = m.group(0).startswith(self.listing_adverbs) and verb not in self.object_verb_words
                if not opener and not listed:
                    continue  # 推动X落地, X、Y相继落地; a bare "X落地" is too often a plan (中大八院成功引进…: the subject)
                if opener and start + opener.end() == m.start():
                    continue  # 推动成立红岭教育集团: the opener is the verb's, what was set up follows it
                self.type_items(doc, text, start, m.start(), None, f"context:{verb}")
        # 华为、中兴、迈瑞公司: the bare items before a company's, a university's or an institute's name
        for c in list(doc.spans[CANDIDATES]):
            if c.label_ in _SIBLING_CLASSES and c.id_.startswith("suffix") and text[c.start_char - 1 : c.start_char] == "、":
                start = rules.enumeration_start(text, c.start_char - 1)
                for s, e in rules.items(text, start, c.start_char - 1):
                    name = raw[s:e]
                    if (len(name) <= 6 and rules.ending_of(name) is None and rules.is_name(name)
                            and not rules.is_generic(name) and not rules.has_inner_verb(name)
                            and not self.is_public_body(name)):
                        add_candidate(doc, s, e, c.label_, "enum:list")
        # 区大剧院、文化馆、图书馆: the level word of the first facility is the bare ones' after it too
        for c in list(doc.spans[CANDIDATES]):
            if c.label_ == "Project" and text[c.end_char : c.end_char + 1] == "、" and rules.is_own_facility(c.text):
                self.share_level(doc, text, c.end_char, rules.own_level(c.text))
        # 紫金山、太湖、云龙湖实验室: the bare items before a laboratory's name share its ending
        for c in list(doc.spans[CANDIDATES]):
            if c.label_ in _SHARING_CLASSES and c.id_.startswith("suffix") and text[c.start_char - 1 : c.start_char] == "、":
                if rules.conjunctions & set(c.text):
                    continue  # 连平、河源和吉安共建产业园: the builders of one park, listed
                start = rules.enumeration_start(text, c.start_char - 1)
                items = rules.items(text, start, c.start_char - 1) + [(c.start_char, c.end_char)]
                for s, e, full in rules.expand_shared(raw, items)[:-1]:
                    if e - s > _SHARING_ITEM or e - s > 2 and raw[e - 1] in self._last_of_class.get(c.label_, ()):
                        continue  # 大工业区、精细化工园区: a bare item ending as a park does is a park of its own (not 琼港)
                    if full and rules.is_name(raw[s:e]) and not rules.has_inner_verb(raw[s:e]) \
                            and rules.is_specific(full, industries=True):  # 时尚产业、…片区: a kind of area
                        add_candidate(doc, s, e, c.label_, "enum:list:shared", full)
        # 济南、青岛、淄博、济宁4大机器人产业基地: as many places as the count, one park of the kind each
        for m in _COUNTED_KIND.finditer(text) if "大" in text and "、" in text else ():
            self.name_counted_parks(doc, text, m)
        # 引进X、Y (items right after the verb, up to the next break)
        for verb, pattern in self.object_verbs:
            for m in pattern.finditer(text) if verb in text else ():
                end = m.end()
                while end < len(text) and (text[end] not in rules.breaks or text[end] == "、"):
                    end += 1
                if "等" in text[m.end() : end]:
                    continue  # typed by the head
                self.type_items(doc, text, m.end(), end, None, f"context:{verb}", organisations_only=True)
        return doc

    def name_counted_parks(self, doc: Doc, text: str, m: re.Match) -> None:
        """Name the places listed before a count of parks of one kind, each "<place><kind>", when
        there are as many places as the count says and the kind is a park's name of its own once a
        place stands before it: ``做强济南、青岛、淄博、济宁4大机器人产业基地`` -> 济南机器人产业基地 … ,
        ``龙岗东、中、西三大先进制造业园区`` -> 龙岗中先进制造业园区 (a lone direction after a place with one
        shares the place).  Items that are industries or names of their own are no places
        (海上风电、储能四大清洁能源基地: kinds of base)."""
        rules = self.rules
        raw = doc_text(doc)
        kind = m.group("kind")
        level = rules.level_prefix.match(kind)
        kind = kind[level.end() :] if level else kind
        start = rules.enumeration_start(text, m.start("count"))
        items = _list_pieces(text, start, m.start("count"))
        items[0] = (rules.trim_lead(text, rules.strip_lead(text, *items[0]), items[0][1]), items[0][1])
        if len(items) < 2 or len(items) != _count_value(m.group("count")) or "等" in text[start : m.start("count")]:
            return
        names = _places_of_list([raw[s:e] for s, e in items])
        ending = rules.ending_of(kind)
        if names is None or ending is None or len(kind) <= len(ending) or rules.suffix_class(names[0] + kind) != "Park":
            return  # 咨询接待、服务窗口、办公服务三大功能区: a bare park word counts areas, no parks of a kind
        if any(not rules.is_name(n) or rules.ending_of(n) is not None or _holds_industry(n, rules) for n in names):
            return
        for (s, e), name in zip(items, names):
            add_candidate(doc, s, e, "Park", "enum:counted:shared", name + kind)  # no name of 济南 elsewhere

    def share_level(self, doc: Doc, text: str, at: int, level: str) -> None:
        """Name the items listed from ``text[at]`` (a 、) after a jurisdiction's own facility with its
        level word, as long as each is a facility with no name of its own (文化馆, 妇幼保健院): the
        list's level word is theirs (区大剧院、文化馆 are 区大剧院 and 区文化馆).  An item found as a
        name already ends the run (区大剧院、大浪文化艺术中心: a centre named for its place); a bare word
        of no facility's family is passed over (区大剧院、群艺馆、图书馆: 区图书馆)."""
        rules = self.rules
        raw = doc_text(doc)
        named = {(c.start_char, c.end_char) for c in doc.spans[CANDIDATES]}
        while text[at : at + 1] == "、":
            end = at + 1
            while end < len(text) and text[end] not in rules.breaks:
                end += 1
            item = raw[at + 1 : end]
            if not item or (at + 1, end) in named or rules.own_level(item):
                return
            if rules.is_own_facility(level + item):
                add_candidate(doc, at + 1, end, "Project", "enum:own:shared", level + item)
            elif len(item) > _BARE_ITEM:
                return  # a longer item that is no facility: the list has moved on
            at = end

    def type_items(self, doc: Doc, text: str, start: int, end: int, head: str | None, rule: str,
                   organisations_only: bool = False, kind: str = "", owners: bool = False) -> None:
        """Add the items of ``text[start:end]`` with the class their head (or own ending) gives.

        With ``organisations_only`` an item needs the ending of a family or a company (引进X: X is
        anything brought in, 引进人才 as well as 引进华为科技).  ``kind`` is what stands between
        等 and a project head (调准 of ``牛成、大磡等调准项目``): when it names the works (is no kind,
        level or stage word), the short bare items are named "<item><kind><head>" (大磡调准项目).
        With ``owners`` the items own things of the head's kind and are not named after it
        (华东师大、上海交大等各类孵化器: no 上海交大孵化器, a name the report never writes).
        """
        rules = self.rules
        composed = self.composed_projects(kind, head)
        raw = doc_text(doc)
        items = rules.items(text, start, end)
        if organisations_only:
            items = [(s, e) for s, e in items if rules.looks_like_organisation(raw[s:e])]
        if head is None and len(items) == 1:
            s, e = items[0]
            name = raw[s:e]
            if rules.suffix_class(name) is None and (len(name) > 8 or not name.endswith(rules.company_endings) and len(name) > 6):
                return
        shared = {(s, e): full for s, e, full in rules.expand_shared(raw, items) if full} if head else {}
        if composed and not all(len(items) > 1 and e - s <= 4 and rules.ending_of(raw[s:e]) is None for s, e in items):
            composed = ""  # the tail is shared only by a list of short bare names (牛成、白芒、大磡)
        for s, e in items:
            name = text[s:e]
            if (s, e) in shared and self.head_classes[head] == "Project" and head not in self.composing_heads:
                full = shared[(s, e)]  # 北沿江、通苏嘉甬高铁等重大项目: 北沿江高铁 (牛湖水、龙华河等碧道: 牛湖水碧道)
                add_candidate(doc, s, e, rules.suffix_class(full, stage=True) or "Project", rule + ":shared", full)
                continue
            if not rules.is_name(name) or rules.is_generic(name) and (rules.suffix_class(name) is None or head is None):
                continue
            if rules.has_inner_verb(name) or _QUOTED.sub("", name)[:2] in rules.generic_cores:
                continue
            name = raw[s:e]
            if any(ch.isdigit() for ch in name) and "号线" not in name and not _LATIN.search(name):
                continue
            if len(items) > 1 and self.is_public_body(name):
                continue  # 城管局、公安分局等部门: departments, none of ours (支持招商局引进…: the company)
            if head is None and rules.level_prefix.match(name) and rules.suffix_class(name) is None:
                continue  # 推动国家级击剑、网球训练基地落户: a level word opens a kind, no company
            own = rules.suffix_class(name)
            if rules.is_excluded(name):
                continue  # 龙岗中心医院集团等: none of ours
            if name in rules.industry_labels and (head is None or self.head_classes[head] not in ("IndustryCluster", "Project")):
                # 集聚区块链、物联网等领域优势企业, 引进智能装备、机器人: the fields of the firms, not firms (智能电网、
                # 油气管网等重大项目 are kinds of works, for the project rules to turn down)
                add_candidate(doc, s, e, "IndustryCluster", rule + ":industry")
                continue
            if head is None:
                if own is None and rules.ending_of(name) is not None and not name.endswith(rules.company_endings):
                    continue  # 网球训练基地落户: a family's word whose condition fails names no company
                cls = own or "Enterprise"
            else:
                head_cls = self.head_classes[head]
                if head in self.composing_heads and not name.endswith(head):
                    if not owners:
                        add_candidate(doc, s, e, head_cls, rule + ":composed", name + head)
                    continue
                if head in _CARRIER_HEADS and own not in (None, "Project", "MetroLine"):
                    if rules.is_specific(name):  # 重点实验室、工程技术研究中心等创新载体: kinds of platform
                        add_candidate(doc, s, e, own, rule)  # 南开大学深圳研究院等载体: its ending says what it is
                    continue  # (a list called projects keeps them projects: 新一代信息技术产业园等产业项目)
                if head_cls == "Project":
                    cls = own or "Project"
                    if rules.shared_ending(rules.facility_of(name) or name):
                        continue  # 皇岗和文锦渡口岸改造: two names, each found at the ending they share
                    if composed and own is None and len(name) <= 4 and not name.endswith(rules.company_endings):
                        add_candidate(doc, s, e, "Project", rule + ":composed", name + composed)
                        continue
                    if rules.is_programme(name, text[:s]) or own == "Project" and not rules.is_specific(name, industries=True):
                        continue  # 城市双修、海绵城市等工程: programmes and kinds of works
                    if own is None:
                        if not rules.is_specific(name, industries=True):
                            continue  # 智慧交通、智慧医疗等项目, 城市轨道交通、智能电网等: kinds, not names
                        bare = rules.project_name(name) != name and name[-1] not in self.place_endings
                        if bare and not name.endswith(rules.company_endings) and rules.names_a_kind(name):
                            continue  # 水电核电、特高压输电、油气管网等重大项目: sectors, not companies
                        if name.endswith(rules.company_endings) or bare and "“" not in name and len(name) <= 6:
                            cls = "Enterprise"  # 柏楚电子、巴斯夫等一批龙头项目: companies named for their projects
                        elif rules.project_name(name) != name and len(name) > 6:
                            continue  # a clause, not a name
                    add_candidate(doc, s, e, cls, rule)
                    continue
                if own is None and head_cls in _ORGANISATION_HEADS and (
                        not rules.is_specific(name) or name.endswith(rules.headquarters) and rules.owner_of(name) is None):
                    continue  # 区域总部、研发总部、贸易总部等总部企业: kinds of firm, no names
                cls = own or head_cls
                if own is None and head in _AREA_HEADS:
                    add_candidate(doc, s, e, cls, rule + ":shared")  # 前海、蛇口等六大重点片区: 前海 of 前海港湾小学 is the place
                    continue
            add_candidate(doc, s, e, cls, rule)

    def is_public_body(self, name: str) -> bool:
        """Whether ``name`` is a government's department or office: it ends with a word of
        ``public_body_endings`` and with no family's ending.

        Examples
        --------
        >>> enum = Enumerations(make_name_rules(), [["企业", "Enterprise"]], [], [], [], [], [], [], [], [], "家", ["局", "办"])
        >>> enum.is_public_body("环水局"), enum.is_public_body("更新办"), enum.is_public_body("市燃气集团")
        (True, True, False)
        """
        return name.endswith(self.public_body_endings) and self.rules.ending_of(name) is None

    def composed_projects(self, kind: str, head: str | None) -> str:
        """The tail "<kind><head>" that names a list's bare items (调准项目), or "" when ``kind`` is
        no name of works: empty, a kind or level word (一批高端, 重大), a verb or a stage word."""
        rules = self.rules
        if not kind or head is None or self.head_classes.get(head) != "Project" or len(kind) < 2:
            return ""
        if not rules.is_name(kind + head, strict=False) or not rules.is_specific(kind + head, industries=True):
            return ""
        if rules.is_programme(kind + head) or rules.has_inner_verb("_" + kind) or rules.verb_before(kind, len(kind)):
            return ""
        if any(kind[i:j] in rules.left_words for i in range(len(kind)) for j in range(i + 2, len(kind) + 1)):
            return ""
        return kind + head


@Language.factory(
    "wj_enumerations",
    default_config={
        "rules": _RULES, "heads": [list(h) for h in P.ENUMERATION_HEADS],
        "composing_heads": list(P.COMPOSING_HEADS), "plain_heads": list(P.PLAIN_HEADS),
        "not_enumeration_words": list(P.NOT_ENUMERATION_WORDS), "introducing": list(P.INTRODUCING),
        "introducing_adverbs": list(P.INTRODUCING_ADVERBS), "introducing_openers": list(P.INTRODUCING_OPENERS),
        "listing_adverbs": list(P.LISTING_ADVERBS), "object_verbs": list(P.OBJECT_VERBS), "head_counters": P.HEAD_COUNTERS,
        "public_body_endings": list(P.PUBLIC_BODY_ENDINGS),
    },
    requires=_SPANS, assigns=_SPANS,
)
def make_enumerations(nlp: Language, name: str, rules: NameRules, heads: list[list[str]], composing_heads: list[str],
                      plain_heads: list[str], not_enumeration_words: list[str], introducing: list[str],
                      introducing_adverbs: list[str], introducing_openers: list[str], listing_adverbs: list[str],
                      object_verbs: list[str], head_counters: str, public_body_endings: list[str]) -> Enumerations:
    """The component that types the items of enumerations (see :class:`Enumerations`)."""
    return Enumerations(rules, heads, composing_heads, plain_heads, not_enumeration_words, introducing,
                        introducing_adverbs, introducing_openers, listing_adverbs, object_verbs, head_counters,
                        public_body_endings)


class ContextNames:
    """Names with a company ending right before 入选/获评/注册 (弈柯莱生物科技入选…); ``X方面，`` topics.

    Parameters
    ----------
    rules
        The shared name rules (company endings among them).
    verbs
        Verbs that follow a company's name.
    topic_word
        ``<industry><topic_word>，`` opens an industry topic (民用航空方面，…) when the industry is one of
        the vocabulary's (``ontology/industries.ttl``): 教育方面，, 养老方面，, 交通管理方面， open the topics of a
        government's social work, no industry.

    Examples
    --------
    >>> names = ContextNames(make_name_rules(), [], "方面")
    >>> bool(names.is_industry_topic("民用航空")), bool(names.is_industry_topic("养老"))
    (True, False)
    """

    def __init__(self, rules: NameRules, verbs: list[str], topic_word: str):
        self.rules = rules
        self.vocabulary = load_vocabulary()
        after = _alternation(verbs)
        endings = sorted(rules.company_endings, key=len, reverse=True)
        self.company_before_verb = re.compile(f"(?:{_alternation(endings)})(?={after})") if endings else None
        self.topic = re.compile(r"^(?P<name>[^，。、“”]{2,6})" + re.escape(topic_word) + "，") if topic_word else None

    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules
        text = masked_text(doc)
        for m in self.company_before_verb.finditer(text) if self.company_before_verb else ():
            start = rules.strip_lead(text, rules.left_boundary(text, m.start()), m.end())
            name = doc_text(doc)[start : m.end()]
            if rules.is_name(name) and 3 <= len(name) <= 10 and not rules.is_generic(name):
                add_candidate(doc, start, m.end(), "Enterprise", "context:award")
        m = self.topic.match(text) if self.topic else None
        if m and self.is_industry_topic(m.group("name")):
            add_candidate(doc, m.start("name"), m.end("name"), "IndustryCluster", "context:方面")
        return doc

    def is_industry_topic(self, name: str) -> bool:
        """A topic an industry of the vocabulary names (民用航空, 能源材料), not a sector of public work (教育, 就业)."""
        return self.vocabulary.concept_of(name) is not None


@Language.factory(
    "wj_context_names",
    default_config={"rules": _RULES, "verbs": list(P.COMPANY_CONTEXT_VERBS), "topic_word": "方面"},
    requires=_SPANS, assigns=_SPANS,
)
def make_context_names(nlp: Language, name: str, rules: NameRules, verbs: list[str], topic_word: str) -> ContextNames:
    """The component that finds names by the words around them (see :class:`ContextNames`)."""
    return ContextNames(rules, verbs, topic_word)


class CooperationNames:
    """Partners named in ``A与B等…合作`` / ``A与B合资`` get a candidate (enterprise by default).

    Parameters
    ----------
    rules
        The shared name rules.
    fillers
        Words between the partners and the cooperation word (密切, 开展…).
    words
        Words that say two organisations work together (合作, 合资, 协同).
    """

    def __init__(self, rules: NameRules, fillers: list[str], words: list[str]):
        self.rules = rules
        self.left_words = rules.left_words
        self.partner = re.compile(
            r"与(?P<b>[^与，。；、等]{2,12}?)(?:" + _alternation(fillers) + r")*(?:等[^，。；]{0,12})?(?:"
            + _alternation(words) + ")"
        )

    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules
        text = masked_text(doc)
        raw = doc_text(doc)
        for m in self.partner.finditer(text) if "与" in text else ():
            s, e = m.start("b"), m.end("b")
            name = raw[s:e]
            if rules.is_name(name) and not rules.is_generic(name) and rules.looks_like_organisation(name):
                add_candidate(doc, s, e, rules.suffix_class(name) or "Enterprise", "context:合作")
            a_end = m.start()
            a_start = rules.strip_lead(text, rules.left_boundary(text, a_end), a_end)
            name = raw[a_start:a_end]
            if (a_end - a_start >= 2 and rules.is_name(name) and not rules.is_generic(name) and name not in self.left_words
                    and rules.looks_like_organisation(name)):
                add_candidate(doc, a_start, a_end, rules.suffix_class(name) or "Enterprise", "context:合作")
        return doc


@Language.factory(
    "wj_cooperation_names",
    default_config={"rules": _RULES, "fillers": list(P.COOPERATION_FILLERS), "words": list(P.COOPERATION_WORDS)},
    requires=_SPANS, assigns=_SPANS,
)
def make_cooperation_names(nlp: Language, name: str, rules: NameRules, fillers: list[str], words: list[str]) -> CooperationNames:
    """The component that finds the partners of a cooperation (see :class:`CooperationNames`)."""
    return CooperationNames(rules, fillers, words)


class MilestoneProjects:
    """Projects named where a stage is stated: before a stage word (``推动A、B等项目开工``,
    ``A、B投入使用``) or after the stage words that open a clause (``开工建设A、B``, ``建成A``).

    The stage words are those of ``stages.tsv`` (:mod:`graph.extract.milestones`, their one owner);
    words of role ``stage`` and ``progress`` follow their projects, every role may open a clause.

    Parameters
    ----------
    rules
        The shared name rules (project endings among them).
    stage_words
        ``[word, role]`` pairs (role ``stage``, ``progress``, ``opener`` or ``push``).
    adverbs
        Adverbs that may stand among the words that open a clause (持续, 稳步…).
    project_words, fillers
        Words that call the listed items projects (…等项目开工), and words before the stage word.
    not_project_starts, not_project_endings
        What makes an item no project (and the programme words of the shared rules).
    trailing_actions
        Actions at the end of an item that are not part of the project's name (…路整修).
    place_endings
        Last characters of a place's name (园, 城, 岸 …): an item called a project without a
        project's ending is a place's project when it ends so (欢乐海岸), else a company's (恩德斯豪斯).
    """

    def __init__(self, rules: NameRules, stage_words: list[list[str]], adverbs: list[str], project_words: list[str],
                 fillers: list[str], not_project_starts: list[str],
                 not_project_endings: list[str], trailing_actions: list[str], place_endings: str):
        self.rules = rules
        roles = dict((w, r) for w, r in stage_words)
        words = sorted(roles, key=len, reverse=True)
        self.stage = re.compile(_alternation(words)) if words else None
        self.after_roles = {w for w, r in roles.items() if r in ("stage", "progress")}
        self.adverbs = tuple(sorted(adverbs, key=len, reverse=True))
        called = _alternation(project_words)
        self.filler = re.compile(
            r"(等[^、，]{0,10}?(" + called + r")|等(一批)?|项目|(" + _alternation(fillers) + r"))+$"
        )
        self.called_projects = re.compile(called)
        self.not_project_starts = tuple(not_project_starts)
        self.not_project_endings = rules.generic_words + tuple(not_project_endings)
        self.trailing_action = re.compile("(" + _alternation(trailing_actions) + ")$")
        self.place_endings = frozenset(place_endings)

    def stage_words_in(self, clause: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of the stage words of a clause, longest first where they overlap."""
        return [(m.start(), m.end(), m.group(0)) for m in self.stage.finditer(clause)] if self.stage else []

    def __call__(self, doc: Doc) -> Doc:
        text = masked_text(doc)
        all_words = self.stage_words_in(text)  # no stage word runs over a clause's end
        if not all_words:
            return doc
        for clause in _CLAUSE.finditer(text):
            cs, ce = clause.span()
            words = [(s - cs, e - cs, w) for s, e, w in all_words if cs <= s and e <= ce]
            if not words:
                continue
            body = clause.group(0)
            # the words (and adverbs) that open the clause: 加快推进, 开工建设, 持续推进, 建成
            at = {s: w for s, _, w in words}
            number = _ITEM_NUMBER.match(body)  # 55.完成A、B: a numbered task opens with its words
            lead = opened = number.end() if number else 0
            while True:
                word = at.get(lead) or next((a for a in self.adverbs if body.startswith(a, lead)), None)
                if not word:
                    break
                lead += len(word)
            # a stage word right after 、 opens an item's name (、建设路、): no stage is said there
            after = [(s, e) for s, e, w in words if s >= max(lead, 1) and w in self.after_roles and body[s - 1] != "、"]
            if lead > opened:  # 开工建设A、B; 加快推进A、B建设; 建成A
                region_end = after[0][0] if after else len(body)
                self.add_region(doc, text, clause.start(), body, lead, region_end, whole=not after)
            elif after:  # A、B等项目竣工
                self.add_region(doc, text, clause.start(), body, 0, after[0][0], whole=False)
        return doc

    def add_region(self, doc: Doc, text: str, offset: int, body: str, start: int, end: int, whole: bool) -> None:
        """The items of ``body[start:end]``; with ``whole`` the list must run to the clause's end."""
        region = body[start:end]
        filler = self.filler.search(region)
        if filler and region[filler.start() - 1 : filler.start()] == "、":
            return  # 聚焦机构管理、项目实施: 项目 is an item of the list, not what calls the list projects
        end -= len(filler.group(0)) if filler else 0
        if end - start < 2:
            return
        if whole and not filler:
            last = body[start:end].rsplit("、", 1)[-1]
            if not self.rules.is_name(last, strict=False):
                return  # 推进A、B等主干道沿线公共绿地提升: A and B say where, not what
        called = self.called_projects.search(filler.group(0)) if filler else None
        if called and called.start() > 7 and self.rules.is_programme(filler.group(0)):
            return  # A等小区地下车库修缮工程: the works of a programme done at A, not A built
        self.add_items(doc, text, offset + start, offset + end, called.group(0) if called else "")

    def add_items(self, doc: Doc, text: str, start: int, end: int, called: str) -> None:
        """Type the items of a milestone clause as projects (or keep the class their ending gives).

        ``called`` is the word the clause calls them by (项目, 住宅 …), if any.
        """
        rules = self.rules
        for s, e, full in rules.expand_shared(doc_text(doc), rules.items(text, start, end)):
            action = self.trailing_action.search(text[s:e])
            if action and not full and action.start() >= 3:
                e = s + action.start()  # 樱桃河路整修 -> 樱桃河路; …酒店地块出让 -> …酒店地块
            if not full:
                s += rules.after_particle(text[s:e])  # 主席亲自为西部通道开通: the subject is no part of it
                described, named = rules.superlative_end(text[s:e]), rules.after_superlative(text[s:e])
                if described and named == described:
                    continue  # 建成全市首座生态文明展览馆: the first of a kind, no name (as after a level word)
                s += named  # 建成全国最大港口客滚综合枢纽新海港: the name after the description
            name = full or text[s:e]
            if rules.has_inner_verb(name) or not rules.is_name(name, strict=False) or len(name) > 24 or len(name) < 3:
                continue
            if rules.level_prefix.match(name) or (name.endswith("工程") and len(name) < 6):
                continue  # 市级重大工程, 水利工程: kinds of project, not names
            if rules.shared_ending(rules.facility_of(name) or name):
                continue  # 资源和龙胜卫生院: two names, each found at the ending they share
            if name.endswith(self.not_project_endings) or rules.is_programme(name, text[:s]) or name.startswith(self.not_project_starts):
                continue
            own = rules.suffix_class(name, stage=True)
            if own and own not in ("Project", "MetroLine") or rules.is_excluded(name):
                continue
            if not rules.is_specific(name, industries=True):
                continue  # 适老化改造, 老旧小区改造: kinds of works
            if not called and not own and rules.project_name(name) != name:
                continue  # neither called a project nor named like one
            company = (not own and rules.project_name(name) != name and called == "项目" and name[-1] not in self.place_endings
                       and "“" not in name  # “紫巢”项目: a quoted code name is the project's
                       and (name.endswith(rules.company_endings) or not rules.names_a_kind(name)))  # 城市轨道交通: works
            cls = own or ("Enterprise" if company else "Project")  # 恩德斯豪斯等项目: the company's project
            add_candidate(doc, s, e, cls, "milestone:shared" if full else "milestone", _QUOTED.sub("", full))


@Language.factory(
    "wj_milestone_projects",
    default_config={
        "rules": _RULES, "stage_words": [[w.word, w.role] for w in STAGE_WORDS if w.role != "none"],
        "adverbs": list(P.MILESTONE_ADVERBS), "project_words": list(P.PROJECT_WORDS), "fillers": list(P.STAGE_FILLERS),
        "not_project_starts": list(P.NOT_PROJECT_STARTS),
        "not_project_endings": list(P.NOT_PROJECT_ENDINGS), "trailing_actions": list(P.TRAILING_ACTIONS),
        "place_endings": P.PLACE_ENDINGS,
    },
    requires=_SPANS, assigns=_SPANS,
)
def make_milestone_projects(nlp: Language, name: str, rules: NameRules, stage_words: list[list[str]], adverbs: list[str],
                            project_words: list[str], fillers: list[str],
                            not_project_starts: list[str], not_project_endings: list[str], trailing_actions: list[str],
                            place_endings: str) -> MilestoneProjects:
    """The component that finds the projects of milestone clauses (see :class:`MilestoneProjects`)."""
    return MilestoneProjects(rules, stage_words, adverbs, project_words, fillers,
                             not_project_starts, not_project_endings, trailing_actions, place_endings)


class Resolver:
    """Keep the longest non-overlapping candidates (ties: the better-ranked rule, then text order).

    Parameters
    ----------
    rule_ranks
        Rule kind (the part of ``id_`` before ``:``) -> rank, lower first; unlisted kinds rank 9.
    descriptor_ends
        Endings of a descriptive lead cut off a pattern's name when a known name starts inside it.
    """

    def __init__(self, rule_ranks: dict[str, int], descriptor_ends: list[str]):
        self.rule_ranks = dict(rule_ranks)
        self.descriptor_ends = tuple(descriptor_ends)

    def rank(self, rule: str) -> int:
        """The rank of a rule id (``suffix:产业园`` ranks as ``suffix``)."""
        return self.rule_ranks.get(rule.split(":", 1)[0], 9)

    def _trim_descriptors(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Cut a descriptive lead off a pattern name when a known name starts inside it.

        ``全产业链环节系统平台中航机载低空选型中心`` -> ``中航机载低空选型中心`` when 中航机载 is known.
        """
        known = [s for s in spans if s.id_.split(":", 1)[0] in ("lexicon", "known")]
        if not known:
            return spans
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
                        if doc_text(doc)[span.start_char : k.start_char].endswith(self.descriptor_ends):
                            trimmed = doc.char_span(k.start_char, span.end_char, label=span.label_)
                            if trimmed is not None:
                                trimmed.id_ = span.id_
                                trimmed.kb_id_ = span.kb_id_
                                span = trimmed
                            break
            out.append(span)
        return out

    def resolve_spans(self, doc: Doc, candidates: list[Span]) -> list[Span]:
        """The longest non-overlapping candidates, in text order.

        The order of ``candidates`` decides between equal ties, as in ``doc.spans["wj_candidates"]``.
        """
        if not candidates:
            return []
        keyed = []
        for i, span in enumerate(self._trim_descriptors(doc, candidates)):
            rule, start, end = span.id_, span.start_char, span.end_char
            rank = -1 if rule.endswith((":composed", ":shared")) else self.rank(rule)
            keyed.append((-(end - start), rank, start, i, end, span))  # i: equal ties keep their order
        keyed.sort(key=lambda k: k[:4])
        taken = bytearray(max(k[4] for k in keyed) + 1)
        chosen: list[tuple[int, Span]] = []
        for _, _, start, _, end, span in keyed:
            if taken.find(1, start, end) >= 0:
                continue
            taken[start:end] = b"\x01" * (end - start)
            chosen.append((start, span))
        chosen.sort(key=lambda c: c[0])
        return [span for _, span in chosen]

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[ENTITIES] = self.resolve_spans(doc, list(doc.spans.get(CANDIDATES, [])))
        return doc


@Language.factory(
    "wj_resolve",
    default_config={"rule_ranks": dict(P.RULE_RANK), "descriptor_ends": list(P.DESCRIPTOR_ENDS)},
    requires=_SPANS, assigns=_SPANS,
)
def make_resolver(nlp: Language, name: str, rule_ranks: dict[str, int], descriptor_ends: list[str]) -> Resolver:
    """The component that chooses among the candidates (see :class:`Resolver`)."""
    return Resolver(rule_ranks, descriptor_ends)
