/** Full names of China's provincial-level divisions, as `region.province` must give them. */
export const provinces = [
  '北京市', '天津市', '上海市', '重庆市',
  '河北省', '山西省', '辽宁省', '吉林省', '黑龙江省', '江苏省', '浙江省', '安徽省', '福建省',
  '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '海南省', '四川省', '贵州省',
  '云南省', '陕西省', '甘肃省', '青海省', '台湾省',
  '内蒙古自治区', '广西壮族自治区', '西藏自治区', '宁夏回族自治区', '新疆维吾尔自治区',
  '香港特别行政区', '澳门特别行政区',
] as const;

/**
 * Each province's URL segment (/browse/province/<slug>/), fixed once: the romanisation of
 * GB/T 2260 (陕西 Shaanxi, 山西 Shanxi), so that no two share one. Published URLs depend on it:
 * never change a slug.
 */
export const provinceSlugs: Readonly<Record<(typeof provinces)[number], string>> = {
  北京市: 'beijing', 天津市: 'tianjin', 上海市: 'shanghai', 重庆市: 'chongqing',
  河北省: 'hebei', 山西省: 'shanxi', 辽宁省: 'liaoning', 吉林省: 'jilin', 黑龙江省: 'heilongjiang',
  江苏省: 'jiangsu', 浙江省: 'zhejiang', 安徽省: 'anhui', 福建省: 'fujian', 江西省: 'jiangxi',
  山东省: 'shandong', 河南省: 'henan', 湖北省: 'hubei', 湖南省: 'hunan', 广东省: 'guangdong',
  海南省: 'hainan', 四川省: 'sichuan', 贵州省: 'guizhou', 云南省: 'yunnan', 陕西省: 'shaanxi',
  甘肃省: 'gansu', 青海省: 'qinghai', 台湾省: 'taiwan', 内蒙古自治区: 'neimenggu',
  广西壮族自治区: 'guangxi', 西藏自治区: 'xizang', 宁夏回族自治区: 'ningxia',
  新疆维吾尔自治区: 'xinjiang', 香港特别行政区: 'hongkong', 澳门特别行政区: 'macao',
};

/** "浙江" → "浙江省": the full name a short name stands for, to suggest in an error. */
export function suggestProvince(input: string): string | undefined {
  const short = input.trim().replace(/(省|市|自治区|特别行政区)$/, '');
  if (!short) return undefined;
  return provinces.find((name) => name.startsWith(short));
}
