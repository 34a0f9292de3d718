"""The word lists the extractor's rules use, each defined once: the components' default config.

These generalise to reports the lexicon has never seen: a name is found by what it ends with
(…研究院, …产业园), by the type head of the enumeration it stands in (``A、B等11家企业``) or by the
verb before it (``引进X``, ``推动X落地``).  Every list here is the default of one setting of a
component (see :mod:`graph.extract.components`); ``make_nlp`` passes them through spaCy's config,
so ``nlp.config`` shows each and a pipeline may be built with other lists.  Order matters in the
families table (``families.tsv``): the longest ending that matches a name decides its class, so longer, more specific
suffixes come first.
"""

from __future__ import annotations

#: Words that make a name of a ``platform`` family (…中心, …基地 of ``families.tsv``) an innovation
#: platform rather than a public facility (社区文化活动中心, 综治中心 are not platforms).
PLATFORM_WORDS = (
    "创新", "技术", "研发", "研究", "科技", "智能", "孵化", "制造", "验证", "选型", "产业", "数测",
    "转化", "智造", "创业", "供销", "客服", "实训", "调控", "示范", "材料",
    "中试", "服务平台", "卓越", "国创",
)

#: Enterprise name endings that are ordinary words too: trusted only inside an enumeration or
#: after an introducing verb, never on their own.
COMPANY_ENDINGS = (
    "科技", "生物", "光学", "航空", "航天", "电子", "实业", "汽车", "医药", "制药", "仿真", "光电", "机器人",
    "能源", "材料", "智能", "半导体", "激光", "通信", "网络", "软件", "信息", "数据", "精密", "装备", "机械",
    "环保", "传媒", "物流", "证券", "保险", "控股", "股份", "电器", "电气", "化工", "新材", "微电子", "医疗",
    "健康", "动力", "重工", "农业", "食品", "乳业", "集成电路", "芯片", "光伏", "新能源", "电池",
)

#: Trade endings of a company's name that are as often an industry's word in a list (石化、钢铁等产业): trusted
#: only before a company's works (裕龙石化一期, 蒙拓农机…生产线: :meth:`NameRules.works_owner`), with
#: :data:`COMPANY_ENDINGS`.
WORKS_OWNER_ENDINGS = ("储能", "石化", "化学", "钢铁", "煤业", "牧业", "农机", "电力")

#: What a report writes after a place's name when it means the place (宝安区, 深圳市, 山东省): a works' name that
#: opens with such a place names no company (宝安新能源项目: ``pipeline._placed``).
PLACE_WORDS = ("省", "市", "区", "县", "州", "镇", "新区", "街道")

#: What a company's works, plant or base is called after the company's name (柔宇科技生产线, 裕龙石化一期,
#: 环旭电子城市更新项目, 甲能源燃机总装基地): the words a works name ends with.  The name before them,
#: when it ends with a company's ending (:data:`COMPANY_ENDINGS`), is the company that owns the works
#: (GUIDE.md, affiliatedWith: "the owner's name at the start of the name"; :meth:`NameRules.works_owner`).
COMPANY_WORKS = (
    "生产线", "生产基地", "制造基地", "总装基地", "研发基地", "产业基地", "基地", "工厂", "项目", "一期", "二期", "三期",
    "四期", "研发中心",
)

#: Endings of a project's name (what a name needs to be a project without being called one:
#: ``推进A、B建设``); a project named with one of them and then 项目 (航电基地一期项目) is the same
#: project as without it.
PROJECT_ENDINGS = (
    "工程", "项目", "一期", "二期", "三期", "路", "线", "段", "站", "院区", "公寓", "学校",
    "小学", "幼儿园", "中心", "基地", "安置房", "改造", "改扩建", "结建区", "创新区", "住宅", "总部",
    "公园", "绿道", "泵闸", "水闸", "地块", "医院", "大楼", "综合体", "馆", "服务体", "建设",
    "绿地", "林地", "书屋", "河", "浜",
)

#: Tails that a project's canonical name drops after one of :data:`NAME_KEEPING_ENDINGS`
#: (航电基地一期项目 -> 航电基地一期), longest first.
PROJECT_TAILS = ("建设项目", "新建工程", "项目", "工程", "建设")

