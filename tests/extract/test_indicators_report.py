"""Every figure of the report's review (一、2025年工作回顾, with the 这五年 paragraphs) and of its 2030
targets is read with the right indicator, value, unit, period, kind, area and qualifier.

The expected table below was written by reading the report, figure by figure; each row names the
figure by a short piece of the text around it (unique in the report) and the figure as written.
"""

from decimal import Decimal

import pytest

from graph.resources import DEFAULT_REPORT
from graph.text.metadata import read_report
from graph.extract.figures import cluster_names, extract_indicators, load_indicators

A, E, T, S = "Actual", "Estimate", "Target", "StretchTarget"
# areas: the whole town, its own level (镇本级), the whole town with the zone it names (as written)
TOWN, LEVEL, ZIZHU = "Whole", "OwnLevel", "全镇（含紫竹）"
Y, R5, P30 = "2025", "2021-2025", "2026-2030"

# context, as written, indicator (Chinese name), value, unit, period, kind, area, qualifier, growth %, cluster
# fmt: off
REVIEW_2025 = [
    ("完成财政总收入142亿元", "142亿元", "财政总收入", "142", "亿元", Y, E, TOWN, "Exact", "16", None),
    ("连续5年破百亿，其中", "5年", "财政总收入连续破百亿年数", "5", "年", Y, E, TOWN, "Exact", None, None),
    ("镇本级完成财政总收入32.3亿元", "32.3亿元", "财政总收入", "32.3", "亿元", Y, E, LEVEL, "Exact", "50", None),
    ("完成区级地方收入41.2亿元", "41.2亿元", "区级地方收入", "41.2", "亿元", Y, E, TOWN, "Exact", "9.2", None),
    ("其中镇本级完成10.01亿元", "10.01亿元", "区级地方收入", "10.01", "亿元", Y, E, LEVEL, "Exact", "10.1", None),
    ("非房产收入完成6.97亿元", "6.97亿元", "镇本级非房产收入（区级地方收入中）", "6.97", "亿元", Y, E, LEVEL, "Exact", "11.9", None),
    ("规上工业总产值完成300亿元", "300亿元", "规上工业总产值", "300", "亿元", Y, E, ZIZHU, "Exact", None, None),
    ("其中镇本级完成105亿元", "105亿元", "规上工业总产值", "105", "亿元", Y, E, LEVEL, "Exact", None, None),
    ("限额以上商品销售额完成760亿元", "760亿元", "限额以上商品销售额", "760", "亿元", Y, E, TOWN, "Exact", "14", None),
    ("规上服务业营收完成356.51亿元", "356.51亿元", "规上服务业营收", "356.51", "亿元", Y, E, TOWN, "Exact", "9.3", None),
    ("固定资产投资额完成120亿元", "120亿元", "全社会固定资产投资额", "120", "亿元", Y, E, TOWN, "Exact", None, None),
    ("企业纳统27家", "27家", "新纳统企业", "27", "家", Y, E, TOWN, "Exact", None, None),
    ("经济规模53亿元", "53亿元", "新纳统企业经济规模", "53", "亿元", Y, E, TOWN, "Exact", None, None),
    ("落地项目14个", "14个", "落地项目", "14", "个", Y, A, TOWN, "Exact", None, None),
    ("投资额118.41亿元", "118.41亿元", "落地项目投资额", "118.41", "亿元", Y, A, TOWN, "Exact", None, None),
    ("完成率全区排名第三", "第三", "落地项目完成率全区排名", "3", "位次", Y, A, TOWN, "Exact", None, None),
    ("能源材料三个产业专班", "三个", "产业专班", "3", "个", Y, A, TOWN, "Exact", None, "LeadingClusters"),
    ("寰宇织能等11家企业", "11家", "引进企业", "11", "家", Y, A, TOWN, "Exact", None, "民用航空"),
    ("中顺洁柔等26家企业", "26家", "引进企业", "26", "家", Y, A, TOWN, "Exact", None, "养老科技"),
    ("易用佳等10家企业", "10家", "引进企业", "10", "家", Y, A, TOWN, "Exact", None, "能源材料"),
    ("走访重点企业122家", "122家", "走访重点企业", "122", "家", Y, A, TOWN, "Exact", None, None),
    ("惠企活动25场", "25场", "惠企活动", "25", "场", Y, A, TOWN, "Exact", None, None),
    ("助力企业融资0.52亿元", "0.52亿元", "助力企业融资", "0.52", "亿元", Y, A, TOWN, "Exact", None, None),
    ("转化合同金额超10亿元", "超10亿元", "华东师大孵化器转化合同金额", "10", "亿元", Y, A, TOWN, "MoreThan", None, None),
    ("等5个技术研究项目", "5个", "新增技术研究项目（中科院细胞创新中心）", "5", "个", Y, A, TOWN, "Exact", None, None),
    ("奥锐特等11个校企合作项目", "11个", "校企合作项目", "11", "个", Y, A, TOWN, "Exact", None, None),
    ("等3家企业注册", "3家", "新注册企业", "3", "家", Y, A, TOWN, "Exact", None, None),
    ("推动20个优质科技成果", "20个", "科技成果转化项目", "20", "个", Y, A, TOWN, "Exact", None, None),
    ("外资研发中心等124家", "124家", "研发机构（国际合作、重点实验室、市级研发机构、外资研发中心）", "124", "家", Y, A, TOWN, "Exact", None, None),
    ("高新技术企业701家", "701家", "高新技术企业", "701", "家", Y, A, TOWN, "Exact", None, None),
    ("专精特新企业307家", "307家", "专精特新企业", "307", "家", Y, A, TOWN, "Exact", None, None),
    ("全区占比近五分之一", "近五分之一", "专精特新企业全区占比", "20", "%", Y, A, TOWN, "Nearly", None, None),
    ("8家企业入选", "8家", "国家级专精特新“小巨人”企业（当年入选）", "8", "家", Y, A, TOWN, "Exact", None, None),
    ("全区排名第一", "第一", "国家级“小巨人”企业入选数全区排名", "1", "位次", Y, A, TOWN, "Exact", None, None),
    ("广为等4家企业", "4家", "市级企业技术中心（当年获评）", "4", "家", Y, A, TOWN, "Exact", None, None),
    ("拥有4个人才工作站", "4个", "人才工作站", "4", "个", Y, A, TOWN, "Exact", None, None),
    ("768位春申人才", "768位", "春申人才", "768", "位", Y, A, TOWN, "Exact", None, None),
    ("获奖数占全区四分之一", "四分之一", "“海聚英才”大赛获奖数全区占比", "25", "%", Y, A, TOWN, "Exact", None, None),
    ("信访100%办结", "100%", "生态环保信访办结率", "100", "%", Y, A, TOWN, "Exact", None, None),
    ("完成7家重点行业企业", "7家", "土壤隐患排查企业", "7", "家", Y, A, TOWN, "Exact", None, None),
    ("132处排污口", "132处", "排污口复核整治", "132", "处", Y, A, TOWN, "Exact", None, None),
    ("核查地块119宗", "119宗", "动态核查地块", "119", "宗", Y, A, TOWN, "Exact", None, None),
    ("处置土地9.6万平方米", "9.6万平方米", "处置违法用地", "9.6", "万平方米", Y, A, TOWN, "Exact", None, None),
    ("全生命周期管理68幅", "68幅", "地块全生命周期管理", "68", "幅", Y, A, TOWN, "Exact", None, None),
    ("完成115户", "115户", "“三高两区”农民集中居住签约", "115", "户", Y, A, TOWN, "Exact", None, None),
    ("完成1.5公里农村杆线", "1.5公里", "农村杆线序化", "1.5", "公里", Y, A, TOWN, "Exact", None, None),
    ("经营性收入预计2.3亿元", "2.3亿元", "集体经济经营性收入", "2.3", "亿元", Y, E, TOWN, "Exact", "17", None),
    ("收益分配1322.35万元", "1322.35万元", "经联社收益分配", "1322.35", "万元", Y, A, TOWN, "Exact", "11.1", None),
    ("按时办结率保持100%", "100%", "12345热线工单按时办结率", "100", "%", Y, A, TOWN, "Exact", None, None),
    ("联合整治34次", "34次", "联合整治", "34", "次", Y, A, TOWN, "Exact", None, None),
    ("群租专项整治行动15次", "15次", "群租专项整治行动", "15", "次", Y, A, TOWN, "Exact", None, None),
    ("相关投诉量同比下降14%", "14%", "群租相关投诉量同比增长率", "-14", "%", Y, A, TOWN, "Exact", None, None),
    ("办结案件45件", "45件", "非现场执法办结案件", "45", "件", Y, A, TOWN, "Exact", None, None),
    ("矛盾纠纷279件", "279件", "化解矛盾纠纷", "279", "件", Y, A, TOWN, "Exact", None, None),
    ("初信初访解决率100%", "100%", "合理诉求初信初访解决率", "100", "%", Y, A, TOWN, "Exact", None, None),
    ("示范居住区（村）14个", "14个", "市级生活垃圾分类精品示范居住区（村）", "14", "个", Y, A, TOWN, "Exact", None, None),
    ("惠民服务点1个", "1个", "“沪尚回收”惠民服务点", "1", "个", Y, A, TOWN, "Exact", None, None),
    ("店招店牌61块", "61块", "拆除隐患店招店牌", "61", "块", Y, A, TOWN, "Exact", None, None),
    ("安全承诺书1600余份", "1600余份", "商户安全承诺书", "1600", "份", Y, A, TOWN, "MoreThan", None, None),
    ("（场所）13514家次", "13514家次", "检复查生产经营单位（场所）", "13514", "家次", Y, A, TOWN, "Exact", None, None),
    ("安全隐患7159项", "7159项", "整改安全隐患", "7159", "项", Y, A, TOWN, "Exact", None, None),
    ("火灾事故数同比下降14%", "14%", "火灾事故数同比增长率", "-14", "%", Y, A, TOWN, "Exact", None, None),
    ("厂房仓库1145栋", "1145栋", "排查厂房仓库", "1145", "栋", Y, A, TOWN, "Exact", None, None),
    ("高风险作业企业488家次", "488家次", "排查工贸高风险作业企业", "488", "家次", Y, A, TOWN, "Exact", None, None),
    ("完成1435处", "1435处", "城镇非居建筑隐患排查整治", "1435", "处", Y, A, TOWN, "Exact", None, None),
    ("62幢既有建筑", "62幢", "既有建筑玻璃幕墙隐患排查整治", "62", "幢", Y, A, TOWN, "Exact", None, None),
    ("老化管道8.6公里", "8.6公里", "改造地下燃气老化管道", "8.6", "公里", Y, A, TOWN, "Exact", None, None),
    ("消防设施252处", "252处", "非机动车棚消防设施升级", "252", "处", Y, A, TOWN, "Exact", None, None),
    ("应急预案6项", "6项", "完善应急预案", "6", "项", Y, A, TOWN, "Exact", None, None),
    ("安全培训83场", "83场", "安全培训", "83", "场", Y, A, TOWN, "Exact", None, None),
    ("覆盖7537人次", "7537人次", "安全培训覆盖人次", "7537", "人次", Y, A, TOWN, "Exact", None, None),
    ("宣传活动100场", "100场", "消防演练及宣传活动", "100", "场", Y, A, TOWN, "Exact", None, None),
    ("入室盗窃“零发案”", "零发案", "入室盗窃发案", "0", "起", Y, A, TOWN, "Exact", None, None),
    ("突发事件589起", "589起", "处置突发事件", "589", "起", Y, A, TOWN, "Exact", None, None),
    ("东海学院2个就业服务站点", "2个", "新增就业服务站点", "2", "个", Y, A, TOWN, "Exact", None, None),
    ("等各类活动15场", "15场", "就业服务活动", "15", "场", Y, A, TOWN, "Exact", None, None),
    ("救助帮困金3800余万元", "3800余万元", "救助帮困金发放", "3800", "万元", Y, A, TOWN, "MoreThan", None, None),
    ("完成8户基础型", "8户", "困难重度残疾人家庭无障碍改造（基础型）", "8", "户", Y, A, TOWN, "Exact", None, None),
    ("11户改善型", "11户", "困难重度残疾人家庭无障碍改造（改善型）", "11", "户", Y, A, TOWN, "Exact", None, None),
    ("服务学生500余人次", "500余人次", "爱心寒暑托班服务学生", "500", "人次", Y, A, TOWN, "MoreThan", None, None),
    ("签约74台", "74台", "加装电梯签约", "74", "台", Y, A, TOWN, "Exact", None, None),
    ("开工36台", "36台", "加装电梯开工", "36", "台", Y, A, TOWN, "Exact", None, None),
    ("交付19台", "19台", "加装电梯交付", "19", "台", Y, A, TOWN, "Exact", None, None),
    ("电梯更新24台", "24台", "老旧电梯更新", "24", "台", Y, A, TOWN, "Exact", None, None),
    ("为726名老年人", "726名", "“一键通”应急呼叫设备配备（老年人）", "726", "名", Y, A, TOWN, "Exact", None, None),
    ("为200户高龄独居", "200户", "智能水表安全监测服务（高龄独居老年人）", "200", "户", Y, A, TOWN, "Exact", None, None),
    ("新增床位414张", "414张", "新时代城市建设者管理者之家新增床位", "414", "张", Y, A, TOWN, "Exact", None, None),
    ("等6处健身苑点", "6处", "健身苑点器材更新", "6", "处", Y, A, TOWN, "Exact", None, None),
    ("等2所幼儿园", "2所", "幼儿园高质量创建", "2", "所", Y, A, TOWN, "Exact", None, None),
    ("为31个村居委", "31个", "配置AED的村居委", "31", "个", Y, A, TOWN, "Exact", None, None),
    ("配置80台AED", "80台", "AED配置", "80", "台", Y, A, TOWN, "Exact", None, None),
    ("志愿者800名", "800名", "急救护志愿者培训", "800", "名", Y, A, TOWN, "Exact", None, None),
    ("活动23次", "23次", "“泾色童年”活动", "23", "次", Y, A, TOWN, "Exact", None, None),
    ("专项督查45次", "45次", "镇级专项督查", "45", "次", Y, A, TOWN, "Exact", None, None),
    ("制定2项涉企", "2项", "涉企行政检查计划", "2", "项", Y, A, TOWN, "Exact", None, None),
    ("立法意见42条", "42条", "立法意见", "42", "条", Y, A, TOWN, "Exact", None, None),
    ("免交比例99%", "99%", "政务服务免交比例", "99", "%", Y, A, TOWN, "Exact", None, None),
    ("人大建议14件", "14件", "区人大建议办理", "14", "件", Y, A, TOWN, "Exact", None, None),
    ("政协提案9件", "9件", "区政协提案办理", "9", "件", Y, A, TOWN, "Exact", None, None),
    ("邀请30位人大代表", "30位", "邀请人大代表参与议题审议", "30", "位", Y, A, TOWN, "Exact", None, None),
    ("决策事项10项", "10项", "重大行政决策事项", "10", "项", Y, A, TOWN, "Exact", None, None),
    ("依申请公开案件15件", "15件", "依申请公开案件", "15", "件", Y, A, TOWN, "Exact", None, None),
    ("主动公开19件", "19件", "主动公开", "19", "件", Y, A, TOWN, "Exact", None, None),
    ("检察建议书4件", "4件", "检察建议书答复", "4", "件", Y, A, TOWN, "Exact", None, None),
]

