"""What a name looks like: where it starts and ends in a sentence, what class its ending gives it,
and what is no name at all (a category, a count, a clause).

:class:`NameRules` holds the word lists of :mod:`graph.extract.patterns` that every name-finding
component shares; the components get one through their config (``{"@misc": "wj.name_rules.v1"}``,
any list overridable there), so the rules are the same wherever a name is found.

Examples
--------
>>> rules = make_name_rules()
>>> rules.suffix_class("上海市养老科技产业园")
'Park'
>>> rules.suffix_class("华东师大孵化器")
'Incubator'
>>> rules.suffix_class("社区文化活动中心") is None
True
>>> text = "推进航电基地建设"
>>> text[rules.left_boundary(text, 6) : 6]
'航电基地'
>>> rules.is_name("重点项目"), rules.is_name("航电基地一期")
(False, True)
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from graph.extract import patterns as P
from graph.extract.families import NONE, Family, load_families, load_works
from graph.extract.nonprojects import load_nonprojects
from graph.extract.vocabulary import load_vocabulary

__all__ = ["NameRules", "make_name_rules"]


@lru_cache(maxsize=1)
def _industry_labels() -> frozenset[str]:
    """The industries' labels of the industry vocabulary (集成电路, 区块链, 风投创投), no umbrella terms."""
    return frozenset(load_vocabulary().by_label)


@lru_cache(maxsize=1)
def _industry_words() -> frozenset[str]:
    """The industries' labels and the umbrella terms of the industry vocabulary (kinds, not names)."""
    return _industry_labels() | load_vocabulary().umbrellas

_LATIN = re.compile(r"[A-Za-z]")
_SLOGAN = re.compile(r"([一二两三四五六七八九十])[^一二两三四五六七八九十]{1,2}\1")
#: 四良两优, 三生一体, 一街两园: two counted words at the start of a name, a slogan.
_COUNTED_SLOGAN = re.compile(r"^[一二两三四五六七八九十百千万双][^一二两三四五六七八九十百千万\d]{1,2}[一二两三四五六七八九十百千万双][^一二两三四五六七八九十百千万期\d]")
#: 两重, 三北, 百千万, 一张网: a count and at most two characters, the code name of a programme (“两重”项目, 三北工程).
_COUNTED_CODE = re.compile(r"[一二两三四五六七八九十百千万]+[^一二两三四五六七八九十百千万\d]{0,2}")
_COUNT_AFTER = re.compile(r"[\d一二三四五六七八九十两]+[个家所处项座条幢栋批类名位]")
_SHARED_DIRECTIONS = re.compile(r"(.{3,})([东南西北][路街])和([东南西北][路街])")
#: 资源和龙胜…: a short first name, a conjunction, and the rest of a name that both share.
_SHARED_LEAD = re.compile(r"^[^和与及]{2,4}[和与及]")
_SHARED_GATE = re.compile(r"(泵闸|水闸)$")
#: What may stand between a facility's name and a section word: a place or direction of up to four
#: characters (外环高速龙华段, 龙澜大道北延段).
_SECTION_PLACE = 4
#: The classes of a jurisdiction's own bodies (省数据集团, 省产业技术研究院) and the longest word of
#: what they do between the jurisdiction's word and the ending (战略性新兴产业 of 省战略性新兴产业母基金).
_OWN_BODY_CLASSES = ("Enterprise", "ResearchInstitute", "Fund")
#: The organisations whose name is their own or their founder's (…研究院, …大学, …公司): bare names listed
#: before one share no part of it (海辰储能、中石油深圳新能源研究院: a firm and the oil company's institute).
_NAMED_FOR_FOUNDER = ("Enterprise", "ListedCompany", "University", "ResearchInstitute")
#: How long the stem of a company's name before its ending is at most in a works' name (柔宇 of 柔宇科技,
#: 西门子 of 西门子能源): a longer one is a clause (兴建超大规模集成电路生产基地).
_WORKS_OWNER_STEM = 4
_OWN_BODY = 7
#: The most characters of scope before a superlative that opens a name (粤港澳大湾区 of 粤港澳大湾区首个…).
_SUPERLATIVE_SCOPE = 6
#: A university and the place of its campus in brackets: 香港中文大学（深圳）, 哈尔滨工业大学(威海).
#: A name and the short bracketed words that end it (南澳码头（口岸）).
_TRAILING_QUALIFIER = re.compile(r"^(.+?)[（(][\u4e00-\u9fff]{1,6}[）)]$")
_CAMPUS = re.compile(r"(.{2,}?大学)[（(]([\u4e00-\u9fff]{2,4})[）)]")