#: Park endings after which an industry's name is part of the park's own, not a kind word (GUIDE.md: 国家生物产业基地
#: and 航天科技产业基地 are named), unless the industry is all there is after kind words (生物产业基地: a kind of base).
#: Not 产业园: ``modifier + industry + 产业园`` is mostly a kind of park in real reports (数字广告产业园, 旅游文化产业园).
INDUSTRY_PARK_ENDINGS = ("产业基地",)
#: Park endings after which the industries alone name one park where the clause builds that one (GUIDE.md:
#: A产业园 -> A): 规划建设低空经济产业园, 建成全市首个数字经济跨境电商产业园; after any other words it stays a
#: kind of park (打造软件产业园, 争创国家现代农业产业园, 建设一批软件产业园).
ONE_PARK_ENDINGS = ("产业园",)
#: The verbs that, right before such a park (maybe with a first between: 建成全市首个), build that one.
ONE_PARK_VERBS = ("规划建设", "开工建设", "建设", "建成", "加快", "推进", "新建")
#: The level word that names a designation before such an ending (国家生物产业基地), unlike a kind word
#: (特色直播电商产业基地, 市软件产业基地: kinds of base).
DESIGNATION_WORDS = ("国家",)

#: How the name of a part of a zone ends (前海蛇口片区, 河套深港科技创新合作区深圳园区).
ZONE_PARTS = ("片区", "园区", "分区", "分园", "区块", "组团")
#: The sections a park is opened up in, named after it (宝龙科技城核心区, …启动区).
PARK_SECTIONS = ("核心区", "启动区", "起步区", "先行区", "拓展区")

#: The endings of :data:`PROJECT_ENDINGS` before which a tail of :data:`PROJECT_TAILS` is dropped
#: (…一期项目 -> …一期; not …平台建设项目, …绿地工程).
NAME_KEEPING_ENDINGS = ("工程", "一期", "二期", "三期", "公寓", "学校", "院区", "安置房", "基地", "中心", "线", "路", "改造")

#: Tails a report adds to a name it also writes without them (华为 and 华为公司, 天安云谷 and
#: 天安云谷产业园, 文化 and 文化产业): in one report the two are one entity, named by the fuller form,
#: with the other as an alias (GUIDE.md: aliases are "forms with or without 公司/集团/产业").  Longest first.
SHORT_FORM_TAILS = (
    "股份有限公司", "集团有限公司", "集团公司", "有限公司", "公司", "集团",
    "产业园区", "产业园", "科技园", "园区", "产业集群", "产业",
)

#: Enumeration type heads: ``A、B等<head>`` types A and B.  Longest heads first.
ENUMERATION_HEADS: tuple[tuple[str, str], ...] = (
    ("上市公司", "ListedCompany"),
    ("领军企业", "Enterprise"), ("存量企业", "Enterprise"), ("增量企业", "Enterprise"),
    ("科技企业", "Enterprise"), ("高能级企业", "Enterprise"), ("企业", "Enterprise"), ("公司", "Enterprise"),
    ("孵化器", "Incubator"),
    ("研发平台", "Platform"), ("创新平台", "Platform"), ("平台", "Platform"), ("载体", "Project"),
    ("高校", "University"), ("大学", "University"),
    ("产业园区", "Park"), ("园区", "Park"), ("重点片区", "Park"),  # 前海、蛇口等六大重点片区 (GUIDE.md)
    ("基金", "Fund"),
    ("热点经济", "IndustryCluster"), ("产业专班", "IndustryCluster"), ("主导产业", "IndustryCluster"),
    ("新赛道", "IndustryCluster"),
    ("重大项目", "Project"), ("龙头项目", "Project"), ("项目", "Project"), ("配套", "Project"),
    ("碧道", "Project"),
)

#: Heads whose items are named "<item><head>" (``华东师大、莲谷等各类孵化器`` -> 华东师大孵化器;
#: ``牛湖水、龙华河等5条碧道`` -> 牛湖水碧道, a river's greenway named after the river).
COMPOSING_HEADS = ("孵化器", "碧道")

#: Heads too plain to mark an enumeration without a count (``园区企业`` is no list; ``两所高校`` is).
PLAIN_HEADS = ("企业", "项目", "平台", "园区", "重点片区", "公司", "基金", "配套", "载体", "大学", "孵化器", "高校", "创新平台", "研发平台",
               "碧道")

#: An enumeration whose ``等…<head>`` part has one of these words is not a list of names
#: (华东师大与奥锐特等11个校企合作项目: a cooperation; …等社区服务项目: services).
NOT_ENUMERATION_WORDS = ("合作", "服务")