FIVE_YEARS = [
    ("收入连续5年破百亿元", "5年", "财政总收入连续破百亿年数", "5", "年", R5, A, TOWN, "Exact", None, None),
    ("年均增长5.4%", "5.4%", "财政总收入年均增长率", "5.4", "%", R5, A, TOWN, "Exact", None, None),
    ("商品销售额突破700亿元", "突破700亿元", "商品销售额", "700", "亿元", R5, A, TOWN, "MoreThan", "11.4", None),
    ("年均增长8.7%", "8.7%", "服务业营收年均增长率", "8.7", "%", R5, A, TOWN, "Exact", None, None),
    ("实现翻倍增长", "翻倍", "全社会固定资产投资期间增长率", "100", "%", R5, A, TOWN, "Exact", None, None),
    ("累计完成税收16.3亿元", "16.3亿元", "莲花盛开产业社区累计税收", "16.3", "亿元", R5, A, TOWN, "Exact", None, None),
    ("各类孵化器7个", "7个", "孵化器", "7", "个", R5, A, TOWN, "Exact", None, None),
    ("高能级研发平台5个", "5个", "高能级研发平台", "5", "个", R5, A, TOWN, "Exact", None, None),
    ("连续三年保持10%以上增长", "10%以上", "主导产业年增长率", "10", "%", "2023-2025", A, TOWN, "AtLeast", None, "民用航空"),
    ("实现税收20亿元", "20亿元", "转型提升产业园区税收", "20", "亿元", R5, A, TOWN, "Exact", None, None),
    ("拓宽23条道路", "23条", "新建、拓宽道路", "23", "条", R5, A, TOWN, "Exact", None, None),
    ("道路13.13公里", "13.13公里", "新建、拓宽道路里程", "13.13", "公里", R5, A, TOWN, "Exact", None, None),
    ("二期13条道路", "13条", "紫竹研发二期道路", "13", "条", R5, A, TOWN, "Exact", None, None),
    ("半岛11条道路逐步成型", "11条", "紫竹半岛道路", "11", "条", R5, A, TOWN, "Exact", None, None),
    ("动迁房超100万平方米", "超100万平方米", "建成动迁房", "100", "万平方米", R5, A, TOWN, "MoreThan", None, None),
    ("安置居民逾6500户", "逾6500户", "安置居民", "6500", "户", R5, A, TOWN, "MoreThan", None, None),
    ("万科青藤等4个居委会", "4个", "成立居委会", "4", "个", R5, A, TOWN, "Exact", None, None),
    ("光合上城等2个居委会筹备组", "2个", "居委会筹备组", "2", "个", R5, A, TOWN, "Exact", None, None),
    ("完成11个智慧小区", "11个", "智慧小区", "11", "个", R5, A, TOWN, "Exact", None, None),
    ("新增绿地面积1.2万平方米", "1.2万平方米", "新增绿地面积", "1.2", "万平方米", R5, A, TOWN, "Exact", None, None),
    ("累计完成49万平方米", "49万平方米", "土地减量化", "49", "万平方米", R5, A, TOWN, "Exact", None, None),
    ("完成18.74万平方米", "18.74万平方米", "违法用地土地整改", "18.74", "万平方米", R5, A, TOWN, "Exact", None, None),
    ("（小三园）1025户", "1025户", "美丽庭院（小三园）", "1025", "户", R5, A, TOWN, "Exact", None, None),
    ("总资产增长58.19亿元", "58.19亿元", "集体经济总资产增长额", "58.19", "亿元", R5, A, TOWN, "Exact", None, None),
    ("经营收入增长1.3亿元", "1.3亿元", "集体经济经营收入增长额", "1.3", "亿元", R5, A, TOWN, "Exact", None, None),
    ("做实3.52亿元", "3.52亿元", "增量物业增收机制做实资金", "3.52", "亿元", R5, A, TOWN, "Exact", None, None),
    ("分红1.16亿元", "1.16亿元", "增量物业增收机制分红", "1.16", "亿元", R5, A, TOWN, "Exact", None, None),
    ("去化11.52万平方米", "11.52万平方米", "金领谷园区去化面积", "11.52", "万平方米", R5, A, TOWN, "Exact", None, None),
    ("去化率74.14%", "74.14%", "金领谷园区去化率", "74.14", "%", R5, A, TOWN, "Exact", None, None),
    ("帮助2000名失业人员", "2000名", "帮助失业人员再就业", "2000", "名", R5, A, TOWN, "Exact", None, None),
    ("建成5个“家门口就业服务站”", "5个", "“家门口就业服务站”", "5", "个", R5, A, TOWN, "Exact", None, None),
    ("为2323名退役军人", "2323名", "退役军人优待证发放", "2323", "名", R5, A, TOWN, "Exact", None, None),
    ("新增9个妇联组织", "9个", "妇联组织", "9", "个", R5, A, TOWN, "Exact", None, None),
    ("2个社区综合为老服务中心", "2个", "社区综合为老服务中心", "2", "个", R5, A, TOWN, "Exact", None, None),
    ("2个社区长者食堂", "2个", "社区长者食堂", "2", "个", R5, A, TOWN, "Exact", None, None),
    ("3个家门口养老服务站", "3个", "家门口养老服务站", "3", "个", R5, A, TOWN, "Exact", None, None),
    ("1个日间照料中心", "1个", "日间照料中心", "1", "个", R5, A, TOWN, "Exact", None, None),
    ("三个优质教育集群", "三个", "优质教育集群", "3", "个", R5, A, TOWN, "Exact", None, None),
    ("魔方公寓等4个", "4个", "新时代城市建设者管理者之家", "4", "个", R5, A, TOWN, "Exact", None, None),
    ("新增1214个床位", "1214个", "新时代城市建设者管理者之家新增床位", "1214", "个", R5, A, TOWN, "Exact", None, None),
    ("为1800名高龄独居", "1800名", "“一键通”应急呼叫设备配备（老年人）", "1800", "名", R5, A, TOWN, "Exact", None, None),
    ("完成285户老年家庭", "285户", "老年家庭适老化改造", "285", "户", R5, A, TOWN, "Exact", None, None),
    ("为341户高龄独居", "341户", "智能水表安全监测服务（高龄独居老年人）", "341", "户", R5, A, TOWN, "Exact", None, None),
    ("社会救助金1.77亿元", "1.77亿元", "社会救助金发放", "1.77", "亿元", R5, A, TOWN, "Exact", None, None),
    ("接待超过80万人次", "超过80万人次", "政务窗口接待", "80", "万人次", R5, A, TOWN, "MoreThan", None, None),
]

