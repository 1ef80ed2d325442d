/**
 * Phrase banks for the synthetic benchmark corpus: places, issues (each with what goes wrong and
 * what was agreed), organisers, departments and sentence templates for each section of a case.
 * Templates take `{slot}` placeholders that `corpus.ts` fills; every slot must be filled, since a
 * brace left in an MDX body would be read as code.
 */

/** A city with its pinyin (for ids) and its districts and counties. */
export interface City {
  name: string;
  slug: string;
  counties: readonly string[];
}

export interface Province {
  name: string;
  /** How often cases come from here, relative to the others. */
  weight: number;
  /** Municipalities have districts directly (no city level). */
  municipality?: boolean;
  cities: readonly City[];
}

export const PROVINCES: readonly Province[] = [
  {
    name: '浙江省',
    weight: 30,
    cities: [
      { name: '湖州市', slug: 'huzhou', counties: ['吴兴区', '南浔区', '德清县', '长兴县', '安吉县'] },
      { name: '嘉兴市', slug: 'jiaxing', counties: ['南湖区', '秀洲区', '海宁市', '桐乡市', '嘉善县', '平湖市'] },
      { name: '杭州市', slug: 'hangzhou', counties: ['上城区', '拱墅区', '西湖区', '余杭区', '临安区', '桐庐县'] },
      { name: '宁波市', slug: 'ningbo', counties: ['海曙区', '鄞州区', '余姚市', '慈溪市', '象山县'] },
      { name: '绍兴市', slug: 'shaoxing', counties: ['越城区', '柯桥区', '上虞区', '诸暨市', '新昌县'] },
      { name: '温州市', slug: 'wenzhou', counties: ['鹿城区', '瓯海区', '瑞安市', '乐清市', '永嘉县'] },
      { name: '金华市', slug: 'jinhua', counties: ['婺城区', '义乌市', '东阳市', '永康市', '浦江县'] },
      { name: '台州市', slug: 'taizhou', counties: ['椒江区', '黄岩区', '温岭市', '临海市', '天台县'] },
      { name: '丽水市', slug: 'lishui', counties: ['莲都区', '龙泉市', '缙云县', '遂昌县'] },
    ],
  },
  {
    name: '江苏省',
    weight: 12,
    cities: [
      { name: '南京市', slug: 'nanjing', counties: ['鼓楼区', '玄武区', '秦淮区', '江宁区', '浦口区'] },
      { name: '苏州市', slug: 'suzhou', counties: ['姑苏区', '吴江区', '昆山市', '常熟市', '太仓市'] },
      { name: '无锡市', slug: 'wuxi', counties: ['梁溪区', '滨湖区', '江阴市', '宜兴市'] },
      { name: '常州市', slug: 'changzhou', counties: ['天宁区', '钟楼区', '武进区', '溧阳市'] },
      { name: '南通市', slug: 'nantong', counties: ['崇川区', '海门区', '如皋市', '启东市'] },
    ],
  },
  {
    name: '山东省',
    weight: 8,
    cities: [
      { name: '济南市', slug: 'jinan', counties: ['历下区', '市中区', '槐荫区', '章丘区'] },
      { name: '青岛市', slug: 'qingdao', counties: ['市南区', '市北区', '黄岛区', '即墨区', '胶州市'] },
      { name: '烟台市', slug: 'yantai', counties: ['芝罘区', '莱山区', '龙口市', '蓬莱区'] },
      { name: '潍坊市', slug: 'weifang', counties: ['奎文区', '潍城区', '寿光市', '诸城市'] },
    ],
  },
  {
    name: '广东省',
    weight: 7,
    cities: [
      { name: '广州市', slug: 'guangzhou', counties: ['越秀区', '天河区', '海珠区', '番禺区', '从化区'] },
      { name: '深圳市', slug: 'shenzhen', counties: ['福田区', '南山区', '龙岗区', '宝安区'] },
      { name: '佛山市', slug: 'foshan', counties: ['禅城区', '南海区', '顺德区', '高明区'] },
      { name: '江门市', slug: 'jiangmen', counties: ['蓬江区', '新会区', '台山市', '开平市'] },
    ],
  },
  {
    name: '四川省',
    weight: 6,
    cities: [
      { name: '成都市', slug: 'chengdu', counties: ['锦江区', '武侯区', '郫都区', '新津区', '崇州市'] },
      { name: '绵阳市', slug: 'mianyang', counties: ['涪城区', '游仙区', '江油市'] },
      { name: '宜宾市', slug: 'yibin', counties: ['翠屏区', '南溪区', '叙州区'] },
    ],
  },
  {
    name: '福建省',
    weight: 5,
    cities: [
      { name: '福州市', slug: 'fuzhou', counties: ['鼓楼区', '仓山区', '晋安区', '闽侯县'] },
      { name: '厦门市', slug: 'xiamen', counties: ['思明区', '湖里区', '集美区', '同安区'] },
      { name: '泉州市', slug: 'quanzhou', counties: ['鲤城区', '丰泽区', '晋江市', '安溪县'] },
    ],
  },
  {
    name: '安徽省',
    weight: 4,
    cities: [
      { name: '合肥市', slug: 'hefei', counties: ['蜀山区', '包河区', '庐阳区', '肥西县'] },
      { name: '芜湖市', slug: 'wuhu', counties: ['镜湖区', '鸠江区', '弋江区'] },
    ],
  },
  {
    name: '湖北省',
    weight: 4,
    cities: [
      { name: '武汉市', slug: 'wuhan', counties: ['江岸区', '武昌区', '洪山区', '江夏区'] },
      { name: '宜昌市', slug: 'yichang', counties: ['西陵区', '夷陵区', '枝江市'] },
    ],
  },
  {
    name: '湖南省',
    weight: 3,
    cities: [
      { name: '长沙市', slug: 'changsha', counties: ['岳麓区', '开福区', '雨花区', '浏阳市'] },
      { name: '株洲市', slug: 'zhuzhou', counties: ['天元区', '芦淞区', '醴陵市'] },
    ],
  },
  {
    name: '河南省',
    weight: 3,
    cities: [
      { name: '郑州市', slug: 'zhengzhou', counties: ['金水区', '二七区', '中原区', '新郑市'] },
      { name: '洛阳市', slug: 'luoyang', counties: ['西工区', '洛龙区', '偃师区'] },
    ],
  },
  { name: '北京市', weight: 3, municipality: true, cities: [{ name: '', slug: 'beijing', counties: ['朝阳区', '海淀区', '西城区', '丰台区', '通州区'] }] },
  { name: '上海市', weight: 3, municipality: true, cities: [{ name: '', slug: 'shanghai', counties: ['浦东新区', '徐汇区', '闵行区', '静安区', '杨浦区'] }] },
  { name: '重庆市', weight: 2, municipality: true, cities: [{ name: '', slug: 'chongqing', counties: ['渝中区', '江北区', '九龙坡区', '万州区', '永川区'] }] },
  { name: '天津市', weight: 1, municipality: true, cities: [{ name: '', slug: 'tianjin', counties: ['和平区', '南开区', '河西区', '滨海新区'] }] },
  { name: '江西省', weight: 2, cities: [{ name: '南昌市', slug: 'nanchang', counties: ['东湖区', '青山湖区', '红谷滩区', '进贤县'] }] },
  { name: '河北省', weight: 2, cities: [{ name: '石家庄市', slug: 'shijiazhuang', counties: ['长安区', '桥西区', '正定县'] }] },
  { name: '陕西省', weight: 2, cities: [{ name: '西安市', slug: 'xian', counties: ['雁塔区', '碑林区', '未央区', '长安区'] }] },
  { name: '云南省', weight: 1, cities: [{ name: '昆明市', slug: 'kunming', counties: ['五华区', '盘龙区', '官渡区'] }] },
  { name: '贵州省', weight: 1, cities: [{ name: '贵阳市', slug: 'guiyang', counties: ['云岩区', '南明区', '观山湖区'] }] },
  { name: '广西壮族自治区', weight: 1, cities: [{ name: '南宁市', slug: 'nanning', counties: ['青秀区', '西乡塘区', '兴宁区'] }] },
  { name: '辽宁省', weight: 1, cities: [{ name: '沈阳市', slug: 'shenyang', counties: ['和平区', '沈河区', '皇姑区'] }] },
  { name: '内蒙古自治区', weight: 1, cities: [{ name: '呼和浩特市', slug: 'huhehaote', counties: ['新城区', '回民区', '赛罕区'] }] },
];