#: Verbs and words that end a name on its left: a name starts right after one of them.
LEFT_CONTEXT = (
    "依托", "引进", "成立", "推进", "推动", "支持", "设立", "打造", "建设", "深化", "加快", "实现",
    "完成", "启动", "发挥", "新增", "汇聚", "构建", "落地", "入选", "获评", "纳入", "融入", "拥有",
    "聚焦", "加大", "围绕", "以及", "保障", "做好", "配合", "深挖", "承接", "协同", "形成", "成功",
    "稳步", "持续", "全力", "积极", "覆盖", "建成", "举办", "发布", "列入", "提出", "谋划", "申报",
    "实施", "开展", "升级", "提升", "培育", "服务", "组建", "成为", "助力", "合作", "参与", "探索",
    "联动", "壮大", "引入", "建成", "提速", "充分", "深入", "大力", "全面", "着力", "重点", "不断", "加强", "推出", "召开",
    "组织", "坚持", "促进", "吸引", "扶持", "鼓励", "聚集", "集聚", "引导", "带动", "依靠",
    "力争", "力推", "争取", "确保", "做强", "做大", "做优", "做实", "做精", "布局", "搭建", "完善", "优化", "运行",
    "用好", "利用", "扩大", "统筹", "放大", "建立", "筹建", "开工", "新建", "续建", "改建", "打通", "开通",
    "建好", "办好", "管好", "总结", "推广", "申建", "申办", "借鉴", "编制", "包括", "制定", "落实", "选取",
    "规划", "增容", "贯通", "高标准", "高起点", "高质量", "高水平", "加紧", "抓紧", "抓好", "狠抓", "争创",
    "创建", "获批", "获得", "荣获", "入驻", "落户", "进驻", "携手", "联合", "牵头", "借助", "通过", "面向",
    "对接", "引育", "招引", "共建", "支撑", "启用", "投用", "构筑", "拓展", "增强", "夯实", "巩固", "提高",
    "强化", "盘活", "继续", "进一步", "同步", "涵盖", "其中", "还有", "加速", "开发", "应用", "发展", "运营",
    "更新", "迁建", "改建", "新开工", "动工", "开建", "复工", "搬迁", "指出", "出台", "突出", "重塑", "高扬",
    "通往", "振兴", "撬动", "加入", "充实", "筹集", "开设", "按照", "切实", "划转", "是指", "约定", "送法",
    "致力", "致力于", "着眼", "立足", "瞄准", "聚力", "发力", "激活", "释放", "带领", "吸纳", "引领", "辐射",
    "进行", "特别是", "尤其是", "提供", "签订", "到达", "解决好", "解决", "采取", "增设", "赋予", "查处",
    "位于", "维持", "缓解", "涌现出", "汇集", "促成", "认定", "铺开", "我市", "我省", "我区", "丰富",
    "健全", "规范", "推行", "搞好", "努力", "抢抓", "加力", "压减", "放开", "放宽", "严控", "化解", "关停", "承办",
    "培优", "抓住", "开辟", "逐步", "联手", "调低", "提档", "征集", "开拓", "建设好", "建成开放",
    "投产", "力促", "明确", "开办", "建强", "邀请", "移交", "筹备", "筹办", "设置", "腾空", "重构", "运作", "荣登",
    "挂牌", "跻身", "管理好", "打好", "听取", "涉及", "遴选", "给予", "签署", "今年", "庆祝", "出席", "学习贯彻", "破解", "创造",
    "与", "和", "及", "在", "将", "的", "为", "由", "对", "等", "是", "以", "向", "了", "有",
)

#: Words of :data:`LEFT_CONTEXT` that may stand inside a name (平台建设项目, 服务平台), so an item with
#: one of them inside is still a name; any other of them inside makes the item a clause.
INNER_WORDS = (
    "建设", "服务", "合作", "协同", "形成", "示范", "规划", "开发", "发展", "应用", "联合", "共建", "支撑", "加速",
    "运营", "运行", "通过", "其中", "包括", "创建", "对接", "统筹", "拓展", "增强",
)

#: Nouns that end with a verb of :data:`LEFT_CONTEXT` (更新) and stand inside a project's name, words
#: of the name on both sides: 谭屋围城市更新配套学校, 梅林广通城市更新单元养老项目 (cut at 更新, the names
#: were 配套学校 and 单元养老项目).  Only names of a ``Project`` ending run over them.
PROJECT_INNER_NOUNS = ("城市更新",)

#: One-character conjunctions that end a name on its left (通苏嘉甬高铁和宁淮城际铁路), unless they
#: would leave less than two characters before its ending (规划和爱路 is the road 和爱路).
CONJUNCTIONS = "和与及"

#: One-character words that end a name on its left when at least two characters of name follow
#: (是深圳湾实验室, 为西部通道, 了一批…): particles and prepositions that never open a name.
PARTICLES = "是了为在将被把从由对并以向"