TARGETS_2030 = [
    ("达到180亿元以上", "180亿元以上", "财政总收入", "180", "亿元", "2030", T, TOWN, "AtLeast", None, None),
    ("力争迈上200亿元", "迈上200亿元", "财政总收入", "200", "亿元", "2030", S, TOWN, "AtLeast", None, None),
    ("重点创新平台2家", "2家", "新增国家级、市级重点创新平台", "2", "家", P30, T, TOWN, "Exact", None, None),
    ("国家高新技术企业200家", "200家", "新增国家高新技术企业", "200", "家", P30, T, TOWN, "Exact", None, None),
    ("专精特新企业150家", "150家", "新增专精特新企业", "150", "家", P30, T, TOWN, "Exact", None, None),
    ("规模达到500亿元", "500亿元", "主导产业规模", "500", "亿元", "2030", T, TOWN, "Exact", None, "LeadingClusters"),
    ("民用航空225亿元", "225亿元", "主导产业规模", "225", "亿元", "2030", T, TOWN, "Exact", None, "民用航空"),
    ("养老科技）40亿元", "40亿元", "主导产业规模", "40", "亿元", "2030", T, TOWN, "Exact", None, "养老科技"),
    ("能源材料235亿元", "235亿元", "主导产业规模", "235", "亿元", "2030", T, TOWN, "Exact", None, "能源材料"),
]
# fmt: on