/** First halves and endings of street, town, community and village names. */
export const PLACE_STEMS = [
  '城南', '城北', '东湖', '西山', '新华', '人民', '朝阳', '月河', '凤凰', '龙山', '清河', '梧桐', '文昌', '长安', '和平',
  '滨江', '金山', '桃源', '白云', '青石', '柳湾', '东门', '南塘', '北关', '石桥', '双溪', '云龙', '望海', '莲花', '古城',
];
export const COMMUNITY_STEMS = [
  '幸福', '和谐', '阳光', '春晖', '翠苑', '碧水', '锦绣', '枫林', '康乐', '紫薇', '华庭', '槐树', '白马', '桂花', '银杏',
  '望江', '丽园', '秀水', '南苑', '新风', '嘉园', '金桥', '绿洲', '东升', '明珠', '花园', '安居', '长青', '永兴', '红星',
];

/** Ids of the taxonomy values the generator uses (src/schemas/taxonomies.ts). */
export type TopicKey =
  | 'public-welfare' | 'assistance' | 'health-education' | 'public-order' | 'environment' | 'facilities'
  | 'traffic' | 'economy' | 'agriculture' | 'employment' | 'governance' | 'training';

/** A question a consultation takes up: what goes wrong, what can be done, who is affected. */
export interface Issue {
  slug: string;
  /** The main topic first; a second topic is sometimes added. */
  topics: readonly [TopicKey, ...TopicKey[]];
  /** As in a title: 老旧小区停车难. */
  name: string;
  /** Where it happens, to make the issue concrete: 小区, 路段 … */
  spots: readonly string[];
  /** What goes wrong, as sentences without the place. */
  problems: readonly string[];
  /** What was agreed, as verb phrases (新建停车位 …). */
  measures: readonly string[];
  /** Who is affected. */
  who: string;
  /** Departments responsible. */
  depts: readonly string[];
  /** Rural issues only go to villages and towns; urban issues to communities and streets. */
  rural?: boolean;
}