#: What may follow a family's ending without ending the name there: the ending is part of a
#: longer word (中心城区, 平台经济, 大学生, 基金会, 高速发展), of an event's name (深圳国际低碳城论坛,
#: 人工智能创新中心峰会: GUIDE.md, events are no entities) or of a ranking's (软科中国大学排名: no university).  Any other following word is allowed.
#: 城乡 is no town: 义务教育城乡一体化 names no 义务教育城.
CONTINUATIONS = (
    "化", "型", "性", "式", "员", "师", "会", "生", "城区", "经济", "发展", "增长", "建设者", "企业家", "治理体系",
    "论坛", "峰会", "联赛", "大赛", "年会", "大会", "博览会", "交易会", "研讨会", "招聘会",
    "域", "组织", "体系", "排名", "学术排名", "乡",
)

#: Words that begin where a family's ending begins and are no such ending (路线 is a route, not a
#: road; 路径, 路网): no name ends inside them.
BLOCKED_WORDS = ("路线", "路径", "路网", "路面", "路灯", "路口", "路长", "路子", "中心城", "中心镇", "中心村")

#: Kind, level and quality words: a name whose core (before its ending) is only these is a kind of
#: thing, not a named one (高水平创新平台, 国家级孵化器, 公共服务平台, 重点实验室, 产业基金).
KIND_WORDS = (
    "国家级", "省级", "市级", "区级", "县级", "国家", "全国", "全省", "全市", "全区", "地方", "省", "市", "区", "县",
    "重点", "重大", "高水平", "高能级", "高端", "高标准", "高质量", "高品质", "一流", "世界一流", "国际一流", "新型",
    "大型", "小型", "中小", "综合", "综合性", "公共", "专业", "专业化", "特色", "示范", "龙头", "骨干", "优质",
    "各类", "各级", "一批", "多个", "若干", "共性", "关键", "核心", "基础", "前沿", "新兴", "未来", "传统", "现代",
    "创新", "技术", "科技", "研发", "产业", "工业", "企业", "服务", "公共服务", "孵化", "研究", "科研", "工程",
    "制造", "智能", "数字", "数据", "金融", "文化", "生态", "绿色", "低碳", "零碳", "人才", "信息", "交易",
    "融资", "投资", "产业投资", "股权投资", "政府性", "政府", "引导", "专项", "建设", "民生", "社区", "政务",
    "应急", "安全", "标准", "双创", "中试", "验证", "转化", "共享", "开放", "合作", "交流", "协同", "总部",
    "对外", "境外", "海外", "跨境", "区域", "城市", "农村", "乡村", "特殊", "教育", "医疗", "卫生", "体育",
    "大学", "高校", "院士", "博士后", "专家", "青年", "人民", "中心", "平台", "类", "级", "性", "型", "的",
    "经济", "发展", "融合", "宜居", "人居", "魅力", "品质", "现代化", "国际化", "产城", "先行", "样板", "标杆",
    "引领", "高地", "品牌", "精品", "美丽", "幸福", "和谐", "平安", "智慧", "数智", "产业链", "供应链", "全产业链",
    "环节", "系统", "夜间", "友好型", "友好", "清廉", "法治", "廉洁", "老旧", "更新", "改造", "提升", "整治",
    "专项", "道路", "景观", "环境", "周边", "配套", "基础设施", "设施", "公益", "惠民", "便民", "实事", "创业",
    "装备", "创客", "众创", "双碳", "碳中和", "商业", "国有", "民营", "消费", "租赁", "跨国", "独资", "控股", "班轮",
    "集体", "项目", "三甲", "保险", "社保", "水利", "信托", "不动产", "公募", "并购", "边境", "经贸", "自主", "改革",
    "陆上", "社会", "智能化", "第三方", "战略", "直投", "流调", "电商", "文明", "生态文明", "慢性病", "防控", "妇幼",
    "健康", "均衡", "义务教育", "基础教育", "办学", "劳务工", "阅读", "全民", "示范性", "寄宿制", "高中", "民办",
    "公办", "基层", "市属", "区属", "省属", "主要", "主干", "快速", "高快速", "综合交通", "交通", "仓储", "冷链",
    "集装箱", "市场化", "要素", "涉企", "涉外", "线上", "线下", "居家", "互联网", "工业互联网",
    "异地", "两岸", "南北", "共建", "大中小学", "改善型", "关爱", "心理", "老年人", "婴幼儿", "照护", "托幼",
    "一体化", "上楼", "入户", "二次供水", "饮用水", "民心", "五优", "绿色通道", "通道", "联系", "诉求", "反映",
    "跟踪", "巡河", "污染", "垃圾", "医疗废物", "生活垃圾", "殡仪", "疾控", "供水", "供热", "排水", "污水", "安置",
    "适老化", "无障碍", "节能", "绿色化", "数智化", "智能化改造", "超低排放", "危房", "棚户区", "城中村", "老旧小区",
    "管理", "信息化", "可视化", "指挥", "学科", "开放型", "森林", "种养结合", "银企", "资源交流", "法律", "出海",
    "主题", "音乐", "公交", "场站", "中转", "档案", "储存", "治污", "保洁", "固定资产", "签约", "定价", "采购",
    "政府采购", "债券", "转移支付", "文体", "师德师风", "道德", "乡风", "安居", "强基", "防灾减灾", "饮水", "湿地",
    "双修", "海水淡化", "合资", "试点", "培育", "上市", "中小企业", "建筑施工", "零星", "校舍", "校园", "循环经济",
    "抽水蓄能", "医疗卫生", "指导", "家门口", "生命线", "公民", "哲学社会科学", "社会科学", "保护", "恢复", "小而美",
    "中央政府", "地方政府", "大模型", "垂类", "攻坚", "联通", "省际", "探源", "地域", "新质生产力", "质押融资",
    "知识产权", "双向开放", "外商投资", "渗滤液", "填埋场", "垃圾处理", "新建", "高校", "汇集", "应急管理",
    "食品安全", "检测", "用电", "隐患", "安全隐患", "儿童", "遗址", "方舱", "接驳", "水质", "住宅",
    "托养", "诊疗", "残疾人", "硬化", "高速", "城镇", "城乡", "既有", "落后", "存量", "现有", "双边", "产能", "货币", "失业", "救助", "周转", "转贷", "应急周转", "入户", "示范工程", "民生示范", "宫颈癌", "筛查", "文化惠民", "改革", "体制机制", "一体", "科创", "创意", "时尚", "夜间经济", "半拉子", "特高压", "输电", "输变电", "全球", "顶尖", "领域", "对接", "传承",
    "世界级", "成果", "股份合作", "重要", "资本", "就业", "一站式", "信用", "监管", "修复", "改善", "外贸", "停车",
    "优秀", "普通", "民用", "货运", "客运", "郊野", "主体", "街道", "首家",
    "疏散", "换电", "陆海", "乡镇", "中西部", "所有", "断头", "特许经营", "跨界", "技改", "收费", "部分", "虚拟",
    "全域", "托育", "民企", "央企", "国企", "外企", "枢纽", "地标", "标志性", "离岸", "保税", "出口",
    "空中", "二层", "风雨", "立体", "慢行", "登山", "步行", "余泥渣土", "历史文化", "美好",
    "燃气", "天然气", "石油", "油气", "长输", "给排水", "雨水", "中水", "热力", "输油", "输气", "管道", "管网",
    "优势", "城投", "村镇", "农商", "城商", "环卫",


)

