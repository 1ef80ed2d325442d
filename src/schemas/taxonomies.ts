import { UNKNOWN, UNKNOWN_KEY } from './unknown.ts';

/**
 * The handbook's taxonomies: stable ASCII keys (URLs, search filters) with Chinese labels
 * (what readers see). Frontmatter may use either; both normalise to the key.
 */
export const taxonomies = {
  level: {
    label: '层级',
    values: {
      national: '全国',
      province: '省级',
      city: '市级',
      county: '县级',
      township: '乡镇（街道）',
      village: '村',
      community: '社区',
    },
  },
  forms: {
    label: '形式',
    values: {
      plenary: '全体会议协商',
      'face-to-face': '面对面协商',
      'standing-committee': '常委会专题协商',
      bimonthly: '双月协商座谈会',
      sector: '界别协商',
      onsite: '现场协商',
      online: '网络（远程）协商',
      council: '议事会协商',
      hearing: '听证会',
      'multi-party': '多元协商',
      proposal: '提案办理协商',
    },
  },
  topics: {
    label: '领域',
    values: {
      'public-welfare': '公益事业',
      assistance: '困难群体救助',
      'health-education': '医疗卫生教育等民生保障',
      'public-order': '治安维护',
      environment: '环境整治',
      facilities: '公共设施维护',
      traffic: '道路交通管理',
      economy: '经济发展',
      agriculture: '农业农村',
      employment: '就业',
      governance: '基层治理',
      training: '委员履职与培训',
    },
  },
  status: {
    label: '成果状态',
    values: {
      proposed: '已提出',
      instructed: '已批示',
      'in-progress': '办理中',
      implemented: '已落实',
      reviewed: '已回头看',
      [UNKNOWN_KEY]: UNKNOWN,
    },
  },
  kind: {
    label: '类型',
    values: {
      practice: '实践',
      consultation: '协商事例',
    },
  },
  modelKind: {
    label: '模式类型',
    values: {
      composition: '人员构成',
      schedule: '年度安排',
      training: '培训体系',
    },
  },
} as const;

export type TaxonomyName = keyof typeof taxonomies;

/** The Chinese label of a key, or the key itself when unknown. */
export function labelOf<T extends TaxonomyName>(taxonomy: T, key: string): string {
  const values = taxonomies[taxonomy].values as Record<string, string>;
  return values[key] ?? key;
}

/** Resolves a key or a Chinese label to the key; undefined when it is neither. */
export function resolveTaxonomy(taxonomy: TaxonomyName, input: string): string | undefined {
  const values = taxonomies[taxonomy].values as Record<string, string>;
  const trimmed = input.trim();
  if (Object.hasOwn(values, trimmed)) return trimmed;
  return Object.keys(values).find((key) => values[key] === trimmed);
}

/** "community（社区）、village（村）…": the allowed values, for error messages. */
export function allowedValues(taxonomy: TaxonomyName): string {
  const values = taxonomies[taxonomy].values as Record<string, string>;
  return Object.entries(values)
    .map(([key, label]) => `${key}（${label}）`)
    .join('、');
}

/** Every value an author may write for a taxonomy: its keys, then its Chinese labels. */
export function taxonomyInputs(taxonomy: TaxonomyName): string[] {
  const values = taxonomies[taxonomy].values as Record<string, string>;
  return [...Object.keys(values), ...Object.values(values)];
}
