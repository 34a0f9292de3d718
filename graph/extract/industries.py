"""Industry clusters in any report: the vocabulary's industries where the prose develops them, and
the industries it frames as one that no vocabulary lists.

``wj_industries`` adds ``IndustryCluster`` candidates to ``doc.spans["wj_candidates"]`` (``id_`` =
the rule, ``kb_id_`` = the canonical name: the concept's prefLabel of ``ontology/industries.ttl``,
else the name without its generic tail) and keeps every industry it found, also those inside a
longer name (集成电路 in 集成电路产业园), in ``doc.spans["wj_industries"]`` (absent when it found
none).  A vocabulary term is an industry mention only with a cue of industrial-policy prose
(``industry:…`` rules):

* ``industry:tail``: a generic tail after it: 集成电路产业, 金融业, 汽车产业链, 人工智能领域;
  ``industry:in-name`` when the tail starts a longer name (集成电路产业园, 能源材料产业联盟);
* ``industry:figure``: a figure of it: 数字经济增加值, 电子信息产业营收;
* ``industry:develops``: the prose says it develops: 推动数字经济发展, 促进快递业健康发展;
* ``industry:verb``: a development verb right before it: 发展数字经济, 培育壮大海洋经济;
* ``industry:list``: an enumeration of industries: ``A、B、C等(十大新兴)产业``, ``A、B等领域`` when most
  items are industries, ``发展A、B、C`` or ``A、B、C等健康发展`` when most are; every item of such a
  list is an industry, also one the vocabulary does not list (``industry:list-new``);
* ``industry:focus``: the focus of a sector, ``以A、B等为重点的X产业`` when a third of the items are
  vocabulary industries (以航空航天为重点的高端装备制造产业);
* a term coordinated with a cued one takes its cue: ``支持创新药和医疗器械发展`` (both develop);
* ``industry:named``: a name a development verb frames as one: ``发展X产业`` for an X the vocabulary
  does not know (防震减灾产业), a modifier before a term (规范发展互联网金融, 大力发展设施农业).

Umbrella terms (``ontology/industry-umbrellas.tsv``: 制造业, 未来产业, 总部经济 …) are never industries,
nor the people or firms an industry counts (建筑行业从业人员, 资质等级建筑业企业) or a model of its
development (房地产发展新模式: ``_DEVELOPMENT_NOUNS``).
The component also gives the other components' cluster candidates (``…产业集群`` by its ending) the
same canonical names, and a lexicon cluster keeps the lexicon's name (能源材料).

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("zh")
>>> _ = nlp.add_pipe("wj_init"); _ = nlp.add_pipe("wj_industries"); _ = nlp.add_pipe("wj_resolve")
>>> doc = nlp("大力发展集成电路产业、防震减灾产业，防范金融风险")
>>> [(s.text, s.kb_id_, s.id_) for s in doc.spans["wj_entities"]]
[('集成电路产业', '集成电路', 'industry:list'), ('防震减灾产业', '防震减灾', 'industry:list-new')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from graph.extract.components import CANDIDATES
from graph.extract.vocabulary import IndustryVocabulary, load_vocabulary

__all__ = ["INDUSTRIES", "IndustryFinder", "canonical_industry", "industry_names", "make_industry_finder"]

INDUSTRIES = "wj_industries"
CLUSTER = "IndustryCluster"

# fmt: off
#: Verbs of industrial policy that take an industry as their object (发展X, 培育壮大X, 布局X): the cue
#: for a vocabulary term standing alone, for ``发展X经济`` and for an enumeration without a head.
DEVELOP_VERBS = (
    "发展", "培育", "壮大", "打造", "做强", "做优", "做大", "做精", "布局", "聚焦", "引育", "深耕", "抢占",
    "瞄准", "培优", "振兴", "扶持", "主攻", "育强", "发力",
)
#: Words a name never runs over on its left: verbs, conjunctions, prepositions (推动X产业, 在X领域).
LEFT_WORDS = DEVELOP_VERBS + (
    "推动", "推进", "加快", "加速", "支持", "促进", "实施", "完善", "强化", "加强", "建设", "建立", "形成",
    "构建", "围绕", "依托", "引进", "引导", "鼓励", "带动", "提高", "扩大", "实现", "出台", "成立", "组建",
    "设立", "举办", "开展", "助力", "赋能", "服务", "面向", "对接", "承接", "聚集", "汇聚", "吸引", "大力",
    "全力", "积极", "着力", "重点", "前瞻", "超前", "梯度", "梯次", "一体", "协同", "加大", "落户", "落地",
    "入驻", "引领", "推出", "支撑", "新增", "建成", "培养", "提升", "巩固", "延伸", "升级", "优化", "深化",
    "拓展", "突破", "集聚", "抓好", "抓住", "健全", "坚定", "坚持", "增强", "规范", "开辟", "重塑", "统筹",
    "保障", "落实", "推广", "提振", "激发", "释放", "改造", "提质", "开发", "利用", "保护", "治理", "整治",
    "推行", "探索", "创建", "争创", "申报", "筹建", "承办", "繁荣", "振兴", "复苏", "恢复", "稳定", "稳住",
    "包括", "涵盖", "覆盖", "其中", "以及", "尤其", "特别", "重点发展", "大力发展", "加快发展", "积极发展",
    "完成", "基本", "加力", "做好", "用好", "办好", "搞好", "建好", "管好", "扩大", "严控", "淘汰", "化解",
    "压减", "关停", "出台", "制定", "编制", "筹建", "设立", "开展", "逐步", "坚持", "强化", "构筑", "抢抓",
    "谋划", "放宽", "放开", "开放", "力争", "确保", "争取", "努力",
    "与", "和", "及", "在", "将", "为", "对", "以", "把", "让", "使", "等", "的", "向", "从", "于", "由",
    "据", "按", "到", "至", "是",
)
#: Level, scale and place words at the start of an industry's name that are not part of it.
LEAD_WORDS = (
    "国家级", "省级", "市级", "区级", "世界级", "国际级", "万亿级", "千亿级", "百亿级", "万亿", "千亿",
    "百亿", "国家", "全国", "全省", "全市", "全区", "我国", "我省", "我市", "我区", "本地", "一批", "一流",
    "具有", "若干", "新一批", "更多", "高质量", "新一轮", "前沿新兴",
)
#: Tails after a vocabulary term that make it an industry mention (X产业, X行业, X领域 …).
INDUSTRY_TAILS = ("产业集群", "产业链", "产业", "行业", "集群", "领域", "赛道", "板块", "全产业链")
#: Of those, the tails the mention keeps (集成电路产业 is the mention, 集成电路产业链 is 集成电路产业 + 链).
KEPT_TAILS = ("产业集群", "产业", "行业", "集群")
#: Heads after ``A、B等`` that make the items industries (等十大新兴产业, 等优势产业, 等领域).
LIST_HEADS = ("产业集群", "产业链", "产业", "行业", "集群", "赛道", "服务业", "制造业", "领域", "板块", "方向",
              "业态")
#: Of those, heads that need most items to be vocabulary industries (教育、医疗等领域 is no list of industries).
WEAK_HEADS = ("领域", "板块", "方向", "业态")
#: What follows ``产业`` when it starts another kind of name (产业园, 产业基地, 产业联盟) or is no industry (产业化).
NOT_AFTER_HEAD = (
    "园", "基地", "集聚区", "社区", "联盟", "中心", "学院", "研究院", "项目", "化", "工人", "人才", "投资",
    "基金", "大会", "论坛", "博览", "协会", "带", "新城", "小镇", "示范区", "孵化", "扶贫", "帮扶", "工作",
    "走廊", "转移", "政策", "用地", "结构", "发展集团", "集团", "公司", "控股", "城", "部", "局", "厅", "委",
    "办", "创新带", "协同区", "合作区", "示范带", "集聚带", "发展带", "经济带", "创新区", "功能区", "聚集区",
    "高端", "环节", "上下游", "上游", "中游", "下游", "关键", "专项", "整治", "治理", "安全", "监管", "排查",
    "检查", "大模型", "模型",
)
#: Words after ``A、B等`` that make the items something else than industries (等企业, 等平台, 等人才).
OTHER_KINDS = (
    "企业", "公司", "集团", "平台", "园区", "基地", "中心", "项目", "人才", "机构", "高校", "院所", "载体",
    "品牌", "产品", "技术", "国家", "地区", "城市", "城区", "片区", "区域", "设备", "装置", "学科", "专业",
    "团队", "赛事", "活动", "展会", "节会", "会议", "场景", "示范", "试点", "要素", "资源", "方面", "问题",
    "目的地",
    "模式", "环节", "风险", "战略", "行动", "工作",
)
#: Item endings that make a list one of undertakings, works or policies, not of industries (…事业, …工程).
NOT_LIST_ENDS = ("事业", "工程", "项目", "政策", "工作", "行动", "机制", "改革", "制度", "设施", "建设")
#: Words that end a name of another kind or no name at all: never an industry (…企业, …园区, …能力).
NOT_INDUSTRY_ENDS = NOT_LIST_ENDS + (
    "企业", "公司", "集团", "园", "园区", "区", "基地", "中心", "平台", "大学", "学院", "研究院", "实验室",
    "机构", "市", "省", "县", "镇", "村", "街道", "局", "能力", "水平", "体系", "规划", "计划", "环境",
    "生态", "格局", "模式", "发展", "需求", "市场", "安全", "风险", "问题", "成果", "主体", "要素",
    "载体", "空间", "集聚", "优势", "能级", "规模", "比重", "增长", "结构", "布局", "链条", "链", "基础",
    "富民", "民生", "幸福", "新兴", "传统", "重点", "特色", "主导", "支柱", "优势", "相关", "核心", "业务",
    "带", "走廊", "圈", "新城", "片区", "事故", "型", "资金", "鲜明", "突出", "显著", "明显", "有力", "趋势",
    "作用", "功能", "场景", "示范", "标准", "品牌", "效益", "动能", "合作", "开放", "融合", "转型", "升级",
    "创新", "突破", "联盟", "协会", "会", "节", "周", "的", "等", "和", "与", "及", "券",
    "消费", "债务", "关系", "领域", "方面",
)
#: Words that are no modifier of an industry's name: places, scopes, kinds (国际环保产业 is 环保).
NOT_MODIFIERS = (
    "国际", "国内", "海外", "境外", "全球", "城市", "区域", "地方", "本地", "本土", "相关", "传统", "新兴",
    "多种", "各种", "多元", "多样", "重点", "主导", "优势", "特色", "支柱", "更多", "一批", "部分", "产业链",
    "产业", "大型", "龙头", "知名", "骨干", "领军", "头部", "高品质", "高水平", "高能级", "中国", "公共",
    "世界", "全国", "国内外", "逐步", "北方", "南方", "东部", "西部", "中部", "东北", "西北", "西南", "东南",
    "中心城区", "城区",
)
#: Sector words (umbrellas alone) that end the name of one industry after a modifier: 设施农业, 国防科技工业.
SECTOR_ENDS = ("农业", "工业", "服务业", "制造业", "服务")
#: Words after which a list's items are named without a verb: ``十四大战略性新兴产业为A、B、C``.
NAMING_WORDS = ("为", "是", "包括", "涵盖", "即")
#: Names the prose puts before 产业 or 经济 that are kinds, places or ranks, not industries.
NOT_INDUSTRIES = (
    "新兴", "未来", "传统", "优势", "主导", "支柱", "特色", "重点", "相关", "现代", "现代化", "高端",
    "先进", "基础", "配套", "上下游", "本地", "地方", "本土", "战略性", "新", "各类", "全", "实体", "新型",
    "朝阳", "富民", "乡村", "县域", "区域", "城市", "核心", "关联", "接续", "替代", "首位", "先导", "先导性",
    "支柱性", "高新", "高科技", "高新技术", "绿色", "低碳", "数字", "融合", "民营", "国民", "社会", "宏观",
    "世界", "全球", "我国", "中国", "集体", "开放型", "外向型", "高质量", "循环", "三次", "二三", "农村",
    "其他", "其它", "多个", "各个", "这些", "主要", "若干", "细分", "新赛道", "经济", "幸福", "民生",
    "产业", "行业", "企业", "重大", "公共", "公共服务", "智慧",
    "新经济", "两岸", "国际", "国内", "国内外", "深港", "湾区", "法治", "信用", "创新", "科技", "文化和",
    "长三角", "珠三角", "京津冀", "成渝", "大湾区", "粤港澳大湾区",
)
# fmt: on

#: Words without which a sentence holds no industry the vocabulary does not know.
_HEAD_WORDS = re.compile("产业|行业|集群|赛道|服务业|制造业|领域|经济|板块|方向")
_CLAUSE = re.compile(r"[^，。；：！？（）()]+")
_BREAK = set("，。；：！？、,.;:!?（）()“”\"‘’'《》「」【】—\n 　")
_ETC_HEAD = re.compile(
    r"等(?:[\d一二三四五六七八九十百千两几]+[大个类项条]|一批|多个|各类)?(?P<mod>[^，。；、等的]{0,6}?)"
    r"(?P<head>" + "|".join(LIST_HEADS) + ")"
)
_DIGIT = re.compile(r"\d|[一二三四五六七八九十]{1,3}[大个类项]|[A-Za-z]\+|\+")
_AND = re.compile(r"以及|和|及")
_INNER_VERBS = re.compile(
    "发展|建设|推进|推动|提升|实施|加快|打造|培育|完善|优化|增长|突破|取得|实现|形成|支持|开展|加强|促进|"
    "达到|超过|增加|提高|下降|带动|引进|落地|成为|获批|入选|为|应用|转型|升级|融合|集聚|统筹|引导|破解"
)


class _Words:
    """A word list looked up by position: does one end at ``i``, how long is the longest starting at ``i``."""

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(w for w in words if w)
        self.lengths = sorted({len(w) for w in self.words}, reverse=True)

    def ends_at(self, text: str, i: int, shortest: int = 1) -> bool:
        words = self.words
        for n in self.lengths:
            if shortest <= n <= i and text[i - n : i] in words:
                return True
        return False

    def starts_at(self, text: str, i: int) -> int:
        words = self.words
        for n in self.lengths:
            if text[i : i + n] in words:
                return n
        return 0

    def __contains__(self, word: str) -> bool:
        return word in self.words


def canonical_industry(name: str, vocabulary: IndustryVocabulary) -> str:
    """The canonical name of an industry: its concept's prefLabel, else the name without its tail.

    Examples
    --------
    >>> vocab = load_vocabulary()
    >>> canonical_industry("集成电路产业集群", vocab), canonical_industry("防震减灾产业", vocab)
    ('集成电路', '防震减灾')
    >>> canonical_industry("快递业", vocab)
    '快递'
    """
    concept = vocabulary.concept_of(name)
    if concept is not None:
        return concept.label
    core = _core(name)
    concept = vocabulary.concept_of(core)
    return concept.label if concept is not None else core


@lru_cache(maxsize=65536)
def _core(name: str) -> str:
    """The name without a generic tail (产业集群, 产业, 行业, 集群, 业): 冰雪产业 -> 冰雪."""
    for tail in ("产业集群", "全产业链", "产业链", "产业", "行业", "集群"):
        if name.endswith(tail) and len(name) - len(tail) >= 2:
            return name[: -len(tail)]
    if name.endswith("业") and len(name) >= 4 and not name.endswith(("服务业", "制造业", "农业", "工业", "商业")):
        return name[:-1]  # 快递业 -> 快递; 专业服务业 keeps its own 业 below
    if name.endswith("服务业") and len(name) >= 5:
        return name[:-1]  # 专业服务业 -> 专业服务, 信息服务业 -> 信息服务
    return name


class IndustryFinder:
    """The ``wj_industries`` component: industry mentions as candidates (see the module docstring)."""

    def __init__(self, nlp: Language, vocabulary: IndustryVocabulary, develop_verbs: Iterable[str] = DEVELOP_VERBS,
                 left_words: Iterable[str] = LEFT_WORDS, lead_words: Iterable[str] = LEAD_WORDS,
                 not_industries: Iterable[str] = NOT_INDUSTRIES, not_industry_ends: Iterable[str] = NOT_INDUSTRY_ENDS):
        self.vocabulary = vocabulary
        self.develop_verbs = _Words(develop_verbs)
        self.left_words = _Words(left_words)
        self.leads = _Words(set(left_words) | set(lead_words))
        self.not_modifiers = _Words(set(self.leads.words) | set(NOT_MODIFIERS))
        self.not_industries = frozenset(not_industries)
        self.not_industry_ends = tuple(not_industry_ends)
        self.umbrellas = vocabulary.umbrellas
        # the same names come back in every report: remember the answers (bounded)
        self._known = lru_cache(maxsize=65536)(self._is_known)
        self._looks_like_industry = lru_cache(maxsize=65536)(self._looks_like)
        self.matcher = PhraseMatcher(nlp.vocab)
        terms = sorted(set(vocabulary.by_label) | set(vocabulary.umbrellas))
        self.matcher.add("industry", [nlp.make_doc(t) for t in terms])

    def __call__(self, doc: Doc) -> Doc:
        text = doc.user_data.get("wj_text") or doc.text
        candidates, changed = self._other_clusters(doc, text, list(doc.spans.get(CANDIDATES, ())))
        lexicon = {(c.start_char, c.end_char): c.kb_id_ for c in candidates
                   if c.label_ == CLUSTER and c.id_ == "lexicon"}
        hits = self._vocabulary_hits(doc, text)
        spans = self._industries(doc, text, hits, lexicon) if hits or _HEAD_WORDS.search(text) else []
        if spans:
            doc.spans[INDUSTRIES] = spans
        if changed or spans or CANDIDATES not in doc.spans:
            doc.spans[CANDIDATES] = candidates + spans
        return doc

    def _industries(self, doc: Doc, text: str, hits, lexicon: dict[tuple[int, int], str]) -> list[Span]:
        """The industry mentions of one sentence, as spans (``id_`` the rule, ``kb_id_`` the canonical name)."""
        found: dict[tuple[int, int], str] = {}  # (start, end) -> rule
        in_lists: set[int] = set()  # characters of list items
        for items, head, anchored in self._lists(text, hits):
            for s, e, rule in self._list_items(text, items, head, anchored):
                if rule:
                    found.setdefault((s, e), rule)
                in_lists.update(range(s, e))  # found, or blocked: an item of 发展A、B等事业 is no industry
        for s, e, rule in self._focus_items(text):
            found.setdefault((s, e), rule)
            in_lists.update(range(s, e))
        for s, e, umbrella in hits:
            if not umbrella and s not in in_lists:
                cue = self._cue(text, s, e)
                if cue:
                    found.setdefault(cue[1:], cue[0])
        self._coordinated(text, hits, found, in_lists)
        for s, e in self._named(text, hits):
            found.setdefault((s, e), "industry:named")
        spans = []
        curated = {i for a, b in lexicon for i in range(a, b)}
        for (s, e), rule in sorted(found.items()):
            if not curated.isdisjoint(range(s, e)) and (s, e) not in lexicon:
                continue  # the curated lexicon's cluster decides its own span (能源材料, not 能源材料产业)
            surface = text[s:e]
            canonical = lexicon.get((s, e)) or canonical_industry(surface, self.vocabulary)
            span = doc.char_span(s, e, label=CLUSTER)
            if span is None or canonical in self.umbrellas:
                continue
            span.id_, span.kb_id_ = rule, canonical
            spans.append(span)
        return spans

    def _other_clusters(self, doc: Doc, text: str, candidates: list[Span]) -> tuple[list[Span], bool]:
        """The candidates, the other rules' clusters named as this component names them; changed or not.

        ``千亿级新能源汽车产业集群`` by its ending becomes 新能源汽车产业集群 of 新能源汽车; ``“14+7”产业集群``
        (a group) and 先进制造业集群 (an umbrella) are dropped.  The lexicon's clusters stay as they are.
        """
        out, changed = [], False
        for span in candidates:
            if span.label_ != CLUSTER or span.id_ == "lexicon" or span.kb_id_:
                out.append(span)
                continue
            changed = True
            start = self._strip_lead_at(text, _after_level_word(text, span.start_char, span.end_char), span.end_char)
            name = text[start : span.end_char].replace("“", "").replace("”", "")
            canonical = canonical_industry(name, self.vocabulary)
            if _DIGIT.search(name) or not (self._known(name) or self._looks_like_industry(canonical)):
                continue
            trimmed = doc.char_span(start, span.end_char, label=CLUSTER) or span
            trimmed.id_, trimmed.kb_id_ = span.id_, canonical
            out.append(trimmed)
        return out, changed

    # ------------------------------------------------------------------ vocabulary terms

    def _vocabulary_hits(self, doc: Doc, text: str) -> list[tuple[int, int, bool]]:
        """The longest non-overlapping vocabulary and umbrella terms: (start, end, is an umbrella)."""
        # longest first; of two as long, the one further right (旅游 in 人文旅游, not 文旅): heads are on the right
        matches = sorted(((doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for _, a, b in self.matcher(doc)),
                         key=lambda m: (m[0] - m[1], -m[1]))
        taken: set[int] = set()
        hits = []
        for s, e in matches:
            if not taken.isdisjoint(range(s, e)) or self._verb_runs_in(text, s):
                continue
            taken.update(range(s, e))
            term = text[s:e]
            hits.append((s, e, term in self.umbrellas and term not in self.vocabulary.by_label))
        return sorted(hits)

    def _verb_runs_in(self, text: str, s: int) -> bool:
        """Whether a development verb ends one character into the term at ``s`` (壮大 + 数据产业, not 大数据)."""
        return self.develop_verbs.ends_at(text, s + 1, shortest=2)

    def _with_tail(self, text: str, end: int) -> int:
        """Where a mention ending at ``end`` ends with its generic tail (集成电路 + 产业集群)."""
        for tail in KEPT_TAILS:
            if text.startswith(tail, end) and not text.startswith(NOT_AFTER_HEAD, end + len(tail)):
                return end + len(tail)
        return end

    def _cue(self, text: str, s: int, e: int) -> tuple[str, int, int] | None:
        """(rule, start, end) when the term at ``text[s:e]`` is an industry mention here, else None."""
        after = self._with_tail(text, e)
        if text.startswith(_WORKERS, after) or text.endswith("业", s, e) and text.startswith("企业", e):
            return None  # 建筑行业从业人员, 资质等级建筑业企业: the people or firms counted, no industry developed
        if text.startswith(INDUSTRY_TAILS, e) and not text.startswith("产业化", e) \
                and not text.startswith(_BODIES, self._with_tail(text, e)):
            if text.startswith("领域", e) and text.startswith(_NOT_AFTER_TERM, e + 2):
                return None  # 房地产领域风险
            end = self._with_tail(text, e)
            if end == e and text.startswith(KEPT_TAILS, e):
                return "industry:in-name", s, e  # 集成电路 of 集成电路产业园
            return "industry:tail", s if end == e else self._modified(text, s), end
        if text.endswith(("产业", "行业", "业"), s, e) and e - s >= 3 and not text.startswith(_BODIES, e) \
                and not text.startswith(_NOT_YE, e - 1) and not _ends_in_sector_word(text[s:e]):
            # the label has its tail (建筑业, 文化产业); before 园, 联盟 … only the industry is the mention
            if text.startswith(NOT_AFTER_HEAD, e) and text.endswith(KEPT_TAILS, s, e):
                return "industry:in-name", s, e - (2 if text.endswith(("产业", "行业"), s, e) else len("产业集群"))
            end = self._with_tail(text, e)
            return "industry:tail", self._modified(text, s), end
        if text.startswith("业", e) and not text.startswith(_NOT_YE, e):
            return "industry:tail", s, e
        end = self._with_tail(text, e)
        if text.startswith(_FIGURES, end):
            return "industry:figure", s, end  # 数字经济增加值, 电子信息产业营收
        if text.startswith(_DEVELOPS, end) and not text.startswith(_BODIES, end) and not self._develops_noun(text, end):
            return "industry:develops", self._modified(text, s), end  # 推动数字经济发展, 促进快递业健康发展
        if self.develop_verbs.ends_at(text, _before_quoted_name(text, s)):
            if text.startswith("经济", e) and text[s:e + 2] not in self.umbrellas:
                return "industry:verb", s, e + 2  # 发展港航经济
            if not text.startswith(_NOT_AFTER_TERM, e):
                return "industry:verb", s, self._with_tail(text, e)
        return None

    @staticmethod
    def _coordinated(text: str, hits, found: dict[tuple[int, int], str], in_lists: set[int]) -> None:
        """Give a term the cue of the term it is coordinated with: ``A和B发展``, ``A与B产业`` -> both.

        Right to left, so that a chain (A、B和C产业) passes the cue on; only vocabulary terms take it.

        Examples: 支持创新药和医疗器械发展 -> 创新药 as 医疗器械; 汽车和家电消费 gives neither (no cue).
        """
        by_start = {s: rule for (s, _), rule in found.items() if rule in _PASSED_CUES}
        for s, e, umbrella in reversed(hits):
            if umbrella or s in in_lists or any(a <= s < b for a, b in found):
                continue
            joint = next((j for j in _JOINTS if text.startswith(j, e)), None)
            rule = by_start.get(e + len(joint)) if joint else None
            if rule:
                found[(s, e)] = by_start[s] = rule

    @staticmethod
    def _develops_noun(text: str, end: int) -> bool:
        """Whether the 发展 after ``end`` opens a noun (房地产发展新模式), not says the industry develops."""
        develops = next(d for d in sorted(_DEVELOPS, key=len, reverse=True) if text.startswith(d, end))
        return text.startswith(_DEVELOPMENT_NOUNS, end + len(develops))

    def _modified(self, text: str, s: int) -> int:
        """Where an industry named with a modifier before a vocabulary term starts (高端绿色 + 食品产业集群).

        Two to four characters right after a verb or a break; a level word is no modifier.
        """
        i = self._modifier_start(text, s)
        return s if i is None else i

    def _modifier_start(self, text: str, s: int) -> int | None:
        i = s
        while i > max(0, s - 4) and text[i - 1] not in _BREAK and not self.leads.ends_at(text, i):
            i -= 1
        if s - i < 2 or not self.leads.ends_at(text, i):
            return None  # a modifier follows a verb (推动高端绿色 + 食品); at a clause's start it may be one
        while self.not_modifiers.starts_at(text, i) and s - i - self.not_modifiers.starts_at(text, i) >= 2:
            i += self.not_modifiers.starts_at(text, i)  # 中国 + 邮轮 + 旅游: the place is no part of the name
        modifier = text[i:s]
        if self.not_modifiers.starts_at(modifier, 0) or _DIGIT.search(modifier) or _INNER_VERBS.search(modifier) \
                or modifier.endswith(("式", "性", "化")):
            return None
        return i

    # ------------------------------------------------------------------ enumerations

    def _lists(self, text: str, hits) -> list[tuple[list[tuple[int, int]], str, bool]]:
        """Enumerations of each clause: (item spans, the head after ``等`` or "", anchored by a verb)."""
        out = []
        starts = sorted(s for s, _, _ in hits)
        for clause in _CLAUSE.finditer(text) if ("、" in text or "等" in text or _AND.search(text)) else ():
            cs, ce = clause.span()
            body = clause.group(0)
            if not _HEAD_WORDS.search(body) and not any(cs <= s < ce for s in starts):
                continue  # no term and no head: no list of industries
            etc = next((k for k in _all(body, "等") if "、" in body[:k] or _AND.search(body, 0, k)), None)
            head, developed = "", False
            if etc is not None:
                m = _ETC_HEAD.match(body, etc)
                end = cs + etc
                if m is not None and not text.startswith(NOT_AFTER_HEAD, cs + m.end()) \
                        and not _INNER_VERBS.search(m.group("mod")):
                    head = m.group("head")
                elif text.startswith(_DEVELOPS, end + 1):
                    head, developed = "?", True  # 引导网络游戏、网络视听等健康发展: the items develop
                elif any(w in body[etc : etc + 8] for w in NOT_LIST_ENDS + OTHER_KINDS) or body.startswith("等“", etc):
                    head = "-"  # A、B等事业, 等企业, 等新业态: no industries, not even after a development verb
                elif m is not None:
                    continue  # A、B等产业园: the parks' industries, each found on its own
                else:
                    head = "?"  # 发展A、B等新型消费: industries only after a development verb
            elif "、" in body or _AND.search(body):
                end = ce
            else:
                continue
            pieces, pos = [], cs
            for piece in text[cs:end].split("、"):
                pieces.append((pos, pos + len(piece)))
                pos += len(piece) + 1
            pieces = _after_partners(text, pieces)
            if len(pieces) == 1:  # 大力发展普惠金融和绿色金融
                both = _AND.search(text, *pieces[0])
                if both is None:
                    continue
                pieces = [(pieces[0][0], both.start()), (both.end(), pieces[0][1])]
            first = self._left_boundary(text, *pieces[0])
            if first is None:
                continue
            first = min([first] + [a for a, b, _ in hits if b == pieces[0][1] and pieces[0][0] <= a < first])
            anchored = developed or self.develop_verbs.ends_at(text, first) or (
                text.endswith(NAMING_WORDS, 0, first) and "产业" in text[cs:first])
            pieces[0] = (first, pieces[0][1])
            if not head:
                last = self._right_boundary(text, *pieces[-1], hits)
                if last is None:
                    pieces.pop()
                else:
                    pieces[-1] = (pieces[-1][0], last)
            items = [item for s, e in pieces for item in self._split_and(text, s, e)]
            if items and text.startswith(_WORKERS, items[-1][1]):
                continue  # 家政服务业、建筑行业从业人员: the people of the industries
            if not head and items and self._tailed(text, *items[-1]):
                head = "tail"  # 水泥、焦化行业: the last item's tail is the list's head
            if len(items) >= 2 or (head and items):
                out.append((items, head, anchored))
        return out

    def _left_boundary(self, text: str, start: int, end: int) -> int | None:
        """Where a name that ends at ``end`` starts: after the nearest break or verb (at most 12 back).

        None when that leaves fewer than two characters of name.
        """
        i = end
        lowest = max(start, end - 12)
        # a verb inside the last two characters is part of the name (科技服务), a single character never is
        while i > lowest and text[i - 1] not in _BREAK and text[i - 1] not in self.left_words \
                and not (end - i >= 2 and self.left_words.ends_at(text, i, shortest=2)):
            i -= 1
        if i == lowest > start:
            return None  # no break or verb within reach: the name's start is unknown
        i = self._strip_lead_at(text, i, end)
        return i if end - i >= 2 else None

    def _strip_lead_at(self, text: str, start: int, end: int) -> int:
        """Move ``start`` past verbs, level and scale words at the start of a name (大力发展, 千亿级)."""
        while True:
            n = self.leads.starts_at(text, start)
            if not n or end - start - n < 2:
                return start
            start += n

    def _strip_lead(self, name: str) -> str:
        return name[self._strip_lead_at(name, 0, len(name)) :]

    def _right_boundary(self, text: str, start: int, end: int, hits) -> int | None:
        """Where the last item of a list without 等 ends (低空经济 in 低空经济取得新突破); None if unclear."""
        m = _INNER_VERBS.search(text, start, end)
        if m is None and 2 <= end - start <= 8:
            return end  # the clause ends with the item: 聚焦绿色化工、空间信息、AI制药
        for s, e, _ in hits:
            if s == start and e <= end:
                return e + 2 if text.startswith("经济", e) else self._with_tail(text, e)
        cut = m.start() if m else end
        for tail in ("产业集群", "产业", "行业", "集群"):
            at = text.find(tail, start, cut)
            if at > start and not text.startswith(NOT_AFTER_HEAD, at + len(tail)):
                return at + len(tail)
        return cut if 2 <= cut - start <= 8 else None

    def _split_and(self, text: str, s: int, e: int) -> list[tuple[int, int]]:
        """An item ``A和B`` / ``A及B`` as two (unless it is one vocabulary term); ``A与B`` only when both are."""
        name = text[s:e]
        if e - s < 2 or "“" in name or "”" in name:
            return []
        if self.vocabulary.concept_of(name) is not None:
            return [(s, e)]
        m = _AND.search(name)
        if m and m.start() >= 2 and len(name) - m.end() >= 2:
            return [(s, s + m.start()), (s + m.end(), e)]
        at = name.find("与")
        if at >= 2 and len(name) - at - 1 >= 2 and self._known(name[:at]) and self._known(name[at + 1 :]):
            return [(s, s + at), (s + at + 1, e)]
        return [(s, e)]

    def _list_items(self, text: str, items, head: str, anchored: bool) -> list[tuple[int, int, str]]:
        """The items of a list that are industries, as (start, end, rule).

        Rule "" for every item of a list of undertakings or works (发展A、B等事业); none for a list
        that is no list of industries.
        """
        names = [text[s:e] for s, e in items]
        if head == "-" or any(n.endswith(NOT_LIST_ENDS) for n in names):
            return [(s, e, "") for s, e in items]  # 发展文学艺术、新闻出版、档案等事业: undertakings
        known = [self._known(n) for n in names]
        tailed = [k or n.endswith(("产业", "行业", "产业集群", "经济")) or self._compound(n) for n, k in zip(names, known)]
        if head in WEAK_HEADS:
            accept = sum(known) >= len(items) / (3 if anchored else 2)
        elif head == "?":
            accept = anchored and sum(tailed) >= len(items) / 2
        elif head == "tail":
            accept = anchored or sum(tailed) >= len(items) / 2
        elif head:
            accept = True
        else:
            accept = anchored and sum(tailed) >= len(items) / 2
        if not accept:
            return []
        out = []
        for (s, e), name, is_known in zip(items, names, known):
            if is_known:
                out.append((s, e, "industry:list"))
            elif self._looks_like_industry(name):
                out.append((s, e, "industry:list-new"))
        return out

    def _focus_items(self, text: str) -> list[tuple[int, int, str]]:
        """The industries an ``以A、B为重点的…产业`` frame names as the focus of a sector (rule ``industry:focus``).

        At least a third of the items must be vocabulary industries, as for a weak list head.

        >>> from graph.extract.pipeline import make_nlp
        >>> finder = make_nlp().get_pipe(INDUSTRIES)
        >>> [text[s:e] for text in ["壮大以半导体为重点的电子信息制造业"] for s, e, _ in finder._focus_items(text)]
        ['半导体']
        >>> finder._focus_items("构建以信用担保为重点的服务体系")
        []
        """
        out = []
        for m in _FOCUS_FRAME.finditer(text):
            if not _FOCUS_HEAD.search(m.group("head")):
                continue
            items, pos = [], m.start("items")
            for piece in m.group("items").split("、"):
                items += self._split_and(text, pos, pos + len(piece))
                pos += len(piece) + 1
            names = [text[s:e] for s, e in items]
            known = [self._known(n) for n in names]
            if not items or sum(known) < len(items) / 3:
                continue
            out += [(s, e, "industry:focus") for (s, e), n, k in zip(items, names, known)
                    if k or self._looks_like_industry(n)]
        return out

    def _tailed(self, text: str, s: int, e: int) -> bool:
        """An industry by its own tail: 焦化行业, 新型储能行业, 保险业 (a vocabulary term with 业)."""
        name = text[s:e]
        if text.startswith(NOT_AFTER_HEAD, e) or not (self._known(name) or self._looks_like_industry(name)):
            return False  # 合滁产业走廊, 智慧产业化, 世界级产业集群
        return name.endswith(("产业", "行业", "产业集群")) and len(name) > 3 or name.endswith("业") and self._known(name)

    def _compound(self, name: str) -> bool:
        """A modifier and a vocabulary term or sector word, not itself an umbrella: 绿色金融, 设施农业."""
        if name in self.umbrellas:
            return False
        for n in range(len(name) - 1, 1, -1):
            tail = name[-n:]
            if 1 <= len(name) - n <= 4 and (tail in self.vocabulary.by_label or tail in SECTOR_ENDS):
                return True
        return False

    def _is_known(self, name: str) -> bool:
        """Whether a name (with or without its tail) is a vocabulary term that is no umbrella."""
        core = _core(name)
        return name not in self.umbrellas and core not in self.umbrellas and (
            self.vocabulary.concept_of(name) is not None or self.vocabulary.concept_of(core) is not None)

    def _looks_like(self, name: str) -> bool:
        """Whether a name the vocabulary does not know can be an industry's (not a kind, place or clause)."""
        core = _core(name)
        if not 2 <= len(core) <= 10 or name in self.umbrellas or core in self.umbrellas or core + "业" in self.umbrellas:
            return False  # 先进制造 is 先进制造业
        if any(core[-n:] + "产业" in self.umbrellas for n in range(2, len(core) + 1)):
            return False  # 区内战新产业, 空天技术未来产业: a kind of industries
        if name.endswith(self.not_industry_ends) or self.left_words.starts_at(name, 0) >= 2:
            return False  # 世界一流企业, 布局未来产业
        if core.endswith("化") and len(core) >= 3:
            return False  # 智能化, 一站化: a way of developing, not an industry
        if core in self.not_industries or core.endswith(self.not_industry_ends) or core in self.leads:
            return False
        if any(ch in _BREAK for ch in name) or _DIGIT.search(name) or _INNER_VERBS.search(name):
            return False
        return not name.startswith(("新兴", "各类", "相关", "其他", "一批", "更多", "部分", "所有", "全部", "有关"))

    # ------------------------------------------------------------------ X产业, 发展X经济

    def _named(self, text: str, hits) -> list[tuple[int, int]]:
        """Names a development verb frames as an industry: ``发展X产业`` for an unknown X (冰雪产业), and a
        modifier before a vocabulary term or sector word (规范发展互联网金融, 大力发展设施农业)."""
        covered = {i for s, e, _ in hits for i in range(s, e)}
        out = []
        for s, e, umbrella in hits:
            if umbrella and text[s:e] not in SECTOR_ENDS:
                continue
            i = self._modifier_start(text, s)
            if i is not None and self.develop_verbs.ends_at(text, i) and text[i:e] not in self.umbrellas \
                    and not text.startswith(_NOT_AFTER_TERM, e):
                out.append((i, self._with_tail(text, e)))
        for p in _all(text, "产业"):
            if p - 1 in covered or text.startswith(NOT_AFTER_HEAD, p + 2):
                continue  # a vocabulary term (its own rule), or 产业园, 产业化
            s = self._left_boundary(text, 0, p)
            if s is None or p - s > 6 or not self.develop_verbs.ends_at(text, s):
                continue
            name = text[s:p]
            if self._looks_like_industry(name) and name + "产业" not in self.umbrellas:
                out.append((s, self._with_tail(text, p)))
        return out