#: Words after a zone's name in its clause that make it a trade agreement being negotiated or
#: signed, not a place (中日韩自贸区等谈判, 中国－东盟自贸区升级议定书, 亚太自贸区联合战略研究).
TREATY_WORDS = ("谈判", "协定", "议定书", "联合战略研究")

#: Words that end a name on its right (what typically follows a name in these reports).
RIGHT_CONTEXT = (
    "等", "落地", "建设", "相继", "支撑", "签订", "签约", "共建", "成功", "入选", "获评", "纳入", "能级", "作用", "合作", "设立",
    "新增", "开工", "竣工", "投入", "转型", "正式", "顺利", "工程", "进度", "协同", "密切", "紧密",
    "强链", "加速", "实现", "完工", "结构", "运营", "达产", "前期", "开竣工", "获", "列入", "被",
    "已", "成立", "注册", "的", "与", "和", "及", "以及", "在", "是", "为", "有", "将",
)

#: Level words and firsts at the start of a name (国家级…平台, 全市首个…): a title, not a name.
LEVEL_WORDS = ("国家级", "省级", "市级", "区级", "全国首个", "全市首个", "国内首个", "全国首批", "全市首批", "首个", "首批")

#: Superlatives and firsts that open a description, not a name (全区首个职业技术教育学校, 亚洲最大地下火车站
#: 福田综合交通枢纽, 全国最大港口客滚综合枢纽新海港): a name after one starts after it (a scope of a few
#: characters may stand before it: 全国, 粤港澳大湾区), or, where the description ends with a family's
#: ending and a specific name follows, at that name (:meth:`NameRules.after_superlative`).
SUPERLATIVE_WORDS = (
    "首个", "首家", "首座", "首条", "首支", "首所", "首批", "首台", "首套", "首款", "首例", "首只",
    "第一个", "第一座", "第一家", "第一条", "最大的", "最大", "最长的", "最长", "最高的", "最高", "最早的", "最早",
    "唯一的", "唯一",
)