class NameRules:
    """The shared tests of a name; see :func:`make_name_rules` for what each list is."""

    def __init__(
        self,
        families: list[list[str]],
        platform_words: list[str],
        company_endings: list[str],
        project_endings: list[str],
        heads: list[str],
        left_words: list[str],
        conjunctions: str,
        particles: str,
        inner_words: list[str],
        right_words: list[str],
        continuations: list[str],
        blocked_words: list[str],
        kind_words: list[str],
        industry_kinds: bool,
        level_words: list[str],
        generic_words: list[str],
        generic_suffixes: list[str],
        generic_cores: list[str],
        bad_starts: list[str],
        prepositions: str,
        counters: str,
        breaks: str,
        not_names: list[str],
        works: list[list[str]],
        programme_words: list[str],
        measures: list[str],
        programme_verbs: list[str] = (),
        headquarters: list[str] = (),
        headquarters_scopes: list[str] = (),
        water_endings: list[str] = (),
        own_jurisdictions: list[str] = (),
        not_own_after: str = "",
        not_sections: list[str] = (),
        particle_words: list[str] = (),
        name_particles: str = "",
        etc_words: list[str] = (),
        company_works: list[str] = (),
        works_owner_endings: list[str] = (),
        superlative_words: list[str] = (),
        facility_kinds: list[str] = (),
    ):
        self.families = tuple(Family.from_row(row) for row in families)
        self.by_ending: dict[str, tuple[Family, ...]] = {}
        for f in self.families:
            self.by_ending[f.ending] = (*self.by_ending.get(f.ending, ()), f)
        self.endings = tuple(sorted(self.by_ending, key=lambda e: (-len(e), e)))
        self._lengths = tuple(sorted({len(e) for e in self.endings}, reverse=True))
        # last character -> the lengths of the endings that end with it, longest first
        self._lengths_of = {
            ch: tuple(sorted({len(e) for e in self.endings if e[-1] == ch}, reverse=True)) for ch in {e[-1] for e in self.endings}
        }
        self._last_chars = frozenset(e[-1] for e in self.endings)
        self._inner_ending = re.compile("|".join(re.escape(e) for e in self.endings if len(e) >= 2))
        self.platform_words = tuple(platform_words)
        self.company_endings = tuple(company_endings)
        self.project_endings = tuple(project_endings)
        self.generic_words = tuple(generic_words)
        self.generic_suffixes = tuple(generic_suffixes)
        self.short_named_suffixes = ("示范区",)
        self.generic_cores = tuple(generic_cores)
        self.bad_starts = tuple(bad_starts)
        self.prepositions = prepositions
        self.breaks = frozenset(breaks)
        # 等 ends a name as "and so on", not inside a word of names (高等研究院)
        self._etc_word = re.compile("|".join(map(re.escape, etc_words)) if etc_words else "(?!)")
        self.not_names = frozenset(not_names)
        self.all_suffixes = frozenset(self.endings) | frozenset(heads)
        self.left_words = frozenset(left_words)
        multi = sorted((w for w in left_words if len(w) > 1), key=len, reverse=True)
        # the verbs by length, longest first, for set look-ups instead of a startswith per verb
        self._left_by_len = tuple(
            (n, frozenset(w for w in multi if len(w) == n)) for n in sorted({len(w) for w in multi}, reverse=True)
        )
        self.conjunctions = frozenset(conjunctions)
        self.particles = frozenset(particles)
        self.name_particles = frozenset(name_particles)
        self.clause_verbs = frozenset(w for w in multi if w not in inner_words)
        self._clause_verb_endings = tuple(sorted(self.clause_verbs))  # str.endswith takes a tuple
        self.right_words = tuple(sorted(right_words, key=len, reverse=True))
        self.continuations = tuple(sorted(continuations, key=len, reverse=True))
        self.blocked_words = tuple(sorted(blocked_words, key=len, reverse=True))
        self.kind_words = frozenset(kind_words)
        self.industry_words = _industry_words() if industry_kinds else frozenset()
        self.industry_labels = _industry_labels() if industry_kinds else frozenset()
        place_kinds = self.kind_words | self.industry_words | frozenset(facility_kinds)
        self._kinds = {
            False: (self.kind_words, tuple(sorted({len(w) for w in self.kind_words}, reverse=True))),
            True: (place_kinds, tuple(sorted({len(w) for w in place_kinds}, reverse=True))),
        }
        superlatives = sorted(superlative_words, key=len, reverse=True)
        self._superlative = re.compile("|".join(map(re.escape, superlatives))) if superlatives else None
        # names recur in a report and across reports: the tests of a name are remembered
        self._families: dict[tuple[str, bool], Family | None] = {}
        self._specific: dict[tuple[str, bool], bool] = {}
        self._names: dict[tuple[str, bool], bool] = {}
        inner = [w for w in multi if w not in inner_words]
        self._inner_verb = re.compile("|".join(map(re.escape, inner)))
        self.level_prefix = re.compile("^(" + "|".join(map(re.escape, level_words)) + ")")
        own = sorted(own_jurisdictions, key=len, reverse=True)
        self.not_sections = tuple(not_sections)
        self._own_prefix = re.compile("^(?:" + "|".join(map(re.escape, own)) + ")(?![" + re.escape(not_own_after) + "])") if own else None
        # 3个…, 3500多个…, 十余所…: a count, with 多 or 余 before its counter too
        self._counted = re.compile(r"(?:\d+|[一二三四五六七八九十两几]+)[多余]?[" + re.escape(counters) + r"]|\d{4}年")
        self._amount_lead = re.compile(r"^.*?\d+(?:\.\d+)?[亿万千百]?元")
        # a length or area before a name is how much of it was built (建成25公里环城绿道), not its name
        self._measure_lead = re.compile(r"^\d+(?:\.\d+)?[万千百]?(?:" + "|".join(map(re.escape, measures)) + ")")
        self.programme_words = tuple(programme_words)
        self.programme_verbs = tuple(programme_verbs)
        self.headquarters = tuple(headquarters)
        self._scopes = tuple(sorted(headquarters_scopes, key=len, reverse=True))
        self.company_works = tuple(sorted(company_works, key=len, reverse=True))
        self._owner_endings = tuple(sorted({*company_endings, *works_owner_endings}, key=len, reverse=True))
        self.programme_tails = ("工程",)  # 实施…项目 is as often a project as not
        self.works_words = {w: role for w, role in works}
        # a works word opening a name is the clause's verb (新建改造龙岐湾休闲公园): it names works done on a
        # facility only after the facility's name (龙岐湾休闲公园改造)
        lead_works = {w for w, role in works if role == "works" and len(w) > 1 and w not in ("工程", "项目", "建设")}
        self._lead_works = tuple((n, frozenset(w for w in lead_works if len(w) == n)) for n in sorted({len(w) for w in lead_works}, reverse=True))
        self._works_firsts = frozenset(w[0] for w in lead_works)
        self._works_lengths = tuple(sorted({len(w) for w in self.works_words}, reverse=True))
        self._facilities: dict[str, str | None] = {}
        self.water_endings = tuple(sorted(water_endings, key=len, reverse=True))
        self._kind_tails = tuple(sorted((w for w in self.kind_words if len(w) >= 2), key=len, reverse=True))
        # words with a particle inside that stand inside names (并购基金, 对外合作平台): (word, where the particle is)
        self._particle_words = tuple(sorted(
            {(w, k) for w in self.kind_words | frozenset(inner_words) | self.industry_words | frozenset(self.endings)
             | frozenset(particle_words) for k, ch in enumerate(w) if ch in self.particles and len(w) > 1}))

    # -- the class a name's ending gives it ---------------------------------------------------
    def ending_of(self, name: str) -> str | None:
        """The longest family ending of ``name`` (shorter than the name), or None."""
        for n in self._lengths_of.get(name[-1:], ()):
            if n < len(name) and name[-n:] in self.by_ending:
                return name[-n:]
        return None

    def family_of(self, name: str, stage: bool = False) -> Family | None:
        """The family that types ``name``: its longest ending whose condition holds (see ``FAMILIES.md``).

        ``stage`` says whether the name stands where a construction stage is stated (…医院 is a
        project only there).
        """
        key = (name, stage)
        if key not in self._families:
            if len(self._families) > 200_000:
                self._families.clear()
            self._families[key] = self._family_of(name, stage)
        return self._families[key]

    def _family_of(self, name: str, stage: bool) -> Family | None:
        for n in self._lengths_of.get(name[-1:], ()):
            if n >= len(name) or name[-n:] not in self.by_ending:
                continue
            for family in self.by_ending[name[-n:]]:
                if family.words and not any(w in name[:-n] for w in family.words):
                    continue
                if family.when in ("-", "with"):
                    return family
                if family.when == "platform" and any(w in name for w in self.platform_words):
                    return family
                if family.when == "stage" and stage:
                    return family
                if family.when == "inner" and self.has_inner_name(name[:-n]):
                    return family
                if family.when == "section" and not name.endswith(self.not_sections) and self.section_of(name[:-n]):
                    return family
        return None

    def section_of(self, text: str) -> str | None:
        """The facility whose section or extension ``text`` opens, or None: a specific name of a
        ``Project`` family and at most a short place or direction after it, before a section word
        (``families.tsv`` condition ``section``: 龙澜大道北延, 外环高速龙华段, 清平高速北段).

        A road's run (…路段), a river's reach (茅洲河中游段: no facility) and a phase of time (…阶段)
        are no sections of a named works (``patterns.NOT_SECTIONS``).

        Examples
        --------
        >>> rules = make_name_rules()
        >>> rules.section_of("外环高速龙华"), rules.section_of("侨城东路")
        ('外环高速', '侨城东路')
        >>> rules.section_of("茅洲河中游") is None, rules.family_of("深南大道路段") is None
        (True, True)
        """
        for i in range(len(text), max(2, len(text) - _SECTION_PLACE - 1), -1):
            rest = text[i:]
            if rest and (not self.breaks.isdisjoint(rest) or not self.conjunctions.isdisjoint(rest)):
                continue
            if self._is_facility(text[:i]):
                return text[:i] if self.conjunctions.isdisjoint(text[1:i]) else None  # 项目建设和侨城东路北延: a clause
        return None

    def ends_a_name(self, text: str, end: int) -> bool:
        """Whether a family ending ends at ``end`` of ``text``."""
        if end <= 0 or text[end - 1] not in self._last_chars:
            return False
        by_ending = self.by_ending
        return any(end >= n and text[end - n : end] in by_ending for n in self._lengths_of[text[end - 1]])

    def is_excluded(self, name: str) -> bool:
        """Whether ``name`` ends like none of ours (教育集团, 工作站: ``families.tsv`` class ``-``)."""
        family = self.family_of(name, stage=True)
        return family is not None and family.cls == NONE

    def suffix_class(self, name: str, stage: bool = False) -> str | None:
        """The class a name's ending gives it, or None (see :meth:`family_of`)."""
        family = self.family_of(name, stage)
        return family.cls if family and family.cls != NONE else None

    def looks_like_organisation(self, name: str) -> bool:
        """Whether ``name`` ends like a named organisation or place: a family's ending, a company's
        ending (科技, 生物 …) or Latin letters (AgeClub)."""
        return self.suffix_class(name, stage=True) is not None or name.endswith(self.company_endings) or bool(
            _LATIN.search(name))

    def project_name(self, name: str) -> str:
        """The name of a project called after what it builds: 恩德斯豪斯 -> 恩德斯豪斯项目."""
        return name if name.endswith(self.project_endings) else name + "项目"

    def facility_of(self, name: str) -> str | None:
        """The facility a project named by its works is done on, or None (``works.tsv``).

        The name ends with a run of works words (at least one that names works, not only
        modifiers), and what stands before them is a specific name of a ``Project`` family.

        Examples
        --------
        >>> rules = make_name_rules()
        >>> rules.facility_of("区第三人民医院改扩建"), rules.facility_of("龙城大道综合改造")
        ('区第三人民医院', '龙城大道')
        >>> rules.facility_of("市平湖医院一期主体工程"), rules.facility_of("南京北站枢纽工程")
        ('市平湖医院一期', '南京北站枢纽')
        >>> rules.facility_of("老旧小区改造") is None, rules.facility_of("深圳大学扩建") is None
        (True, True)
        """
        if name not in self._facilities:
            if len(self._facilities) > 200_000:
                self._facilities.clear()
            self._facilities[name] = self._facility_of(name)
        return self._facilities[name]

    def _facility_of(self, name: str) -> str | None:
        words, end, works = self.works_words, len(name), False
        while end > 0:
            word = next((name[end - n : end] for n in self._works_lengths if n < end and name[end - n : end] in words), None)
            if word is None:
                return None
            end -= len(word)
            works = works or words[word] == "works"
            facility = name[:end]
            if works and len(facility) >= 3 and self._is_facility(facility):
                return facility
        return None

    def _is_facility(self, name: str) -> bool:
        """Whether ``name`` is a specific name of a ``Project`` family that is no works itself, nor a
        water body (布吉河综合整治 is upkeep of a river, 应人石河整治工程 a works of its own: GUIDE.md).

        A short bracketed qualifier that ends it, and a project word before that, leave it the
        facility's name (南澳码头工程（口岸）, the port's terminal: its 主体工程 is works on it).
        """
        if (m := _TRAILING_QUALIFIER.match(name)) is not None:
            core = m.group(1)
            core = next((core[: -len(w)] for w in P.PROJECT_TAILS if core.endswith(w) and len(core) > len(w) + 2), core)
            return self._is_facility(core)
        family = self.family_of(name, stage=True)
        return (family is not None and family.cls == "Project" and family.when != "inner" and family.ending not in self.works_words
                and not name.endswith(self.water_endings)
                and self.is_name(name, strict=False) and self.is_specific(name, industries=True))

    def owner_of(self, name: str) -> str | None:
        """The enterprise or university a name is named after, or None.

        The one owner of the rule "the owner's name at the start of the name" (GUIDE.md, "Nested
        names") for a name the report writes nowhere else:

        * a headquarters (总部), maybe after scope words (华南, 全球, 国际运营 …) and an industry
          (引望智能网联汽车总部): the name before them, 京东 of 京东总部;
        * a university's campus, the university and a place in brackets: 香港中文大学 of 香港中文大学（深圳）
          (not a phase: 南方科技大学（一期）).

        What stands before the headquarters word is a specific name of at least two characters, no
        kind word and no name of a family of another class (粤港澳大湾区国家技术创新中心国际总部 is
        the platform's).

        Examples
        --------
        >>> rules = make_name_rules()
        >>> rules.owner_of("京东总部"), rules.owner_of("招商银行全球总部"), rules.owner_of("阿里巴巴国际运营总部")
        ('京东', '招商银行', '阿里巴巴')
        >>> rules.owner_of("区域总部") is None, rules.owner_of("贸易总部") is None, rules.owner_of("深圳湾超级总部基地") is None
        (True, True, True)
        >>> rules.owner_of("香港中文大学（深圳）"), rules.owner_of("南方科技大学（一期）") is None
        ('香港中文大学', True)
        """
        return self._headquarters_owner(name) or self._campus_owner(name)

    def works_owner(self, name: str) -> str | None:
        """The company a works, plant, base or R&D centre is named after, or None (``patterns.COMPANY_WORKS``).

        The name ends with a word of a company's works (生产线, 基地, 一期, 项目 …) and opens with a
        company's name that ends with a company's ending (科技, 石化, 能源 …: ``patterns.COMPANY_ENDINGS``,
        ``patterns.WORKS_OWNER_ENDINGS``)
        after a stem of at least two characters that is no kind, field or industry word (GUIDE.md,
        affiliatedWith: "the owner's name at the start of the name").  The first such ending from
        the left ends the company's name; at least two characters of works follow it.

        Examples
        --------
        >>> rules = make_name_rules()
        >>> rules.works_owner("柔宇科技生产线"), rules.works_owner("裕龙石化一期"), rules.works_owner("甲乙能源燃机总装基地")
        ('柔宇科技', '裕龙石化', '甲乙能源')
        >>> rules.works_owner("数字科技生产线") is None, rules.works_owner("生物医药研发中心") is None
        (True, True)
        >>> rules.works_owner("柔宇科技园") is None, rules.works_owner("集成电路芯片生产线") is None
        (True, True)
        >>> rules.works_owner("龙岗智能制造基地") is None, rules.works_owner("深圳新能源汽车产业基地") is None
        (True, True)
        """
        if not name.endswith(self.company_works):
            return None
        for end in range(4, len(name) - 1):
            owner = name[:end]
            ending = next((e for e in self._owner_endings if owner.endswith(e)), None)
            if ending is None:
                continue
            stem = owner[: -len(ending)]
            if not 2 <= len(stem) <= _WORKS_OWNER_STEM or not self._is_owner_stem(stem) or self.names_a_kind(stem) or stem in self.kind_words:
                return None  # 数字科技生产线, 生物医药研发中心: a field's works, no company's
            if self.ending_of(stem) is not None or self.has_inner_name(stem) or not self.is_specific(owner, industries=True):
                return None
            at, rest = end - len(ending), name[end:]
            if any(name[at:k] in self.industry_words for k in range(end + 1, min(len(name), at + 8) + 1)) \
                    or any(name[k:end] in self.industry_words for k in range(max(0, at - 4), at)):
                return None  # 龙岗智能制造基地, 深圳新能源汽车产业基地, 海南清洁能源基地: the ending is inside an industry's name
            if any(self.suffix_class(name[: end + n]) in _NAMED_FOR_FOUNDER for n in range(1, 5)):
                return None  # 广州中医药大学…: the ending is inside an organisation's name
            if rest.startswith(("中心", "园", "城")) and not rest.startswith("城市") or rest.startswith(self.generic_words):
                return None  # 甲科技中心项目, 乙科技成果转化基地: the ending is a word of the works' own name
            fields = self.kind_words | self.industry_words
            if ending in fields and (rest in ("项目", "研发中心") or stem[0] == "首"):
                return None  # 景田北医疗项目, 比亚迪汽车研发中心, 首条半导体…: a field's project or centre
            return owner
        return None

    def _headquarters_owner(self, name: str) -> str | None:
        tail = next((t for t in self.headquarters if name.endswith(t)), None)
        if tail is None:
            return None
        owner, changed = name[: -len(tail)], True
        while changed:
            changed = False
            for word in self._scopes:
                if owner.endswith(word) and len(owner) - len(word) >= 2:
                    owner, changed = owner[: -len(word)], True
                    break
            else:
                for n in range(len(owner) - 2, 1, -1):
                    if owner[-n:] in self.industry_labels:
                        owner, changed = owner[:-n], True  # 引望智能网联汽车总部: 引望
                        break
        if not self._is_owner_stem(owner) or owner in self._scopes:
            return None  # 跨国公司地区总部, 民企总部, 贸易总部: a kind of company
        if self.suffix_class(owner, stage=True) not in (None, "Enterprise", "ListedCompany"):
            return None  # a platform's or a park's headquarters: the platform is the name
        return owner

    def _campus_owner(self, name: str) -> str | None:
        match = _CAMPUS.fullmatch(name)
        if match is None or match[2].endswith("期") or self.suffix_class(match[1]) != "University" or not self.is_specific(match[1]):
            return None  # 南方科技大学（一期） is a phase of the university, no campus
        return match[1]

    def _is_owner_stem(self, stem: str) -> bool:
        """Whether ``stem`` can be what a company's or headquarters' name has before its last word."""
        if len(stem) < 2 or not self.is_name(stem) or not self.is_specific(stem) or stem in self.industry_words:
            return False
        if any(ch.isdigit() for ch in stem) or self.has_inner_verb("_" + stem) or self.is_generic(stem):
            return False
        return True

    def shared_ending(self, name: str) -> tuple[str, str] | None:
        """The two short names that share the ending of ``name``, or None.

        资源和龙胜卫生院 is 资源卫生院 and 龙胜卫生院, 皇岗和文锦渡口岸 is 皇岗口岸 and 文锦渡口岸:
        at most four characters, a conjunction, at most four more and a family's ending; the
        first part ends in no ending, contains no verb and neither part is an industry or a kind
        (细胞与基因产业基金, 供销与服务平台 are one name each).  Returns the two parts
        (资源, 龙胜).

        Examples
        --------
        >>> rules = make_name_rules()
        >>> rules.shared_ending("资源和龙胜卫生院"), rules.shared_ending("供销与服务平台")
        (('资源', '龙胜'), None)
        """
        ending = self.ending_of(name)
        core = name[: len(name) - len(ending)] if ending else ""
        at = max((core.rfind(c) for c in self.conjunctions), default=-1)
        left, right = core[:at], core[at + 1 :]
        if not (2 <= len(left) <= 4 and 2 <= len(right) <= 4) or _SHARED_LEAD.match(core) is None:
            return None
        if self.ends_a_name(left, len(left)) or any(left[i:j] in self.left_words for i in range(len(left)) for j in range(i + 2, len(left) + 1)):
            return None
        if not all(self.is_specific(part + ending, industries=True) and part not in self.industry_words
                   and not part.endswith(self._kind_tails) for part in (left, right)):
            return None
        return left, right

    def names_a_kind(self, name: str) -> bool:
        """Whether a kind, level or industry word of two or more characters occurs in ``name``:
        风力发电, 城市轨道交通, 天然气管道 name sectors or works; 恩德斯豪斯, 华强方特 do not."""
        words = self.kind_words | self.industry_words
        return any(name[i:j] in words for i in range(len(name)) for j in range(i + 2, min(len(name), i + 6) + 1))

    def is_programme(self, name: str, before: str = "") -> bool:
        """Whether a project's name names a programme, a campaign or a kind of works (脱贫攻坚工程,
        文化惠民工程, 重点项目): one of the programme words occurs in it, or it is a counted code name
        (“两重”项目, 三北工程, “百千万”工程; not “三馆”主体工程, three halls built).

        ``before`` is the text before the name in its clause: a …工程 that a programme verb
        governs (实施人才兴皖工程, 深入实施闽商回归工程) is a programme too, unless it opens with a named
        works of a project family (实施G98环岛高速提档扩容工程: the works on G98环岛高速).

        Examples
        --------
        >>> rules = make_name_rules()
        >>> rules.is_programme("文化惠民工程"), rules.is_programme("闽商回归工程", before="深入实施")
        (True, True)
        >>> rules.is_programme("闽商回归工程"), rules.is_programme("G98环岛高速提档扩容工程", before="实施")
        (False, False)
        >>> rules.is_programme("“两重”项目"), rules.is_programme("三北工程"), rules.is_programme("“三馆”主体工程")
        (True, True, False)
        """
        if any(w in name for w in self.programme_words):
            return True
        code = name.replace("“", "").replace("”", "")
        if code.endswith(("工程", "项目")) and _COUNTED_CODE.fullmatch(code[:-2]) and not code[:-2].endswith(self.project_endings):
            return True  # “两重”项目, 三北工程, “百千万”工程: a counted code names a programme (“三馆”主体工程: three halls)
        return (name.endswith(self.programme_tails) and before.endswith(self.programme_verbs)
                and not self.has_inner_name(name[:-2], classes=("Project", "MetroLine")))

    def after_superlative(self, name: str) -> int:
        """Where the name inside ``name`` starts when a superlative or a first opens it
        (``patterns.SUPERLATIVE_WORDS``), or 0: after the superlative, with a scope of at most
        :data:`_SUPERLATIVE_SCOPE` characters before it (全国, 粤港澳大湾区); or, where the description
        after it ends with a family's ending and a specific name of a family follows, at that name
        (亚洲最大地下火车站福田综合交通枢纽: the hub is 福田综合交通枢纽).

        Examples
        --------
        >>> rules = make_name_rules()
        >>> name = "全市首座生态文明展览馆"
        >>> name[rules.after_superlative(name):]
        '生态文明展览馆'
        >>> name = "全国最大港口客滚综合枢纽新海港"
        >>> name[rules.after_superlative(name):]
        '新海港'
        >>> rules.after_superlative("全国首个民法主题公园"), rules.after_superlative("深圳湾超级总部基地")
        (4, 0)
        """
        end = self.superlative_end(name)
        return (self._appositive_name(name, end) or end) if end else 0

    def superlative_end(self, name: str) -> int:
        """Where the superlative that opens ``name`` ends (:meth:`after_superlative`), or 0.

        >>> rules = make_name_rules()
        >>> rules.superlative_end("全国首个民法主题公园"), rules.superlative_end("民法主题公园")
        (4, 0)
        """
        m = self._superlative.search(name, 0, _SUPERLATIVE_SCOPE + 4) if self._superlative else None
        if m is None or m.start() > _SUPERLATIVE_SCOPE or m.end() >= len(name) - 1:
            return 0
        return 0 if m.start() and not self.breaks.isdisjoint(name[: m.start()]) else m.end()

    def _appositive_name(self, name: str, at: int) -> int:
        """Where a specific name of a family starts after a description of one at ``name[at:]``
        (港口客滚综合枢纽新海港: 新海港), or 0; the description is a name of a family of three
        characters or more (一站式数字赋能公共服务平台: 一站 is none)."""
        for cut in range(len(name) - 3, at + 2, -1):
            rest, description = name[cut:], name[at:cut]
            if (self.ends_a_name(name, cut) and self.suffix_class(rest, stage=True) is not None and self.is_name(rest)
                    and self.is_specific(rest, industries=True) and len(description) >= 3
                    and self.suffix_class(description, stage=True) is not None):
                return cut  # 港口客滚综合枢纽新海港: the description, then the name
        return 0

    def is_generic(self, name: str) -> bool:
        """Whether one of the generic words (方案, 机制, 企业…) occurs in ``name``."""
        return any(g in name for g in self.generic_words)

    # -- where a name starts and ends ----------------------------------------------------------
    def left_boundary(self, text: str, end: int, min_core: int = 2) -> int:
        """Where a name that ends before ``end`` starts: after the nearest break or verb.

        A verb that would leave fewer than ``min_core`` characters of name is stepped over
        (建设 in 平台建设项目 is part of the name); a particle never is: what stands before 在, 对
        or 为 is the clause's subject, not the name's (市里在基金: the ending alone, no name).

        Examples
        --------
        >>> rules = make_name_rules()
        >>> t = "争取市里在基金等领域给予支持"
        >>> t[rules.left_boundary(t, t.index("基金")) : t.index("基金")]
        ''
        >>> t = "按照合同约定对工程建设项目实行总承包"
        >>> t[rules.left_boundary(t, t.index("工程")) : t.index("工程")]
        ''
        """
        breaks, by_len, conjunctions, particles = self.breaks, self._left_by_len, self.conjunctions, self.particles
        i = end
        while i > 0:
            if text[i - 1] in breaks and not self._in_etc_word(text, i - 1):
                return i
            if text[i - 1] in particles and not self._in_particle_word(text, i - 1) \
                    and (end - i >= min_core or text[i - 1] not in self.name_particles):
                return i  # 华为公司: 为 inside a short name is stepped over
            if end - i >= min_core:
                if text[i - 1] in conjunctions and self.ends_a_name(text, i - 1):
                    return i  # 通苏嘉甬高铁和宁淮城际铁路; not 供销与服务平台
                for n, verbs in by_len:
                    if n <= i and text[i - n : i] in verbs:
                        return i
            i -= 1
        return 0

    def after_particle(self, name: str) -> int:
        """Where a family's name inside ``name`` starts after a particle (为, 在, 对 …), or 0: in a
        clause before a stage word the subject may stand before the name (主席亲自为西部通道开通); a
        particle that stands in short names too (为 of 华为) only after two characters.

        Examples
        --------
        >>> rules = make_name_rules()
        >>> name = "市长亲自为滨海大道"
        >>> name[rules.after_particle(name):]
        '滨海大道'
        >>> rules.after_particle("滨海大道"), rules.after_particle("并购基金"), rules.after_particle("华为松山湖基地")
        (0, 0, 0)
        """
        ending = self.ending_of(name)
        if ending is None:
            return 0
        core_end = len(name) - len(ending)
        for at in range(core_end - 1, 0, -1):
            if name[at] in self.particles and (at >= 2 or name[at] not in self.name_particles) and not self._in_particle_word(name, at):
                rest = name[at + 1 :]
                return at + 1 if len(rest) >= 3 and self.is_name(rest) and self.is_specific(rest, industries=True) else 0
        return 0

    def _in_etc_word(self, text: str, at: int) -> bool:
        """Whether the 等 at ``text[at]`` is inside a word (高等 of 高等研究院), not "and so on"."""
        return text[at] == "等" and self._etc_word.match(text, max(0, at - 1)) is not None

    def _in_particle_word(self, text: str, at: int) -> bool:
        """Whether the particle at ``text[at]`` is inside a word of names (并 of 并购基金)."""
        return any(text.startswith(w, at - k) for w, k in self._particle_words if at >= k)

    def right_ok(self, text: str, end: int, ending_at: int | None = None) -> bool:
        """True when a name may end at ``end``: a break, the end, a word that follows names, or any
        word that does not continue the ending into a longer word (中心城区, 平台经济, 路线)."""
        if ending_at is not None and text.startswith(self.blocked_words, ending_at):
            return False
        if end >= len(text) or text[end] in self.breaks or text.startswith(self.right_words, end):
            return True
        if _COUNT_AFTER.match(text, end):
            return False  # 东海学院2个就业服务站点: the item of a list of something else
        return not text.startswith(self.continuations, end)

    def has_inner_name(self, text: str, classes: tuple[str, ...] = ()) -> bool:
        """Whether ``text`` opens with a specific name of a family (of one of ``classes``, if given):
        望海路 in 望海路快速化改造."""
        return any(
            self.ends_a_name(text, i) and self.is_specific(text[:i])
            and (self.suffix_class(text[:i], stage=True) in classes if classes else self.suffix_class(text[:i], stage=True) is not None)
            for i in range(3, len(text) + 1)
        )

    def is_specific(self, name: str, industries: bool = False) -> bool:
        """Whether ``name`` has a distinguishing part besides its ending and kind or level words.

        高水平创新平台, 国家级孵化器 and 产业投资基金 are kinds of things; 深圳湾实验室 and
        区第三人民医院 are named (GUIDE.md, "Generic or named?").  With ``industries`` an
        industry's name is a kind word too (软件产业园, 金融园区: kinds of park).
        """
        key = (name, industries)
        if key not in self._specific:
            if len(self._specific) > 200_000:
                self._specific.clear()
            self._specific[key] = self._is_specific(name, industries)
        return self._specific[key]

    def _is_specific(self, name: str, industries: bool) -> bool:
        kinds, lengths = self._kinds[industries]
        if name in kinds:
            return False  # 大中小学: a kind word of its own, whatever it ends with
        if self.is_own_facility(name) or self.is_own_body(name):
            return True  # 区中医院, 新区养老院: the district's own; 省数据集团: the province's
        ending = next((name[-n:] for n in reversed(self._lengths_of.get(name[-1:], ())) if n < len(name) and name[-n:] in self.by_ending), "")
        core = name[: len(name) - len(ending)]  # less the shortest ending: 总装 of 科技总装基地 is no kind word
        core = core.replace("“", "").replace("”", "")
        changed = True
        while core and changed:
            changed = False
            for n in lengths:
                if n <= len(core) and core[:n] in kinds:
                    core, changed = core[n:], True
                    break
                if n <= len(core) and core[-n:] in kinds:
                    core, changed = core[:-n], True
                    break
        return len(core) >= 2 or bool(_LATIN.search(core)) or any(ch.isdigit() for ch in core)

    def is_own_facility(self, name: str) -> bool:
        """Whether ``name`` is the facility of the report's own jurisdiction: its word for itself
        (``patterns.OWN_JURISDICTIONS``: 区, 市, 新区 …), at most four characters and no count, and
        the ending of a ``Project`` family that names a facility only with a stage (医院, 养老院 …).

        A district has one 区中医院 and one 区青少年宫: the name is specific (GUIDE.md, "Generic or
        named?"), where 区级医院 or 区属医院 is a kind of hospital.

        Examples
        --------
        >>> rules = make_name_rules()
        >>> rules.is_own_facility("区中医院"), rules.is_own_facility("新区养老院"), rules.is_own_facility("区青少年宫")
        (True, True, True)
        >>> rules.is_own_facility("区级医院"), rules.is_own_facility("区属医院"), rules.is_own_facility("区公益创投项目")
        (False, False, False)
        """
        core = self._own_core(name, stage=True, of=lambda f: f.cls == "Project" and f.when == "stage"
                              and not f.ending.endswith("期"))  # 区第三期, 市五期: a phase of what?
        return core is not None and len(core) <= 4

    def is_own_body(self, name: str) -> bool:
        """Whether ``name`` is a company, institute or fund of the report's own jurisdiction: its
        word for itself (省, 市, 区 …), what it does (at most :data:`_OWN_BODY` characters, no count) and
        the ending of an ``Enterprise``, ``ResearchInstitute`` or ``Fund`` family.

        A province has one 省数据集团 and one 省产业技术研究院: the name is specific (GUIDE.md, "Generic
        or named?"), where 省级研究院 or 省属企业集团 is a kind.

        Examples
        --------
        >>> rules = make_name_rules()
        >>> rules.is_own_body("省数据集团"), rules.is_own_body("省产业技术研究院"), rules.is_own_body("市天使投资母基金")
        (True, True, True)
        >>> rules.is_own_body("省级研究院"), rules.is_own_body("省属企业集团"), rules.is_own_body("数据集团")
        (False, False, False)
        """
        core = self._own_core(name, stage=False, of=lambda f: f.cls in _OWN_BODY_CLASSES)
        return core is not None and 2 <= len(core) <= _OWN_BODY

    def _own_core(self, name: str, stage: bool, of) -> str | None:
        """What stands between a jurisdiction's word for itself and the ending of ``name``'s family,
        when the family is one ``of`` accepts and the core has no count and no break; else None."""
        m = self._own_prefix.match(name) if self._own_prefix else None
        family = self.family_of(name, stage=stage) if m is not None else None
        if family is None or not of(family):
            return None
        core = name[m.end() : len(name) - len(family.ending)]
        return core if not any(ch.isdigit() for ch in core) and self.breaks.isdisjoint(core) else None

    def own_level(self, name: str) -> str:
        """The word for its own jurisdiction that a name opens with (区 of 区大剧院, 新区), or "".

        >>> rules = make_name_rules()
        >>> rules.own_level("区大剧院"), rules.own_level("新区养老院"), rules.own_level("区级医院")
        ('区', '新区', '')
        """
        m = self._own_prefix.match(name) if self._own_prefix else None
        return m.group(0) if m else ""

    def strip_lead(self, text: str, start: int, end: int) -> int:
        """Move ``start`` past introducing verbs, level words and works at the start of a name, and
        past 并 between two verbs (认定并扶持深圳创意保税园).

        Examples
        --------
        >>> rules = make_name_rules()
        >>> t = "认定并扶持甲创意园"
        >>> t[rules.strip_lead(t, 0, len(t)):]
        '甲创意园'
        """
        while True:
            for n, verbs in self._left_by_len:  # the longest verb first
                if end - start - n >= 2 and text[start : start + n] in verbs:
                    start += n
                    if text[start : start + 1] == "并" and self._verb_at(text, start + 1, end):
                        start += 1  # 认定并扶持…: two verbs of one object
                    break
            else:
                if start < end and text[start] in self._works_firsts:
                    n = next((n for n, works in self._lead_works if end - start - n >= 2 and text[start : start + n] in works), 0)
                    if n:
                        start += n
                        continue
                return start

    def _verb_at(self, text: str, at: int, end: int) -> bool:
        """Whether a verb of the left words opens ``text[at:end]`` and leaves two characters of name."""
        return any(end - at - n >= 2 and text[at : at + n] in verbs for n, verbs in self._left_by_len)

    def trim_lead(self, text: str, start: int, end: int) -> int:
        """Skip a single-character preposition or an amount at the start of a name (与X, 总规模10亿元X)."""
        amount = self._amount_lead.match(text[start:end]) or (start < end and text[start].isdigit() and self._measure_lead.match(text[start:end]))
        if amount and end - start - amount.end() >= 3:
            start += amount.end()
        if end - start > 3 and (text[start] in self.prepositions or text[start] in self.conjunctions):
            start += 1  # 与X; 和X after a list (…工程和淮河流域…工程), but 和爱路 is a road
        return start

    def verb_before(self, text: str, end: int) -> bool:
        """Whether a verb that cannot stand inside a name ends at ``end`` (发挥 in 发挥大学城)."""
        return any(n <= end and text[end - n : end] in self.clause_verbs for n, _ in self._left_by_len)

    def has_inner_verb(self, name: str) -> bool:
        """An item with a verb inside is a clause, not a name (…研究院新增…研究)."""
        return self._inner_verb.search(name, 1) is not None

    def has_verb(self, text: str) -> bool:
        """Whether a verb that cannot stand inside a name, and is no kind or quality word, is in ``text``.

        >>> rules = make_name_rules()
        >>> rules.has_verb("高水平的"), rules.has_verb("企业，推进")
        (False, True)
        """
        return any(v.group(0) not in self.kind_words for v in self._inner_verb.finditer(text))

    # -- what is no name -----------------------------------------------------------------------
    def is_name(self, name: str, strict: bool = True) -> bool:
        """Whether a candidate string can be a name at all (not a category, count or clause).

        ``strict`` also refuses a generic ending with a short core (市级平台); a project list
        (推进A、航电基地建设) may relax it.
        """
        key = (name, strict)
        if key not in self._names:
            if len(self._names) > 200_000:
                self._names.clear()
            self._names[key] = self._is_name(name, strict)
        return self._names[key]

    def _is_name(self, name: str, strict: bool) -> bool:
        core = name.replace("“", "").replace("”", "")
        if name.count("〔") != name.count("〕"):
            return False  # 镇属事业单位（公司: a bracket it does not close
        if len(core) < 2 or len(name) > 40 or name in self.not_names or core in self.not_names or name in self.all_suffixes:
            return False
        if name.startswith(self.bad_starts) or name[0] in self.prepositions + "〔（(" or name.endswith(("型", "级")):
            return False
        if name[0] == "新" and name[1:].startswith(self.generic_words):
            return False  # 新板块公司, 新领域: new X; 新区养老院, 新大存车场 open with a place
        if name[:2] in self.generic_cores and len(name) <= 5:
            return False  # 产业研究院, 重点项目
        if (measure := self._measure_lead.match(core)) and len(core) - measure.end() < 3:
            return False  # 25公里碧道: a length of a kind of works (25公里环城绿道 is 环城绿道's)
        if self._counted.search(name) or _SLOGAN.search(name):
            return False  # 3个…, 2025年…; 一街一车一室, 两线两站: a count or a slogan
        if _COUNTED_SLOGAN.match(core) and ("“" not in name or name.endswith(("工程", "项目"))):
            return False  # 四良两优工程, 三生一体新城; not “两湖一岭”精品绿道, a quoted code name
        for sfx in self.generic_suffixes if strict else ():
            if name.endswith(sfx) and len(name) - len(sfx) < 3 and not _LATIN.search(name) \
                    and not (sfx in self.short_named_suffixes and self.is_specific(name) and name[:-len(sfx)] not in self.generic_words):
                return False  # 市级平台, 平安联盟; 上合示范区 is named (a place's two characters)
        return self.breaks.isdisjoint(self._etc_word.sub("", core))

    # -- enumerations --------------------------------------------------------------------------
    def items(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Split ``text[start:end]`` on 、 into item spans, dropping quoted tails and lead verbs."""
        out = []
        pos = start
        for piece in self._pieces(text, start, end):
            s, e = pos, pos + len(piece)
            pos = e + 1
            lead = self.strip_lead(text, s, e)
            if lead > s and text[s:lead].endswith(self._clause_verb_endings):
                # 科学规划、高效率、高质量推进大运中心、大运村: the list starts after the verb; an item
                # before it with a family's ending is a name of its own (规划和爱路、启动兰溪路建设)
                out = [(a, b) for a, b in out if self.ends_a_name(text, b)]
            s = self.trim_lead(text, lead, e)
            q = text.find("“", s, e)
            if q > s:
                e = q
            if e - s >= 2:
                out.append((s, e))
        return out

    def _pieces(self, text: str, start: int, end: int) -> list[str]:
        """``text[start:end]`` split on 、 and on 和/及/与 after a family's name (通苏嘉甬高铁和宁淮城际铁路; after a
        project's, before a bare item of two characters too: 赣深、深茂客专和深惠、深大城际)."""
        pieces = []
        pos = start
        for piece in text[start:end].split("、"):
            cut = 0
            for i in (i for i, ch in enumerate(piece) if ch in self.conjunctions) if not self.conjunctions.isdisjoint(piece) else ():
                rest = len(piece) - i - 1  # what follows the conjunction: a name, or (a railway's) a bare item
                if i >= 2 and self.ends_a_name(text, pos + i) and (
                        rest > 2 or rest == 2 and self._railway_like(piece[cut:i])):
                    pieces.append(piece[cut:i])
                    cut = i + 1
            pieces.append(piece[cut:])
            pos += len(piece) + 1
        return pieces

    def _railway_like(self, name: str) -> bool:
        """Whether ``name`` is a project named by a family of works (深茂客专, 深汕铁路), not by 项目 or 工程:
        such a name before 和 may share its ending with a bare item after it (和深惠、深大城际).  Only a family
        that names a project wherever it stands: a road or a hospital names one only with a stage."""
        family = self.family_of(name)
        return family is not None and family.cls == "Project" and family.ending not in self.works_words

    def enumeration_start(self, text: str, end: int) -> int:
        """Start of an enumeration ``A、B、C`` that ends at ``end`` (breaks other than 、 stop it)."""
        breaks = self.breaks
        i = end
        depth = 0
        while i > 0:
            ch = text[i - 1]
            if ch == "”":
                depth += 1
            elif ch == "“":
                depth = max(0, depth - 1)
            elif depth == 0 and ch in breaks and ch != "、":
                break
            elif depth == 0 and ch == "的":
                break
            i -= 1
        return i

    def _shared_tail(self, last: str, others: list[str]) -> str | None:
        """The part of ``last`` that the bare names ``others`` before it share, or None.

        The ending is shared when the named item's own name is as long as the others
        (北沿江、通苏嘉甬高铁); a longer tail when the others are as long as its start (牛成、大磡调准项目:
        调准项目); none when the tail would hold a family's word of its own (俞塘、六磊塘水闸东移工程: is
        the gate shared, or the works?) or the named item's name is shorter than the others
        (恩德斯豪斯、西丽湖花园: a company and an estate).
        """
        ending = self.ending_of(last)
        if not ending or not self.suffix_class(last, stage=True):
            return None
        mean = sum(map(len, others)) / len(others)
        core = len(last) - len(ending)
        inner = self._inner_ending.search(last, max(1, round(mean) - 1), core) if core - mean > 1 else None
        tail = ending if abs(core - mean) <= 1 else last[max(1, round(mean)) :]
        if mean - core > 1 or inner is not None or any(o.endswith(tail) for o in others):
            return None
        if tail.endswith("期") or any(o.endswith(self.company_endings) for o in others):
            return None  # 至纯科技、航电基地一期: a company and a phase of a base
        if self.suffix_class(last) in _NAMED_FOR_FOUNDER:
            return None  # 海辰储能、中石油深圳新能源研究院: an institute is named for its founder, not the items
        return tail

    def expand_shared(self, text: str, items: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """Items with their full names where the report shares a part between them.

        ``俞塘、六磊塘泵闸`` -> 俞塘泵闸, 六磊塘泵闸; ``兰香湖南路和北路`` -> 兰香湖南路, 兰香湖北路.
        Returns (start, end, name) where name may differ from the text at the offsets.
        """
        if len(items) == 1 and "和" not in text[items[0][0] : items[0][1]]:
            return [(items[0][0], items[0][1], "")]
        out: list[tuple[int, int, str]] = []
        for s, e in items:
            name = text[s:e]
            m = _SHARED_DIRECTIONS.fullmatch(name) if "和" in name else None
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
        if len(out) >= 2 and not any(n for _, _, n in out):
            # 北沿江、盐泰锡常宜、通苏嘉甬高铁: a run of bare items shares the ending of the named item after it
            shared = list(out)
            run: list[int] = []
            for k, (s, e, _) in enumerate(out):
                name = text[s:e]
                ending = self.ending_of(name)
                if ending is None or len(name) - len(ending) < 2:  # 湘琼、琼港、深儋合作产业园: 港 of 琼港 ends no name
                    run = run + [k] if len(name) <= 6 else []
                    continue
                tail = self._shared_tail(name, [text[out[j][0] : out[j][1]] for j in run]) if run else None
                for j in run if tail else ():
                    shared[j] = (out[j][0], out[j][1], text[out[j][0] : out[j][1]] + tail)
                run = []
            if shared != out:
                return shared
        if len(out) == 2:
            last = text[out[-1][0] : out[-1][1]]
            tail = _SHARED_GATE.search(last)
            if tail:
                out = [
                    (s, e, n or (text[s:e] + tail.group(1) if len(text[s:e]) <= 4 and not text[s:e].endswith(tail.group(1)) else ""))
                    for s, e, n in out
                ]
        return out


def make_name_rules(
    families: list[list[str]] = [f.as_row() for f in load_families()],
    platform_words: list[str] = list(P.PLATFORM_WORDS),
    company_endings: list[str] = list(P.COMPANY_ENDINGS),
    project_endings: list[str] = list(P.PROJECT_ENDINGS),
    heads: list[str] = [h for h, _ in P.ENUMERATION_HEADS],
    left_words: list[str] = list(P.LEFT_CONTEXT),
    conjunctions: str = P.CONJUNCTIONS,
    particles: str = P.PARTICLES,
    inner_words: list[str] = list(P.INNER_WORDS),
    right_words: list[str] = list(P.RIGHT_CONTEXT),
    continuations: list[str] = list(P.CONTINUATIONS),
    blocked_words: list[str] = list(P.BLOCKED_WORDS),
    kind_words: list[str] = list(P.KIND_WORDS),
    industry_kinds: bool = True,
    level_words: list[str] = list(P.LEVEL_WORDS),
    generic_words: list[str] = list(P.GENERIC_WORDS),
    generic_suffixes: list[str] = list(P.GENERIC_SUFFIXES),
    generic_cores: list[str] = list(P.GENERIC_CORES),
    bad_starts: list[str] = list(P.BAD_STARTS),
    prepositions: str = P.PREPOSITIONS,
    counters: str = P.COUNTERS,
    breaks: str = P.NAME_BREAK,
    not_names: list[str] = list(P.NOT_NAMES),
    works: list[list[str]] = [list(w) for w in load_works()],
    programme_words: list[str] = list(P.PROGRAMME_WORDS),
    measures: list[str] = list(P.MEASURE_UNITS),
    programme_verbs: list[str] = list(P.PROGRAMME_VERBS),
    headquarters: list[str] = list(P.HEADQUARTERS),
    headquarters_scopes: list[str] = list(P.HEADQUARTERS_SCOPES),
    water_endings: list[str] = list(load_nonprojects().of("water")),
    own_jurisdictions: list[str] = list(P.OWN_JURISDICTIONS),
    not_own_after: str = P.NOT_OWN_AFTER,
    not_sections: list[str] = list(P.NOT_SECTIONS),
    particle_words: list[str] = list(P.PARTICLE_WORDS),
    name_particles: str = P.NAME_PARTICLES,
    etc_words: list[str] = list(P.ETC_WORDS),
    company_works: list[str] = list(P.COMPANY_WORKS),
    works_owner_endings: list[str] = list(P.WORKS_OWNER_ENDINGS),
    superlative_words: list[str] = list(P.SUPERLATIVE_WORDS),
    facility_kinds: list[str] = list(P.FACILITY_KIND_WORDS),
) -> NameRules:
    """The shared name rules, by default from :mod:`graph.extract.patterns`.

    Parameters
    ----------
    families
        ``[ending, class, when]`` rows (:mod:`graph.extract.families`, ``families.tsv``).
    platform_words
        The words that make a …中心 of the ``platform`` condition an innovation platform.
    company_endings
        Ordinary words that end company names (科技, 生物): trusted in enumerations and contexts.
    project_endings
        Endings that make a name a project's on its own (…路, …一期, …医院).
    heads
        Enumeration heads (企业, 平台…): a head alone is no name.
    left_words, conjunctions, particles, inner_words, right_words, continuations
        Words a name starts after (and one-character conjunctions and particles); those of them that may stand
        inside a name; words a name may end before, and words that continue an ending into a
        longer word (中心城区) so that no name ends there.
    blocked_words
        Words that begin where an ending begins and are no ending (路线, 路径): no name ends there.
    kind_words, industry_kinds
        Kind, level and quality words: a name of only these and its ending is not specific; with
        ``industry_kinds`` the industries of ``ontology/industries.ttl`` count as kind words too
        (软件产业园, 金融园区 are kinds of park; 西丽留仙洞重点软件产业园 is named).
    level_words
        Level words and firsts that open a title (国家级, 首个).
    generic_words, generic_suffixes, generic_cores, bad_starts, prepositions, counters, not_names
        What makes a string a category, policy, count or clause instead of a name.
    breaks
        Characters that never occur inside a name.
    works
        ``[word, role]`` rows of ``works.tsv``: the works a project may be named by after the
        facility it is done on (:meth:`NameRules.facility_of`).
    programme_words
        Words that make a project's name a programme or a kind of works (:meth:`NameRules.is_programme`).
    measures
        Units of length and area: a measure before a name (25公里环城绿道) is skipped.
    programme_verbs
        Verbs that make the …工程 after them a programme (实施人才兴皖工程), unless it opens
        with a named works (:meth:`NameRules.is_programme`).
    headquarters, headquarters_scopes
        What a company's headquarters is called, and the scope words before it (华南总部): the name
        before them is an enterprise's (:meth:`NameRules.owner_of`).
    water_endings
        How a water body's name ends (``nonprojects.tsv``, kind ``water``): a river is no facility
        that works are done on (:meth:`NameRules.facility_of`).
    own_jurisdictions, not_own_after
        A jurisdiction's words for itself (区, 新区 …) and what may not follow them (级, 属 …): such a
        word opens the name of its own facility (:meth:`NameRules.is_own_facility`).
    not_sections
        Words ending like a section that name none (路段, 河段, 阶段: :meth:`NameRules.section_of`).
    particle_words
        Words with a particle inside that stand inside names (以下 of 浮山以下段): their particle
        ends no name (:meth:`NameRules.left_boundary`).
    name_particles
        Particles that stand inside short names too (为 of 华为): they end a name only when two
        characters of it follow, or cut a milestone's item after two (:meth:`NameRules.after_particle`).
    etc_words
        Words with 等 that stand inside names (高等 of 高等研究院): their 等 is no break.
    company_works
        What a company's works, plant or base is called after the company's name (生产线, 基地, 一期 …):
        the company before them owns the works (:meth:`NameRules.works_owner`).
    works_owner_endings
        Trade endings of a company's name trusted only before its works (石化 of 裕龙石化一期), besides
        ``company_endings`` (:meth:`NameRules.works_owner`).
    superlative_words
        Superlatives and firsts that open a description (首个, 最大 …): the name starts after them
        (:meth:`NameRules.after_superlative`).
    facility_kinds
        Words that say what kind a facility is (公立, 健身, 长途 …): kind words of a project's, a
        park's or a platform's name (:meth:`NameRules.is_specific` with ``industries``).
    """
    args = (
        families, platform_words, company_endings, project_endings, heads, left_words, conjunctions, particles,
        inner_words, right_words, continuations, blocked_words, kind_words, industry_kinds, level_words, generic_words,
        generic_suffixes, generic_cores, bad_starts, prepositions, counters, breaks, not_names, works,
        programme_words, measures, programme_verbs, headquarters, headquarters_scopes, water_endings,
        own_jurisdictions, not_own_after, not_sections, particle_words, name_particles, etc_words, company_works,
        works_owner_endings, superlative_words, facility_kinds,
    )
    # the components of a pipeline share one NameRules (and what it remembers) when their lists are the same
    key = json.dumps(args, ensure_ascii=False)
    if key not in _SHARED:
        _SHARED[key] = NameRules(*args)
    return _SHARED[key]


_SHARED: dict[str, NameRules] = {}