EXPECTED = REVIEW_2025 + FIVE_YEARS + TARGETS_2030


@pytest.fixture(scope="module")
def report():
    return read_report(DEFAULT_REPORT)


@pytest.fixture(scope="module")
def result(report, extraction):
    """The figures, with the report's own industry clusters (the extractor's cluster entities)."""
    return extract_indicators(report, clusters=cluster_names(extraction))


def _span(text: str, context: str) -> tuple[int, int]:
    start = text.index(context)
    return start, start + len(context)


def _region(text: str, first: str, last: str) -> tuple[int, int]:
    """From the start of the line that begins with ``first`` to the end of the line with ``last``."""
    start = text.index("\n" + first) + 1
    end = text.index("\n", text.index(last))
    return start, end


def _review_and_targets(text: str) -> list[tuple[int, int]]:
    return [_region(text, "一、2025年工作回顾", "政务服务能级跨越式提升"), _region(text, "“十五五”期间，吴泾将立足", "到2030年")]


def test_every_context_in_the_table_is_unique_in_the_report(report):
    for row in EXPECTED:
        assert report.text.count(row[0]) == 1, row[0]
        assert row[1] in row[0] or row[1] == "零发案", row


@pytest.mark.parametrize("row", EXPECTED, ids=[f"{r[0]}" for r in EXPECTED])
def test_each_figure_is_read_as_the_report_states_it(report, result, row):
    context, stated, indicator, value, unit, period, kind, area, qualifier, growth, cluster = row
    concepts = load_indicators()
    a, b = _span(report.text, context)
    found = [o for o in result.observations if a <= o.start and o.end <= b and o.stated == stated]
    assert len(found) == 1, f"{stated} in {context}: {found}"
    o = found[0]
    assert concepts[o.indicator].zh == indicator
    assert (o.value, o.unit, o.period, o.kind, o.area, o.qualifier) == (
        Decimal(value), unit, period, kind, area, qualifier
    )
    assert o.growth == (Decimal(growth) if growth else None)
    assert o.cluster == cluster
    assert report.text[o.start : o.end] == stated