#: Facility kind words: a project's name whose core (before its ending) is only these and the kind words
#: is a kind of facility, not a named one (公立医院, 专门学校, 薄弱学校, 长途客运站, 通用机场,
#: 过境口岸, 区域变电站, 深水航道): GUIDE.md, "Generic or named?".  For projects, parks and platforms
#: (the kinds of :meth:`NameRules.is_specific` with ``industries``).
FACILITY_KIND_WORDS = (
    "公立", "私立", "专门", "薄弱", "长途", "通用", "过境", "二线", "区域", "深水", "镇办", "村办", "地下",
    "处理", "污水处理", "垃圾处理", "托养", "配套", "改扩建", "标准化", "规范化", "火车",
)

#: A jurisdiction's word for itself at the start of a facility's name (区中医院, 新区养老院, 市美术馆新馆):
#: the report's own district or city has one such facility, which the name names.  Not when a level
#: or scope word follows it (区级, 区属, 市内, 区域, 市政, 县城, 市民: a kind of facility, where, or a word
#: of its own).
OWN_JURISDICTIONS = ("新区", "省", "区", "市", "县")
NOT_OWN_AFTER = "级属内域外政际城场民区县间直镇第份"

#: Words that end like a section of a works (…段, families.tsv condition ``section``) and name none:
#: a road's run, a river's reach, a phase of time or a tender lot (拥堵路段, 河段, 主体施工阶段, 一标段).
NOT_SECTIONS = ("路段", "河段", "阶段", "手段", "片段", "标段", "时段", "地段", "区段")

#: Verbs before a title that was awarded (入选国家级…平台): what follows them is no name.
AWARD_VERBS = ("纳入", "入选", "获评", "列入", "荣获", "成为", "评为", "认定")

#: Verbs before a zone or platform that make it a title it was given, not a place (获评…示范区,
#: 创建国家生态文明建设示范区, 成为全国首个…示范基地).
TITLE_VERBS = ("入选", "获评", "荣获", "评为", "成为", "认定", "认定为", "创建", "争创", "创成", "命名为", "授予", "获批为", "列为", "确定为")

#: Words that end a name on its own right although they follow it (弈柯莱生物科技入选…): a company
#: ending right before one of them is an enterprise.
COMPANY_CONTEXT_VERBS = ("入选", "获评", "注册", "落户", "设立", "登陆", "上市", "挂牌")

#: Generic words: a name made of them is a category, policy or activity, not a name.
GENERIC_WORDS = (
    "方案", "机制", "政策", "模式", "规划", "计划", "体系", "工作", "行动", "服务", "人才", "成果",
    "能力", "水平", "品质", "环境", "治理", "改革", "格局", "理念", "生态", "功能", "作用", "场景",
    "活动", "指标", "任务", "资源", "名单", "需求", "领域", "经济", "板块", "问题", "效应", "企业",
)

#: Words that make a project's name a programme, a campaign or a kind of works, not a named project
#: (重点项目, 提速水利工程, 脱贫攻坚工程, 文化惠民工程, 城中村…): GUIDE.md, "programmes, plans,
#: policies and campaigns" are no projects.  For a …项目 or …工程 of ``wj_suffix_names`` and for
#: every project of a milestone clause or a list of projects.
PROGRAMME_WORDS = (
    "重点", "重大", "实事", "体检", "育人", "一事一议", "修缮", "提速", "引入", "服务项目", "人才", "路线", "规范化",
    "标准化", "督导", "达标", "智慧", "城中村", "攻坚", "攻关", "促进", "安居", "赋能", "强基", "典藏", "探源",
    "富裕", "共富", "惠民", "民生", "试点", "防控", "双修", "入户", "培育", "培养", "帮扶", "兜底", "振兴",
    "增收", "创作", "素养", "提质", "扩优", "山水林田湖",
    "超低排放", "节能改造", "脱硝", "既有", "落后", "基层", "相关", "合作项目", "合资项目", "巡河", "交通治理",
    # projects of a kind the report counts or attracts, not one named (全球招商大会签约项目, 竣工投产项目,
    # 只要有好项目, 顺利完成各项目, 年投资亿元以上项目, 企业上云项目)
    "签约项目", "招商项目", "投产项目", "好项目", "各项目", "多个项目", "以上项目", "上云项目",
)

#: What a company's headquarters is called after its name (京东总部, 招商银行全球总部): the name before it
#: is an enterprise's (GUIDE.md, "Nested names": 华为 in 华为松山湖基地).
HEADQUARTERS = ("总部",)

