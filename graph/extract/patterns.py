"""The pattern tables the extractor uses: name suffixes, enumeration heads, context words.

These generalise to reports the lexicon has never seen: a name is found by what it ends with
(…研究院, …产业园), by the type head of the enumeration it stands in (``A、B等11家企业``) or by the
verb before it (``引进X``, ``推动X落地``).  Order matters in the suffix table: the first suffix
that matches a name decides its class, so longer, more specific suffixes come first.
"""

from __future__ import annotations

# fmt: off
#: (suffix, class): a name ending in the suffix is an entity of the class.
SUFFIX_CLASSES: tuple[tuple[str, str], ...] = (
    ("产业集群", "IndustryCluster"), ("装备集群", "IndustryCluster"),
    ("孵化器", "Incubator"),
    ("实验室", "Laboratory"), ("重点实验室", "Laboratory"),
    ("产业联盟", "Alliance"), ("联盟", "Alliance"),
    ("研究院", "ResearchInstitute"), ("研究所", "ResearchInstitute"), ("科学院", "ResearchInstitute"),
    ("卓越中心", "ResearchInstitute"),
    ("大学", "University"), ("学院", "University"),
    ("基金", "Fund"), ("创投", "Fund"),
    ("产业园区", "Park"), ("产业园", "Park"), ("科技园", "Park"), ("科学园区", "Park"), ("园区", "Park"),
    ("高新区", "Park"), ("策源功能区", "Park"), ("综合体", "Park"), ("创新区", "Park"),
    ("产业社区", "Park"), ("开发区", "Park"), ("预留区", "Park"), ("云城", "Park"),
    ("创新创业社区", "Park"),
    ("集团", "Enterprise"), ("公司", "Enterprise"), ("股份", "Enterprise"),
    ("平台", "Platform"), ("创新中心", "Platform"), ("技术中心", "Platform"), ("验证中心", "Platform"),
    ("研究中心", "ResearchInstitute"), ("国创中心", "Platform"), ("选型中心", "Platform"), ("数测中心", "Platform"), ("制造中心", "Platform"),
    ("智造中心", "Platform"), ("创业中心", "Platform"), ("示范基地", "Platform"),
    ("实训基地", "Platform"), ("客服中心", "Platform"), ("会客厅", "Platform"), ("中心", "Platform"),
    ("基地", "Platform"),
    ("号线", "MetroLine"), ("南延伸段", "MetroLine"),
    ("项目", "Project"), ("工程", "Project"), ("输变电站", "Project"), ("院区", "Project"),
    ("公寓", "Project"), ("安置房", "Project"), ("改扩建", "Project"), ("提标改造", "Project"),
)

#: Words that make a "…中心" or "…基地" an innovation platform rather than a public facility
#: (社区文化活动中心, 综治中心 are not platforms).
PLATFORM_WORDS = (
    "创新", "技术", "研发", "研究", "科技", "智能", "孵化", "制造", "验证", "选型", "产业", "数测",
    "转化", "智造", "创业", "供销", "客服", "实训", "调控", "示范", "医疗", "材料",
    "中试", "服务平台", "卓越", "国创",
)

#: Enterprise name endings that are ordinary words too: trusted only inside an enumeration or
#: after an introducing verb, never on their own.
COMPANY_ENDINGS = (
    "科技", "生物", "光学", "航空", "电子", "实业", "汽车", "医药", "制药", "微球", "仿真", "光电",
    "机器人", "织能", "洁柔", "无忧", "厨具", "彩印", "能源", "材料", "智能",
)

#: Enumeration type heads: ``A、B等<head>`` types A and B.  Longest heads first.
ENUMERATION_HEADS: tuple[tuple[str, str], ...] = (
    ("上市公司", "ListedCompany"),
    ("领军企业", "Enterprise"), ("存量企业", "Enterprise"), ("增量企业", "Enterprise"),
    ("科技企业", "Enterprise"), ("高能级企业", "Enterprise"), ("企业", "Enterprise"), ("公司", "Enterprise"),
    ("孵化器", "Incubator"),
    ("研发平台", "Platform"), ("创新平台", "Platform"), ("平台", "Platform"), ("载体", "Project"),
    ("高校", "University"), ("大学", "University"),
    ("产业园区", "Park"), ("园区", "Park"),
    ("基金", "Fund"),
    ("热点经济", "IndustryCluster"), ("产业专班", "IndustryCluster"), ("主导产业", "IndustryCluster"),
    ("新赛道", "IndustryCluster"),
    ("重大项目", "Project"), ("龙头项目", "Project"), ("项目", "Project"), ("配套", "Project"),
)
# fmt: on

#: Heads whose items are named "<item><head>" (``华东师大、莲谷等各类孵化器`` -> 华东师大孵化器).
COMPOSING_HEADS = ("孵化器",)