#: The fewest characters of a vocabulary label that names an industry inside a park's name: 风投创投 of
#: 深圳湾风投创投集聚区, 生命健康 of 大百汇生命健康产业园; a two-character one (物流 of 物流园, 金融 of
#: 金融城) says as often what kind of place it is.
PARK_INDUSTRY_MIN = 3


def industry_names(docs: Iterable[Doc], parks: Iterable[str] = (),
                   vocabulary: IndustryVocabulary | None = None) -> dict[str, tuple[str, str]]:
    """The industries named as part of a longer name: surface -> (class, canonical).

    Those ``wj_industries`` found in ``docs`` (集成电路 of 集成电路产业园: the industry and its tail
    open the name), and the vocabulary's labels (no umbrella, at least :data:`PARK_INDUSTRY_MIN`
    characters) inside the names of ``parks``: a park's name states what it develops (GUIDE.md:
    A产业园 -> A), 风投创投 of 深圳湾风投创投集聚区.  The pipeline looks these up inside the report's
    other names, so that each is a cluster of its own although the longer name won the span.

    Examples
    --------
    >>> industry_names([], parks=["深圳湾风投创投集聚区", "平湖物流园"])
    {'风投创投': ('IndustryCluster', '创业投资')}
    """
    out: dict[str, tuple[str, str]] = {}
    for doc in docs:
        for span in doc.spans.get(INDUSTRIES, ()):
            if span.id_ == "industry:in-name":
                out.setdefault(span.text, (CLUSTER, span.kb_id_))
    vocabulary = vocabulary or load_vocabulary()
    for park in parks:
        for s, e, concept in vocabulary.labels_in(park):
            label = park[s:e]
            if e - s >= PARK_INDUSTRY_MIN and label in vocabulary.by_label and label not in vocabulary.umbrellas:
                out.setdefault(label, (CLUSTER, concept.label))
    return out