#: Scope and function words between a company's name and 总部 (华南总部, 国际运营总部, 跨境电商总部).
HEADQUARTERS_SCOPES = (
    "华南", "华东", "华北", "华中", "西南", "西北", "东北", "南方", "北方", "全球", "国际", "全国", "中国", "亚太",
    "湾区", "大湾区", "区域", "境内", "境外", "海外", "深圳", "运营", "销售", "研发", "结算", "科创", "电商",
    "跨境电商", "地区", "第二", "贸易",
)

#: Verbs that make the …工程 after them a programme, not a project (实施人才兴皖工程, 深入实施闽商回归工程):
#: a project is built, a programme carried out; the name opening with a named works keeps it a project
#: (实施G98环岛高速提档扩容工程).
PROGRAMME_VERBS = ("实施",)

#: Words with 新 that say "new" (新增…, 新一轮…, 新型…, 新组建…): no name starts with one, but a 新
#: that opens a place's name (新区养老院, 新大存车场, 新洲河, 新疆大学) is no adjective.
NEW_STARTS = (
    "新一轮", "新兴", "新型", "新时代", "新时期", "新形势", "新阶段", "新增", "新建", "新改", "新（", "新(",
    "新签", "新认定", "新设", "新组建", "新引进", "新开工", "新开业", "新注册", "新上线", "新落户", "新入驻", "新培育",
    "新编", "新晋", "新版", "新央企", "新产品", "新基建", "新业态", "新动能", "新赛道",
)

#: How a string that is no name starts (该…, 一批…, 重点…).
BAD_STARTS = (
    *NEW_STARTS, "该", "各", "相关", "有关", "一批", "一些", "多个", "两所", "其中", "更多", "优质", "外资", "以下",
    "累计", "高能级", "重点", "下为", "更加", "其他",
)

#: Words with a particle of :data:`PARTICLES` that stand inside names (浮山以下段, a river's section;
#: 城北以东片区; not 亿元以上, a count): their particle ends no name on its left, nor do those of the
#: kind words (并购, 对外).
PARTICLE_WORDS = ("以上段", "以下段", "以东", "以西", "以南", "以北", "自由", "向阳", "向西", "向南", "以色列", "将军", "在线")

#: Words that count a batch of things: a family's name after one in its clause, with no verb between,
#: is a kind the report wants more of (建设一批高水平的国家科学中心, 培育一批工业设计中心、…认证中心).
BATCH_WORDS = ("一大批", "一批", "一系列", "一些", "若干", "多个", "多家", "各类")

#: Particles of :data:`PARTICLES` that stand inside short names too (华为, 以岭): they end a name on
#: its left only when at least two of its characters follow (为 in 亲自为西部通道; not in 华为公司).
NAME_PARTICLES = "为以"

#: Words with 等 that stand inside names (安徽高等研究院, 高等职业技术学院): their 等 ends no name, where
#: any other 等 (A、B等…) is a break (:data:`NAME_BREAK`).
ETC_WORDS = ("高等", "中等", "初等")

#: One-character prepositions: never the first character of a name.
PREPOSITIONS = "与以对在将为由向从把被让"

#: Counter words after a number: a string with ``3个`` or ``2025年`` in it is no name.
COUNTERS = "条个家所处台座幅项户名场次宗大批类岁"

#: Units of length and area: a measure before a name says how much of it was built (建成25公里环城绿道).
MEASURE_UNITS = ("平方公里", "平方米", "公里", "千米", "公顷", "亩", "米")

#: Counter words of the count before an enumeration head (``等11家企业``, ``两所高校``).
HEAD_COUNTERS = "家个所位批类条"

#: Words at the start of a short string that make it a category (产业研究院, 重点项目).
GENERIC_CORES = ("产业", "行业", "重点", "各类")

#: Endings of a name that only suffixes make generic: 市级平台, 重点实验室, 平安联盟.
GENERIC_SUFFIXES = ("平台", "中心", "园区", "基地", "联盟", "产业集群", "示范区", "项目", "工程")

#: The marks that end a clause: a stage word speaks of the projects of its clause (milestones), and so
#: does the upkeep of a river or a list's head (nonprojects).
CLAUSE_BREAKS = "，。；：！？,;"

#: Words whose 等 is a character of the word, not "etc." (电子科技大学（深圳）高等研究院): inside them 等 is
#: masked (``spans.mask_parentheses``), so that it ends neither a list nor a name.
WORDS_WITH_ETC = ("高等研究院", "高等研究生院", "高等学校", "高等院校", "高等学院", "高等教育", "高等职业", "高等师范", "高等专科")

#: Characters that never occur inside a name.
NAME_BREAK = "，。；：！？、,.;:!?（）()“”\"‘’'《》「」【】—\n 等的<>{}[]$=/\\|@#%^&*~`"