#: Verbs and words that end a name on its left: a name starts right after one of them.
LEFT_CONTEXT = (
    "依托", "引进", "成立", "推进", "推动", "支持", "设立", "打造", "建设", "深化", "加快", "实现",
    "完成", "启动", "发挥", "新增", "汇聚", "构建", "落地", "入选", "获评", "纳入", "融入", "拥有",
    "聚焦", "加大", "围绕", "以及", "保障", "做好", "配合", "深挖", "承接", "协同", "形成", "成功",
    "稳步", "持续", "全力", "积极", "覆盖", "建成", "举办", "发布", "列入", "提出", "谋划", "申报",
    "实施", "开展", "升级", "提升", "培育", "服务", "组建", "成为", "助力", "合作", "参与", "探索",
    "联动", "壮大", "引入", "建成", "提速", "充分", "深入", "大力", "全面", "着力", "重点", "不断", "加强", "推出", "召开",
    "组织", "坚持", "促进", "吸引", "扶持", "鼓励", "聚集", "集聚", "引导", "带动", "依靠",
    "与", "和", "及", "在", "将", "的", "为", "由", "对", "等", "是", "以", "向", "了", "有",
)

#: Words that end a name on its right (what typically follows a name in these reports).
RIGHT_CONTEXT = (
    "等", "落地", "建设", "相继", "支撑", "签订", "签约", "共建", "成功", "入选", "获评", "纳入", "能级", "作用", "合作", "设立",
    "新增", "开工", "竣工", "投入", "转型", "正式", "顺利", "工程", "进度", "协同", "密切", "紧密",
    "强链", "加速", "实现", "完工", "结构", "运营", "达产", "前期", "开竣工", "获", "列入", "被",
    "已", "成立", "注册", "的", "与", "和", "及", "以及", "在", "是", "为", "有", "将",
)

#: Verbs of introducing something; "引进X", "推动X落地" make X an entity even without a suffix.
INTRODUCING = ("引进", "落地", "入驻", "注册", "成立")

#: Milestone words -> project stage.  Checked longest first; a clause may yield two stages
#: (竣工投用 = Completed and InUse).
STAGE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("开工准备", ("Planned",)), ("前期准备", ("Planned",)), ("开竣工", ("Started", "Completed")),
    ("竣工投用", ("Completed", "InUse")), ("达产投用", ("InUse",)), ("投入使用", ("InUse",)),
    ("投入运营", ("InUse",)), ("运行通车", ("InUse",)), ("结构封顶", ("ToppedOut",)),
    ("竣工", ("Completed",)), ("完工", ("Completed",)), ("开工", ("Started",)),
    ("顺利启动", ("Started",)), ("落地实施", ("Started",)),
    ("工程进度", ("UnderConstruction",)), ("项目进度", ("UnderConstruction",)),
    ("建设", ("UnderConstruction",)), ("推进", ("UnderConstruction",)), ("治理进度", ("UnderConstruction",)),
    ("开发", ("UnderConstruction",)), ("实现运营", ("InUse",)),
)

#: Stage words that count only at the end of a clause (…“三线并联”推进, 推进金领谷二期开发).
CLAUSE_FINAL_STAGES = ("推进", "开发")

#: An opener that changes what a stage word means: 启动…建设 starts it, 完成…建设 completes it.
OPENER_STAGES = {"启动": "Started", "完成": "Completed"}

#: A clause must open with one of these (or name the projects directly before a stage word) to
#: be read as a milestone: it keeps "建设" in "打造…示范区建设" from turning everything into a project.
MILESTONE_OPENERS = (
    "实现", "推动", "推进", "完成", "加快", "保障", "持续推进", "稳步推进", "全力配合", "启动",
    "做好", "配合做好", "加快推进", "推进建设",
)

#: Verbs that come before the projects they complete or start (建成A、B; 完成A改造).
VERB_FIRST_STAGES = {"建成": "Completed", "完成": "Completed"}

#: Characters that never occur inside a name.
NAME_BREAK = set("，。；：！？、,.;:!?（）()“”\"‘’'《》「」【】—\n 等的<>{}[]$=/\\|@#%^&*~`")

#: Words that look like items of an enumeration but are places or categories, not names.
NOT_NAMES = frozenset({
    "欧洲", "韩国", "日本", "美国", "德国", "海外", "国内", "国外", "全球", "长三角", "专精特新",
    "高新技术", "小巨人", "瞪羚", "独角兽",
})

#: Suffixes too generic to make a name of a short word: 市级平台, 重点实验室, 平安联盟.
GENERIC_SUFFIXES = ("平台", "中心", "园区", "实验室", "基地", "联盟", "产业集群", "示范区", "项目", "工程")


def suffix_class(name: str) -> str | None:
    """The class a name's ending gives it, or None.

    Examples
    --------
    >>> suffix_class("上海市养老科技产业园")
    'Park'
    >>> suffix_class("华东师大孵化器")
    'Incubator'
    >>> suffix_class("社区文化活动中心") is None
    True
    """
    for suffix, cls in SUFFIX_CLASSES:
        if name.endswith(suffix) and len(name) > len(suffix):
            if suffix in ("中心", "基地") and not any(w in name for w in PLATFORM_WORDS):
                return None
            return cls
    return None