def test_the_review_and_the_2030_targets_hold_no_other_figure(report, result):
    regions = _review_and_targets(report.text)
    inside = [o for o in result.observations if any(a <= o.start < b for a, b in regions)]
    expected = {(_span(report.text, row[0]), row[1]) for row in EXPECTED}
    matched = {
        (span, stated)
        for o in inside
        for span, stated in expected
        if span[0] <= o.start and o.end <= span[1] and o.stated == stated
    }
    assert len(inside) == len(EXPECTED) == len(matched)


def test_the_only_review_figure_left_out_is_a_vague_one(report, result):
    regions = _review_and_targets(report.text)
    left_out = [(f.text, f.reason) for f in result.unmatched if any(a <= f.start < b for a, b in regions)]
    assert left_out == [("数千人次", "a vague quantity")]


def test_growth_rates_compare_with_the_year_before_unless_the_report_says_on_average(result):
    bases = {(o.stated, o.growth_basis) for o in result.observations if o.growth is not None}
    assert ("突破700亿元", "AverageAnnual") in bases
    assert {basis for stated, basis in bases if stated != "突破700亿元"} == {"YearOnYear"}


def test_amounts_of_money_are_also_given_in_yuan(result):
    multiplier = {"亿元": 10**8, "万元": 10**4}
    money = [o for o in result.observations if o.unit in multiplier]
    assert len(money) > 30
    for o in money:
        assert o.cny == o.value * multiplier[o.unit]
    assert all(o.cny is None for o in result.observations if o.unit not in multiplier)