export const ISSUES: readonly Issue[] = [
  {
    slug: 'parking', topics: ['traffic', 'facilities'], name: '老旧小区停车难', spots: ['老旧小区', '小区周边道路'],
    problems: ['小区建成于上世纪九十年代，规划车位不到现有车辆的三分之一，车辆沿消防通道和绿化带停放', '夜间车辆停满小区主干道，救护车和消防车难以通行，邻里之间因占位时有争执'],
    measures: ['利用小区北侧闲置空地新建停车位', '错时开放周边机关单位停车场', '划定临时停车区并由居民自治小组管理', '推行车位共享和夜间限时停放'],
    who: '居民', depts: ['住建局', '交警大队', '街道办事处', '物业公司'],
  },
  {
    slug: 'school-traffic', topics: ['traffic'], name: '学校周边上下学交通拥堵', spots: ['小学门口', '学校周边路段'],
    problems: ['上下学时段接送车辆和电动自行车集中停靠，道路通行能力下降一半以上', '学生横穿马路现象较多，家长多次反映存在安全隐患'],
    measures: ['设置临时停靠接送区', '调整上下学时间错峰放学', '组织家长志愿者和交警联合护学', '施划人行横道并加装减速带'],
    who: '学生家长', depts: ['教育局', '交警大队', '城管执法局'],
  },
  {
    slug: 'bus-route', topics: ['traffic'], name: '公交线路调整', spots: ['公交站点', '新建小区'],
    problems: ['新建小区入住率提高后，最近的公交站点步行需要二十多分钟', '原有线路班次间隔长，早晚高峰乘客排队时间较长'],
    measures: ['延伸公交线路并增设站点', '早晚高峰加密班次', '开通社区微循环公交'],
    who: '居民', depts: ['交通运输局', '公交公司'],
  },
  {
    slug: 'rural-road', topics: ['traffic', 'agriculture'], name: '农村公路养护', spots: ['村道', '通村公路'], rural: true,
    problems: ['通村公路多年未大修，路面坑洼，雨天积水严重', '部分路段没有护栏，重型车辆通行后路基下沉'],
    measures: ['将破损路段纳入年度养护计划', '实行路长制并明确村级养护责任', '对重型车辆实行限行'],
    who: '村民', depts: ['交通运输局', '乡镇人民政府'],
  },
  {
    slug: 'dead-end-road', topics: ['traffic', 'facilities'], name: '断头路打通', spots: ['断头路', '城乡接合部道路'],
    problems: ['两个片区之间的道路因征迁未完成而中断多年，居民出行需要绕行三公里', '断头路附近常年堆放杂物，夜间照明不足'],
    measures: ['分段推进征迁补偿', '先行修建便道保障通行', '将打通工程列入年度重点项目'],
    who: '居民', depts: ['自然资源和规划局', '住建局', '街道办事处'],
  },
  {
    slug: 'elevator', topics: ['facilities', 'assistance'], name: '老旧小区加装电梯', spots: ['多层住宅', '老旧小区'],
    problems: ['楼内六十岁以上老人占住户的四成，上下楼困难', '高低楼层住户对加装电梯的意见不一，费用分摊方案迟迟定不下来'],
    measures: ['按楼层系数分摊加装费用', '由街道协调财政补助', '设立加装电梯议事小组逐栋协商', '低楼层住户获得适当补偿'],
    who: '居民', depts: ['住建局', '市场监管局', '街道办事处'],
  },
  {
    slug: 'toilet', topics: ['facilities'], name: '公共厕所建设', spots: ['商业街', '农贸市场周边'],
    problems: ['整条街没有一座公共厕所，商户和行人如厕只能去附近单位', '现有公厕设施陈旧、无障碍设施缺失，保洁不及时'],
    measures: ['新建一座公共厕所', '推动沿街单位厕所对外开放', '将公厕保洁纳入环卫作业考核'],
    who: '商户和行人', depts: ['城管执法局', '环卫所'],
  },
  {
    slug: 'street-lights', topics: ['facilities', 'public-order'], name: '背街小巷路灯照明', spots: ['背街小巷', '小区内部道路'],
    problems: ['多条背街小巷路灯损坏长期无人维修，夜间出行不便', '照明不足导致夜间盗窃和摔伤事件时有发生'],
    measures: ['更换和新增太阳能路灯', '明确路灯维护的责任单位', '建立路灯故障随手报机制'],
    who: '居民', depts: ['城管执法局', '供电公司'],
  },
  {
    slug: 'activity-room', topics: ['facilities', 'public-welfare'], name: '社区活动用房改造', spots: ['社区活动室', '闲置用房'],
    problems: ['社区活动用房面积不足一百平方米，老年人、儿童活动时间相互冲突', '一处闲置的社区用房长期出租，居民希望收回作为公共空间'],
    measures: ['收回闲置用房改建为邻里中心', '分时段预约使用活动室', '引入社会组织运营'],
    who: '居民', depts: ['民政局', '街道办事处'],
  },
  {
    slug: 'charging', topics: ['facilities', 'public-order'], name: '电动自行车集中充电设施', spots: ['小区车棚', '楼道'],
    problems: ['居民从楼上拉线充电、把电动自行车推进楼道，存在火灾隐患', '小区车棚充电桩数量少，收费标准不统一'],
    measures: ['在车棚增设智能充电桩', '统一充电收费标准', '开展电动自行车进楼入户专项整治'],
    who: '居民', depts: ['消防救援大队', '物业公司', '街道办事处'],
  },
  {
    slug: 'drainage', topics: ['facilities', 'environment'], name: '雨污管网改造', spots: ['低洼小区', '老街'],
    problems: ['每逢暴雨小区低洼处积水没过脚踝，地下车库多次进水', '雨污合流，污水外溢到河道'],
    measures: ['实施雨污分流改造', '增设排水泵站', '汛期前开展管网清淤'],
    who: '居民', depts: ['水利局', '住建局'],
  },
  {
    slug: 'waste-sorting', topics: ['environment', 'governance'], name: '垃圾分类投放', spots: ['小区', '农村集中居住点'],
    problems: ['垃圾分类准确率不高，定时定点投放推行以来居民意见较多', '投放点设置离部分楼栋太远，夜间投放不便'],
    measures: ['调整投放点位置并延长投放时间', '组织志愿者桶边督导', '实行积分兑换激励'],
    who: '居民', depts: ['城管执法局', '街道办事处', '物业公司'],
  },
  {
    slug: 'river', topics: ['environment'], name: '河道保洁与水质提升', spots: ['河道', '村内池塘'],
    problems: ['河道漂浮物较多，夏季有异味，沿岸居民多次投诉', '部分沿河住户和商户生活污水直排'],
    measures: ['落实河长巡河制度', '对直排口逐一整改', '引入专业保洁队伍'],
    who: '沿河居民', depts: ['生态环境局', '水利局', '乡镇人民政府'],
  },
  {
    slug: 'cooking-fumes', topics: ['environment', 'public-order'], name: '餐饮油烟扰民', spots: ['沿街商铺', '居民楼底商'],
    problems: ['居民楼底层餐饮店油烟直排，楼上住户常年不敢开窗', '夜宵摊点经营到凌晨，噪声和油烟问题叠加'],
    measures: ['督促商户安装油烟净化设施', '限定夜间经营时间', '引导摊点入驻集中经营区'],
    who: '居民和商户', depts: ['生态环境局', '城管执法局', '市场监管局'],
  },
  {
    slug: 'greening', topics: ['environment', 'facilities'], name: '小区绿化改造', spots: ['小区绿地', '楼间空地'],
    problems: ['部分居民在公共绿地上毁绿种菜，邻里矛盾突出', '树木多年未修剪，遮挡低层住户采光'],
    measures: ['将毁绿种菜区域改建为共享菜园', '分批修剪树木', '由居民认领绿地养护'],
    who: '居民', depts: ['园林绿化部门', '物业公司'],
  },
  {
    slug: 'construction-waste', topics: ['environment'], name: '装修垃圾清运', spots: ['小区', '城中村'],
    problems: ['装修垃圾随意堆放在楼道和路边，清运不及时', '清运费用由谁承担说法不一'],
    measures: ['设置装修垃圾临时堆放点', '按户收取清运费用并公示', '委托有资质的企业定期清运'],
    who: '居民', depts: ['城管执法局', '物业公司'],
  },
  {
    slug: 'rental-safety', topics: ['public-order', 'governance'], name: '群租房安全隐患整治', spots: ['出租房', '城中村'],
    problems: ['部分出租房隔断过多、消防通道堵塞，存在安全隐患', '租住人员流动性大，信息登记不全'],
    measures: ['开展出租房屋联合检查', '推行房东承诺书和租客信息登记', '建立网格员定期走访制度'],
    who: '租户和房东', depts: ['公安派出所', '消防救援大队', '住建局'],
  },
  {
    slug: 'falling-objects', topics: ['public-order'], name: '高空抛物治理', spots: ['高层住宅'],
    problems: ['小区接连发生高空抛物事件，居民担心安全', '肇事者难以查找，物业和居民之间互相推诿'],
    measures: ['在重点楼栋加装高空抛物监控', '修订居民公约明确责任', '开展入户宣传'],
    who: '居民', depts: ['公安派出所', '物业公司'],
  },
  {
    slug: 'fire-lanes', topics: ['public-order', 'traffic'], name: '消防通道堵塞', spots: ['小区消防通道'],
    problems: ['消防通道被私家车长期占用，一次火警中消防车无法进入', '通道标线模糊，居民对哪些地方不能停车不清楚'],
    measures: ['重新施划消防通道标线', '设置隔离桩', '对占道车辆实行劝离和曝光'],
    who: '居民', depts: ['消防救援大队', '物业公司'],
  },
  {
    slug: 'meal-service', topics: ['public-welfare', 'assistance'], name: '社区老年助餐服务', spots: ['社区食堂', '居家养老服务中心'],
    problems: ['辖区独居和高龄老人较多，做饭难、吃饭难', '已开办的老年食堂价格偏高，送餐范围有限'],
    measures: ['在社区开办长者食堂', '对高龄和困难老人实行分档补贴', '组织志愿者送餐上门'],
    who: '老年居民', depts: ['民政局', '街道办事处'],
  },
  {
    slug: 'volunteers', topics: ['public-welfare', 'governance'], name: '志愿服务站建设', spots: ['社区'],
    problems: ['社区志愿者队伍年龄偏大，服务项目单一', '志愿服务缺少固定场地和激励办法'],
    measures: ['建立志愿服务积分制度', '与辖区单位共建志愿服务站', '定期发布服务需求清单'],
    who: '居民', depts: ['团委', '民政局'],
  },
  {
    slug: 'charity-fund', topics: ['public-welfare'], name: '社区公益基金使用', spots: ['社区'],
    problems: ['社区公益基金募集后，使用范围和审批程序不够清楚', '居民希望了解每一笔资金的去向'],
    measures: ['制定基金使用办法', '由居民代表参与项目评审', '每季度公开收支明细'],
    who: '居民', depts: ['民政局', '慈善总会'],
  },
  {
    slug: 'elderly-alone', topics: ['assistance', 'public-welfare'], name: '独居老人关爱照护', spots: ['社区', '村'],
    problems: ['独居老人突发疾病无人知晓的情况时有发生', '子女在外地工作，老人日常照料缺人'],
    measures: ['建立邻里结对探访制度', '为独居老人安装紧急呼叫设备', '由社区医生定期上门'],
    who: '老年居民', depts: ['民政局', '卫生健康局'],
  },
  {
    slug: 'left-behind-children', topics: ['assistance', 'health-education'], name: '留守儿童关爱', spots: ['村'], rural: true,
    problems: ['村里留守儿童较多，放学后缺少看护', '部分孩子由祖辈照看，学业辅导跟不上'],
    measures: ['开设四点半课堂', '组织大学生志愿者暑期支教', '建立留守儿童档案和结对帮扶'],
    who: '留守儿童家庭', depts: ['教育局', '妇联', '团委'],
  },
  {
    slug: 'disability', topics: ['assistance', 'employment'], name: '残疾人托养与就业', spots: ['社区'],
    problems: ['辖区内重度残疾人托养机构床位紧张', '有劳动能力的残疾人找不到合适岗位'],
    measures: ['扩建托养中心', '开发公益性岗位', '开展辅助性就业培训'],
    who: '残疾人家庭', depts: ['残联', '人力资源和社会保障局'],
  },
  {
    slug: 'family-doctor', topics: ['health-education'], name: '家庭医生签约服务', spots: ['社区卫生服务站'],
    problems: ['家庭医生签约后上门服务少，居民觉得“签而不约”', '社区卫生服务站药品种类少，慢病患者要跑大医院配药'],
    measures: ['增加慢病常用药品目录', '明确家庭医生每月上门次数', '开通预约诊疗和线上问诊'],
    who: '居民', depts: ['卫生健康局', '医保局'],
  },
  {
    slug: 'clinic', topics: ['health-education', 'facilities'], name: '村卫生室建设', spots: ['村卫生室'], rural: true,
    problems: ['村卫生室用房狭小，设备老化', '乡村医生年龄偏大，后继乏人'],
    measures: ['新建标准化村卫生室', '由乡镇卫生院派医生定期坐诊', '定向培养乡村医生'],
    who: '村民', depts: ['卫生健康局', '乡镇人民政府'],
  },
  {
    slug: 'childcare', topics: ['health-education', 'public-welfare'], name: '婴幼儿托育服务', spots: ['社区'],
    problems: ['三岁以下婴幼儿托育机构少、收费高', '双职工家庭接送孩子困难'],
    measures: ['利用社区用房开设普惠托育点', '对普惠托位给予运营补贴', '鼓励用人单位举办托育服务'],
    who: '年轻家庭', depts: ['卫生健康局', '教育局'],
  },
  {
    slug: 'after-school', topics: ['health-education'], name: '中小学课后托管', spots: ['学校', '社区'],
    problems: ['学校放学时间早于家长下班时间，学生放学后无人照看', '校外托管机构良莠不齐'],
    measures: ['学校延时开展课后服务', '社区开设暑期托管班', '规范校外托管机构管理'],
    who: '学生家长', depts: ['教育局', '市场监管局'],
  },
  {
    slug: 'elder-college', topics: ['health-education', 'public-welfare'], name: '老年大学扩容', spots: ['老年大学', '社区学校'],
    problems: ['老年大学热门课程报名要靠抢，一座难求', '教学点集中在城区，偏远乡镇老人参加不便'],
    measures: ['在社区和乡镇设立分校', '开设线上课程', '增加书法、智能手机使用等热门课程'],
    who: '老年居民', depts: ['老干部局', '教育局'],
  },
  {
    slug: 'sme-finance', topics: ['economy'], name: '小微企业融资难', spots: ['工业园区', '商贸区'],
    problems: ['小微企业缺少抵押物，贷款审批周期长', '部分企业反映续贷时资金周转困难'],
    measures: ['设立应急转贷资金', '推广信用贷款和知识产权质押', '建立银企对接常态化机制'],
    who: '小微企业主', depts: ['金融工作部门', '经信局', '人民银行支行'],
  },
  {
    slug: 'business-environment', topics: ['economy', 'governance'], name: '优化营商环境', spots: ['政务服务中心'],
    problems: ['企业办事仍需多头跑、重复交材料', '涉企检查频次较多，企业负担重'],
    measures: ['推行一窗受理和网上办理', '实行涉企检查计划统筹', '建立企业诉求快速响应机制'],
    who: '企业', depts: ['发展改革局', '行政审批局', '市场监管局'],
  },
  {
    slug: 'night-economy', topics: ['economy', 'public-order'], name: '夜间经济街区管理', spots: ['夜市', '步行街'],
    problems: ['夜市人气旺但停车、卫生和噪声问题突出', '摊位分配不透明，商户有意见'],
    measures: ['划定夜市经营时段和区域', '摊位公开摇号分配', '增设临时停车场和公厕'],
    who: '商户和居民', depts: ['商务局', '城管执法局'],
  },
  {
    slug: 'market', topics: ['economy', 'facilities'], name: '农贸市场改造提升', spots: ['农贸市场'],
    problems: ['市场建成年代久，地面湿滑、排水不畅', '改造期间临时安置摊位的方案商户有争议'],
    measures: ['分区分期改造', '设置临时过渡市场', '改造后摊位租金三年不涨'],
    who: '摊主和居民', depts: ['商务局', '市场监管局'],
  },
  {
    slug: 'land-transfer', topics: ['agriculture', 'economy'], name: '土地流转', spots: ['村'], rural: true,
    problems: ['部分农户担心土地流转后收益没有保障', '流转价格和期限在村民之间意见分歧较大'],
    measures: ['统一制定流转合同范本', '实行保底收益加分红', '由村集体统一对接经营主体'],
    who: '村民', depts: ['农业农村局', '乡镇人民政府'],
  },
  {
    slug: 'produce-sales', topics: ['agriculture', 'economy'], name: '农产品销售难', spots: ['村', '合作社'], rural: true,
    problems: ['当季水果集中上市，收购价格下跌', '农户缺少品牌和冷链，产品卖不上价'],
    measures: ['建设产地冷链仓储', '组织电商直播带货培训', '注册区域公共品牌'],
    who: '农户', depts: ['农业农村局', '商务局', '供销社'],
  },
  {
    slug: 'village-renewal', topics: ['agriculture', 'environment'], name: '美丽乡村建设', spots: ['村'], rural: true,
    problems: ['村庄改造方案由上面定，村民参与不够', '村内旱厕、露天粪坑影响环境'],
    measures: ['由村民代表参与改造方案设计', '分批实施改厕', '建立村庄环境卫生评比制度'],
    who: '村民', depts: ['农业农村局', '乡镇人民政府'],
  },
  {
    slug: 'collective-economy', topics: ['agriculture', 'governance'], name: '村集体经济发展', spots: ['村'], rural: true,
    problems: ['村集体经营性收入少，公共事务开支靠上级补助', '闲置的村办厂房和校舍没有盘活'],
    measures: ['盘活闲置厂房出租', '成立强村公司抱团发展', '收益用于村内公益事业并公开'],
    who: '村民', depts: ['农业农村局', '乡镇人民政府'],
  },
  {
    slug: 'gig-insurance', topics: ['employment', 'assistance'], name: '灵活就业人员社保参保', spots: ['社区'],
    problems: ['外卖骑手、网约车司机等灵活就业人员参保率不高', '部分人员不了解参保政策和缴费渠道'],
    measures: ['开展参保政策进社区宣传', '推动平台企业为骑手投保职业伤害保障', '设立新就业形态劳动者服务站'],
    who: '灵活就业人员', depts: ['人力资源和社会保障局', '总工会'],
  },
  {
    slug: 'graduates', topics: ['employment', 'economy'], name: '高校毕业生留本地就业', spots: ['人才市场'],
    problems: ['本地生源毕业生回流比例不高', '企业反映招不到合适的技术人才'],
    measures: ['举办校地合作招聘会', '发放青年人才租房补贴', '建立见习基地'],
    who: '高校毕业生', depts: ['人力资源和社会保障局', '教育局'],
  },
  {
    slug: 'migrant-wages', topics: ['employment', 'public-order'], name: '农民工工资支付保障', spots: ['在建工地'],
    problems: ['个别工地存在拖欠农民工工资的情况', '工人维权渠道不畅，讨薪成本高'],
    measures: ['推行工资专户和实名制管理', '设立欠薪应急周转金', '公布投诉举报电话'],
    who: '务工人员', depts: ['人力资源和社会保障局', '住建局'],
  },
  {
    slug: 'skills', topics: ['employment', 'training'], name: '职业技能培训', spots: ['社区', '职业学校'],
    problems: ['培训项目和企业用工需求对不上', '中年失业人员参加培训的积极性不高'],
    measures: ['按企业订单开设培训班', '培训合格后推荐就业', '对参训人员给予生活补贴'],
    who: '求职人员', depts: ['人力资源和社会保障局', '职业学校'],
  },
  {
    slug: 'property-management', topics: ['governance', 'facilities'], name: '物业服务纠纷', spots: ['住宅小区'],
    problems: ['业主认为物业服务质量与收费不相称，物业费收缴率不足六成', '物业公司提出退出，小区面临无人管理'],
    measures: ['公开物业服务标准和收支情况', '引入第三方评估服务质量', '在物业退出期间由社区过渡托管'],
    who: '业主', depts: ['住建局', '街道办事处', '物业公司'],
  },
  {
    slug: 'owners-committee', topics: ['governance'], name: '业主委员会组建', spots: ['住宅小区'],
    problems: ['小区交付多年仍未成立业主委员会，维修资金无法使用', '业主之间互不信任，候选人难以产生'],
    measures: ['由社区党组织牵头成立筹备组', '公开推荐候选人', '制定业主议事规则'],
    who: '业主', depts: ['街道办事处', '住建局'],
  },
  {
    slug: 'village-rules', topics: ['governance', 'public-order'], name: '村规民约修订', spots: ['村'], rural: true,
    problems: ['原有村规民约条文陈旧，对红白喜事大操大办没有约束', '部分条款与现行法律不一致'],
    measures: ['逐条修订村规民约', '设立红白理事会', '经村民代表会议表决后公布'],
    who: '村民', depts: ['民政局', '乡镇人民政府', '司法所'],
  },
  {
    slug: 'estate-renewal', topics: ['governance', 'facilities'], name: '老旧小区综合改造方案', spots: ['老旧小区'],
    problems: ['改造项目清单由部门拟定，居民最关心的问题没有列入', '施工期间出行和停车受影响，居民有顾虑'],
    measures: ['改造前逐户征求意见', '把加装电梯、停车位等列入改造清单', '成立居民监督小组跟踪施工'],
    who: '居民', depts: ['住建局', '街道办事处'],
  },
  {
    slug: 'member-training', topics: ['training'], name: '委员履职能力提升', spots: ['政协'],
    problems: ['新任委员对协商程序不熟悉，发言针对性不强', '委员履职情况缺少记录和评价'],
    measures: ['开展新任委员集中培训', '建立委员履职档案', '组织委员参加专题调研'],
    who: '政协委员', depts: ['政协办公室'],
  },
  {
    slug: 'consultation-standards', topics: ['training', 'governance'], name: '协商工作规范制定', spots: ['政协'],
    problems: ['各地协商活动做法不一，程序不够规范', '协商成果的报送和反馈没有时限要求'],
    measures: ['制定协商工作规范', '明确成果报送和反馈时限', '建立协商质量评价办法'],
    who: '政协机关和委员', depts: ['政协办公室', '党委办公室'],
  },
];