#: Words after a vocabulary term that make it part of something else (金融风险, 食品安全, 汽车消费).
_NOT_AFTER_TERM = (
    "风险", "安全", "消费", "市场", "监管", "机构", "诈骗", "下乡", "补贴", "贷款", "站", "园", "企业", "公司",
    "产品", "服务", "保险", "工作", "人才", "技术", "设施", "政策", "改革", "体制", "区", "基地", "中心", "平台",
    "城", "部", "局", "厅", "委", "控股", "集团", "项目", "工程", "业务", "目的地", "经营", "场景",
)


#: Words joining two coordinated industries (创新药和医疗器械发展), and the cues the second passes on.
_JOINTS = ("以及", "和", "与", "及", "、")
_PASSED_CUES = ("industry:tail", "industry:figure", "industry:develops")
#: What follows an industry the prose says develops: 数字经济发展, 快递业健康发展.
_DEVELOPS = ("发展", "健康发展", "高质量发展", "创新发展", "集聚发展", "集群发展", "规模化发展",
             "快速发展", "加快发展", "转型发展", "提质发展", "蓬勃发展")
#: Nouns after 发展 that make it part of a noun phrase (房地产发展新模式), not the industry developing.
_DEVELOPMENT_NOUNS = ("新模式", "模式", "方式", "格局", "理念", "趋势", "规划", "战略", "环境", "空间")
#: What after an industry and its tail counts the people in it (建筑行业从业人员): no industry developed.
_WORKERS = ("从业人员", "从业者")
#: Words that start with 业 and so are no tail (快递业务量 is not 快递业 + 务量).
_NOT_YE = ("业务", "业态", "业主", "业绩", "业内", "业界", "业余", "业者", "业已")
#: Figures the prose gives of an industry: 数字经济增加值, 集成电路产值.
_FIGURES = ("增加值", "产值", "总产值", "营收", "营业收入", "主营业务收入", "税收", "增速", "规模以上")
#: Government bodies named after an industry (信息产业部, 旅游局): no industry mention.
_BODIES = ("部", "局", "厅", "委", "办", "处", "司", "署")