def test_an_estimate_is_only_what_the_report_says_is_expected(report, result):
    """预计全年… governs its whole sentence (up to 。); 经营性收入预计2.3亿元 only its own figure."""
    estimates = {o.stated for o in result.observations if o.kind == "Estimate"}
    assert estimates == {
        "142亿元", "5年", "32.3亿元", "41.2亿元", "10.01亿元", "6.97亿元", "300亿元", "105亿元",
        "760亿元", "356.51亿元", "120亿元", "27家", "53亿元", "2.3亿元",
    }  # fmt: skip


# fmt: off
@pytest.mark.parametrize("context, stated, indicator, value", [
    ("设立总规模10亿元", "10亿元", "新设基金总规模", "10"),
    ("稳步推进6幅土地出让", "6幅", "土地出让", "6"),
    ("推进紫竹半岛11条道路开竣工", "11条", "紫竹半岛道路", "11"),
    ("达标率稳定在95%以上", "95%以上", "垃圾分类综合达标率", "95"),
    ("安装电梯监控592台", "592台", "电梯远程监控安装", "592"),
    ("新建1个青少年", "1个", "青少年心理健康服务中心", "1"),
    ("实施3处防汛积水点改造", "3处", "防汛积水点改造", "3"),
])
# fmt: on
def test_the_2026_plan_figures_are_targets_for_2026(report, result, context, stated, indicator, value):
    a, b = _span(report.text, context)
    (o,) = [o for o in result.observations if a <= o.start and o.end <= b and o.stated == stated]
    assert (load_indicators()[o.indicator].zh, o.value, o.period, o.kind) == (indicator, Decimal(value), "2026", T)


def test_figures_are_in_the_sentence_whose_index_the_graph_uses(report, result):
    by_index = {s.index: s for s in result.sentences}
    for o in result.observations:
        s = by_index[o.sentence]
        assert s.start <= o.start and o.end <= s.end
        assert o.stated in s.text