/** Practice names: a place's standing way of consulting (“有事来协商”平台 …). */
export const PRACTICE_BRANDS = [
  '有事来协商', '请你来协商', '民生议事堂', '百姓议事会', '众人的事情由众人商量', '圆桌议事', '板凳议事', '小区议事厅',
  '协商在基层', '委员工作室', '商量工作室', '民情恳谈会', '村民说事', '楼道议事会', '周末议事会', '网上议事厅',
];

export const PRACTICE_TITLES = [
  '{org}“{brand}”平台建设',
  '{place}“{brand}”协商议事机制',
  '{place}以“{brand}”推进基层协商',
  '{org}“{brand}”工作模式',
  '{place}“{brand}”议事会制度',
];

export const CONSULTATION_TITLES = [
  '{local}{issue}问题的协商',
  '{place}就{issue}开展协商',
  '{local}{issue}议事协商',
  '关于{issue}的{form}',
  '{org}围绕{issue}组织协商',
  '{local}协商解决{issue}问题',
];


export const PARTICIPANTS = [
  '政协委员', '社区“两委”成员', '村“两委”成员', '居民代表', '村民代表', '业主委员会代表', '物业公司负责人', '人大代表',
  '相关职能部门负责人', '律师', '专家学者', '商户代表', '辖区单位代表', '网格员', '党员代表', '老年协会代表',
  '新乡贤', '志愿者', '学生家长代表', '企业代表',
];