#: Level words a place name may stand before inside a cluster's name (龙岗 + 世界级 + 电子信息产业集群).
_LEVEL_WORDS = re.compile("(?:世界|国际|国家|省|万亿|千亿|百亿)级")


def _after_level_word(text: str, start: int, end: int) -> int:
    """Where a cluster's name starts after the last level word in it (the place before it is no part), else ``start``.

    >>> _after_level_word("龙岗世界级电子信息产业集群", 0, 13), _after_level_word("电子信息产业集群", 0, 8)
    (5, 0)
    """
    level = None
    for level in _LEVEL_WORDS.finditer(text, start, end):
        pass
    return level.end() if level is not None and end - level.end() >= 4 else start


def _before_quoted_name(text: str, s: int, longest: int = 10) -> int:
    """Where a quoted name right before ``s`` opens (打造“苏韵乡情”休闲农业: the verb is before the quote), else ``s``.

    >>> _before_quoted_name("打造“苏韵乡情”休闲农业", 8), _before_quoted_name("发展休闲农业", 2)
    (2, 2)
    """
    if s == 0 or text[s - 1] != "”":
        return s
    opening = text.rfind("“", max(0, s - longest - 2), s - 1)
    return s if opening < 0 or "”" in text[opening:s - 1] else opening


#: Sector words whose 业 belongs to the word, not a generic tail: 智慧农业 is named like 智慧 + 农业, no 产业.
_SECTOR_WORDS = ("农业", "工业")