#: Words that look like items of an enumeration but are places or categories, not names.
NOT_NAMES = (
    "欧洲", "韩国", "日本", "美国", "德国", "海外", "国内", "国外", "全球", "长三角", "专精特新",
    "高新技术", "小巨人", "瞪羚", "独角兽", "一带一路", "两重", "两新",
)

#: How the name of a government's department or office ends (环水局, 公安分局, 更新办, 区委, 区法院): an
#: item of a list ending so is none of ours (``环水局、城管局、市燃气集团协助办理``: the bodies that help).
PUBLIC_BODY_ENDINGS = ("局", "办", "委", "法院", "检察院")

#: Verbs that introduce something; "引进X", "推动X落地" make X an entity even without a suffix.
INTRODUCING = ("引进", "落地", "入驻", "注册", "成立", "落户")

#: Adverbs of an introducing verb (相继落地, 成功引进).
INTRODUCING_ADVERBS = ("相继", "成功", "加速")

#: Adverbs that make ``A、B<adverb>落地`` a list of what came (相继落地) without an opener.
LISTING_ADVERBS = ("相继", "成功")

#: Introducing verbs whose objects follow them up to the next break (引进X、Y).
OBJECT_VERBS = ("引进",)

#: What a clause opens with when ``X落地`` says X was brought in (推动X落地), not planned.
INTRODUCING_OPENERS = ("推动", "实现", "促进", "支持", "吸引", "推进")

#: Words between the partners of a cooperation and 合作 (与B密切合作, 与B开展合作).
COOPERATION_FILLERS = ("密切", "紧密", "深度", "全面", "积极", "开展", "进行", "深入", "加强", "签订", "达成")

#: Words that say two organisations work together (A与B合作, A与B合资).
COOPERATION_WORDS = ("合作", "合资", "协同")

#: Endings of a descriptive lead that may stand before a known name (…系统平台中航机载低空选型中心).
DESCRIPTOR_ENDS = ("平台", "中心", "企业", "首个")

#: Adverbs among the stage words that open a milestone clause (持续推进, 稳步推进).
MILESTONE_ADVERBS = ("持续", "稳步", "全力", "加快", "积极", "进一步", "顺利", "基本")

#: Last characters of a place's name: an item a milestone clause calls a project, without a
#: project's ending, is a place's project when it ends so (欢乐海岸, 世界之窗, 甘坑新镇), else a company's
#: (恩德斯豪斯, 华强方特: GUIDE.md keeps an enterprise whose project is meant an enterprise).  延 ends a
#: road's extension (侨城东路北延, 布新路东延), which is the road's project.
PLACE_ENDINGS = "园城镇岸湾窗集区港山湖河村苑府楼馆街巷坊汇里谷岛洲庄场寺塔桥井泉峡滩林海江溪坝闸站门阁亭台宫延"

#: Words that call what a milestone clause lists projects (A、B等项目开工, …等一批载体建成, A、B城际等线路建设,
#: 建成开业A、B等酒店).
PROJECT_WORDS = ("项目", "载体", "配套", "住宅", "工程", "线路", "道路", "酒店")

#: Words between the projects of a milestone clause and its stage word (A、B顺利竣工, 实现A竣工).
STAGE_FILLERS = ("顺利", "加速", "正式", "基本", "实现")

#: Endings of an item of a milestone clause that make it no project (an administrative village).
NOT_PROJECT_ENDINGS = ("村",)

#: Openings of an item of a milestone clause that make it no project (家门口…, 社区综合…).
NOT_PROJECT_STARTS = ("家门口", "社区综合")

#: Actions at the end of a listed project (樱桃河路整修, …酒店地块出让), and 沿线 (深茂客专沿线, along it): the
#: project is before them.
TRAILING_ACTIONS = ("道路整修", "整修", "出让", "全线贯通", "贯通", "全线", "景观提升", "提升", "沿线")

#: Metro line names: the prefixes a report writes (longest first is not needed: they are sorted),
#: the sections and phases a line's name may end with, and the one that names the line itself.
METRO_PREFIXES = ("城市轨道交通", "轨道交通", "地铁", "轨道", "轨交", "城轨")
METRO_EXTENSIONS = r"主线|[东南西北]延(?:伸)?(?:段|线)?|延长段|支线|[一二三四五六七八九十]期(?:工程)?"
METRO_MAIN_LINE = "主线"

#: How trusted each rule is, lower first: it breaks ties between candidates of the same length
#: (``wj_resolve``), picks the rule a name typed twice in a report keeps, and weighs each
#: mention's vote for its entity's class (10 - rank).  A rule not listed ranks 9.
RULE_RANK = {"lexicon": 0, "metro": 1, "suffix": 2, "enum": 3, "milestone": 3, "context": 4, "nested": 5, "known": 6}