export const MONTHS = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];

/** One paragraph's sentences per section. Slots: see `corpus.ts`. */
export const SENTENCES = {
  background: [
    '{place}{who}反映，{problem}。',
    '近年来，{problem}，{who}意见较大，这一问题多次出现在{org}收集的民意中。',
    '{org}在走访中了解到，{problem}。',
    '这一问题由{member}在“{channel}”中提出，此前已有{n}名{who}联名反映。',
    '据{source}介绍，{place}常住人口约{pop}人，{problem}。',
    '{year}年以来，{who}通过{channel}等渠道反映{issue}的问题{n}次。',
    '{issue}的问题由来已久，{dept}曾经做过整改，但效果没有持续。',
    '随着{spot}的人口不断增加，{problem}。',
  ],
  issue: [
    '议题集中在{issue}：{problem}。',
    '{org}把“{issue}”确定为本次协商的议题，经过{small}轮征求意见后形成协商方案。',
    '议题的焦点是由谁出资、怎样分工，以及{who}的意见如何统一。',
    '{org}从收集到的{n}条意见中筛选出这一议题，理由是它涉及面广、群众关注度高。',
    '议题确定后，{org}把议题和背景材料提前一周送到参加协商的各方。',
    '各方对问题本身没有分歧，分歧主要在解决的先后次序和费用分担上。',
  ],
  process: [
    '协商前，{org}组织{member}和{who}代表到{spot}实地查看，听取{n}户{who}的意见，形成调研报告。',
    '{month}，{org}召开{form}，{dept}负责人到会听取意见并现场答复。',
    '会上，{who}代表、{member}和{dept}的工作人员面对面交流，先后有{n}人发言。',
    '协商按照“收集议题、确定议题、议前调研、组织协商、公开公示、组织落实”的顺序进行。',
    '会议由{host}主持，先由{dept}通报情况，再由各方围绕议题逐项讨论。',
    '对意见分歧较大的问题，会议没有当场表决，而是委托{member}会后继续调研。',
    '协商中有人提出{measure}的办法，得到多数参加者的赞同。',
    '为让不能到场的{who}也能表达意见，{org}同步开通了线上意见征集渠道，共收到意见{n}条。',
    '会后，{org}把讨论情况整理成协商纪要，报送{dept}。',
    '{dept}、{dept2}和{org}三方进行了{small}次会商，逐条研究{who}提出的建议。',
  ],
  participants: [
    '参加协商的有{participants}等共{n}人。',
    '{participants}参加了协商，{dept}派员列席。',
    '协商邀请了利益相关方参加，其中{who}代表占了多数。',
  ],
  outcome: [
    '经过协商，各方同意{measure}，并{measure2}。',
    '协商形成的{n}条建议全部被{dept}采纳，其中“{measure}”已于{month}完成。',
    '{dept}按照协商纪要{measure}，{org}对落实情况进行了“回头看”。',
    '{measure}的方案已经公示，公示期间没有收到异议。',
    '据{source}，协商后{who}的满意度明显提高，同类投诉减少了{pct}%。',
    '目前，{measure}的工作仍在推进中，{org}每季度听取一次进展情况。',
    '协商成果以协商纪要形式报送党委政府，主要领导作出批示，要求{dept}抓好落实。',
    '部分建议因资金原因暂未落实，{org}已将其列入下一年度的协商计划。',
  ],
  unstated: [
    '资料没有说明协商的具体日期和参加人数。',
    '资料没有记载协商中各方的具体意见和分歧。',
    '资料只说“取得较好成效”，没有给出落实情况的具体数据。',
    '{measure}的费用由谁承担、最终花了多少，资料没有说明。',
    '资料没有说明这次协商是否形成书面纪要。',
    '协商后是否开展“回头看”，资料没有记载。',
  ],
  interpretation: [
    '资料没有给这次协商归类。本页把它归入“{topic}”，是本手册的判断。',
    '资料把这次活动称为“座谈”。从程序看，它具备协商议事的基本要素，本手册把它作为协商事例收录。',
    '本页把“方法”一栏填为六步议事程序，依据是资料描述的议事顺序与之一致；这是本手册的推断。',
    '资料中“各方”具体指哪些单位，本页按上下文理解为{dept}和{org}。',
  ],
  practiceBackground: [
    '{org}认为，群众身边的不少问题“小事不小”，需要一个经常性的协商平台。',
    '{place}过去也开过座谈会、听证会，但议题由谁提、结果怎么落实，没有固定的规矩。',
    '这一做法源于{year}年{org}开展的基层协商试点，试点期间共组织协商{n}次。',
    '{org}提出，要让{who}的意见在决策前就能充分表达。',
    '{source}介绍，{place}下辖{n}个村（社区），过去群众反映的问题多集中在{topic}等方面。',
  ],
  practice: [
    '{org}在{year}年前后开始建设“{brand}”平台，目的是把协商延伸到群众身边。',
    '平台按照“有场所、有制度、有队伍、有活动、有成效”的要求建设，在{n}个{unit}设立了协商议事点。',
    '每个议事点由{member}牵头，吸收{participants}等参加。',
    '议题通过{channel}、入户走访和网格员收集，经{org}审核后列入年度协商计划。',
    '{org}制定了议事规则，明确“不调研不协商”，协商前必须形成调研报告。',
    '协商成果实行清单化管理，由{dept}逐项办理，办理结果在议事点公示。',
    '{org}每年对各议事点的运行情况进行质量评价，评价结果作为评先评优的依据。',
    '几年来，各议事点围绕{topic}等领域开展协商{n}次，提出建议{n2}条。',
    '{source}称，这一做法被当地概括为“{slogan}”。',
    '平台还开通了网上议事厅，{who}可以在线提出议题、参与讨论。',
    '{org}把委员编入各议事点，每名委员每年至少参加{small}次基层协商。',
  ],
  limits: [
    '这份资料是一篇工作总结，对成效的评价出自实践单位自己。',
    '资料中的部分地名和数字以“xx”隐去。',
    '资料来自新闻报道，篇幅较短，只记载了协商的大致经过。',
    '资料发表于协商结束后不久，后续落实情况本手册无从查考。',
  ],
} as const;

/** Channels through which issues reach the agenda. */
export const CHANNELS = ['民情恳谈会', '委员工作室', '12345热线', '社区微信群', '网格员走访', '意见箱', '网上议事厅', '人大代表联络站'];

export const SLOGANS = ['小事不出社区、大事不出街道', '民事民议、民事民办、民事民管', '有事好商量、众人的事情由众人商量', '议在基层、解在基层', '协商于民、协商为民'];

export const SOURCE_KINDS = [
  { title: '{org}“{brand}”工作情况汇报', publisher: '{org}办公室' },
  { title: '{place}创新基层协商议事的实践与思考', publisher: '{province}政协网' },
  { title: '{place}：一场关于{issue}的协商', publisher: '{city}日报' },
  { title: '{org}年度协商工作总结', publisher: '{org}' },
  { title: '让群众的事由群众商量——{place}协商议事侧记', publisher: '人民政协报' },
  { title: '{place}{issue}问题协商纪要', publisher: '{org}' },
] as const;