def _ends_in_sector_word(label: str) -> bool:
    """Whether a label's closing 业 is that of 农业 or 工业, so that the label carries no cue of its own.

    >>> _ends_in_sector_word("智慧农业"), _ends_in_sector_word("建筑业"), _ends_in_sector_word("文化产业")
    (True, False, False)
    """
    return label.endswith(_SECTOR_WORDS)


#: ``以A、B等为重点的X``: the items are the focus of X (以航空航天为重点的高端装备制造产业).
_FOCUS_FRAME = re.compile(
    r"以(?P<items>[^，。；：！？（）()“”以为]{2,40}?)等?为(?:重点|主导|核心|支撑|主体|引领|龙头|特色)的"
    r"(?P<head>[^，。；：、]{0,12})")
#: What X must contain for the items to be industries (not 以国家公园为主体的自然保护地体系).
_FOCUS_HEAD = re.compile("产业|行业|服务|制造|经济|集群")

#: 在 of a word, not the preposition (存在, 现在, 正在, 实在, 所在, 在线).
_NOT_AT_BEFORE = "存现正实所"


def _after_partners(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of a list from the one that opens with the fields after 在: in ``与A、B在C、D等领域合作``
    A and B are partners (places, firms), the list of fields is C, D.

    >>> t = "加强与长三角、甲湾区在具身智能、低空经济等领域合作"
    >>> [t[s:e] for s, e in _after_partners(t, [(0, 6), (7, 15), (16, 20)])]
    ['具身智能', '低空经济']
    """
    for k in range(len(pieces) - 1, 0, -1):
        s, e = pieces[k]
        at = text.rfind("在", s, e)
        if at >= 0 and e - at > 2 and text[at - 1] not in _NOT_AT_BEFORE and text[at + 1] != "线":
            return [(at + 1, e)] + pieces[k + 1 :]
    return pieces


def _all(text: str, word: str) -> list[int]:
    """Every position of ``word`` in ``text``."""
    out, k = [], text.find(word)
    while k >= 0:
        out.append(k)
        k = text.find(word, k + 1)
    return out


@Language.factory(
    "wj_industries",
    default_config={
        "vocabulary": "", "umbrellas": "", "develop_verbs": list(DEVELOP_VERBS), "left_words": list(LEFT_WORDS),
        "lead_words": list(LEAD_WORDS), "not_industries": list(NOT_INDUSTRIES),
        "not_industry_ends": list(NOT_INDUSTRY_ENDS),
    },
    requires=["doc.spans"],
    assigns=["doc.spans"],
)
def make_industry_finder(nlp: Language, name: str, vocabulary: str, umbrellas: str, develop_verbs: list[str],
                         left_words: list[str], lead_words: list[str], not_industries: list[str],
                         not_industry_ends: list[str]) -> IndustryFinder:
    """The ``wj_industries`` component; ``vocabulary`` and ``umbrellas`` are paths ("" = ``ontology/``'s files)."""
    return IndustryFinder(nlp, load_vocabulary(vocabulary or None, umbrellas or None), develop_verbs, left_words,
                          lead_words, not_industries, not_industry_ends)
