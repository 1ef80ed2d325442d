/**
 * A synthetic but realistic corpus of cases for the benchmark (`npm run bench`): Chinese titles,
 * summaries and bodies composed from the phrase banks in `phrases.ts`, with frontmatter drawn from
 * distributions like a real handbook's (levels weighted toward community and county, one to three
 * topics, provinces weighted toward Zhejiang, dates 2015–2025 with some 不详, consultations that
 * belong to practices, methods and models of the real content). Pure: returns file texts, writes
 * nothing. The same options give the same corpus.
 */
import { labelOf } from '../../src/schemas/taxonomies.ts';
import {
  CHANNELS, CONSULTATION_TITLES, COMMUNITY_STEMS, ISSUES, MONTHS, PARTICIPANTS, PLACE_STEMS, PRACTICE_BRANDS, PRACTICE_TITLES,
  PROVINCES, SENTENCES, SLOGANS, SOURCE_KINDS, type City, type Issue, type Province,
} from './phrases.ts';
import { Random } from './random.ts';

export interface CorpusOptions {
  /** How many cases to generate. */
  count: number;
  seed?: number;
  /** Method ids that exist in the content the cases join; only these are referenced. */
  methods?: readonly string[];
  /** Model ids that exist. */
  models?: readonly string[];
  /** Source ids that exist; a few generated cases cite them too. */
  sources?: readonly string[];
  /** No date after this (`YYYY-MM-DD`). Default: 2025-10-31. */
  latest?: string;
}

/** What the generator decided about a case, for checks of the distributions. */
export interface CaseInfo {
  id: string;
  kind: 'practice' | 'consultation';
  level: string;
  topics: string[];
  forms: string[];
  province: string;
  date: string | null;
  partOf: string | undefined;
  methods: string[];
  models: string[];
  sources: string[];
  aliases: string[];
  title: string;
  summary: string;
  body: string;
}

export interface GeneratedFile {
  collection: 'cases' | 'sources';
  id: string;
  /** The file's whole text. */
  text: string;
}

export interface Corpus {
  files: GeneratedFile[];
  cases: CaseInfo[];
  sourceIds: string[];
}

const LEVEL_WEIGHTS = { community: 30, county: 22, city: 14, township: 12, village: 12, province: 7, national: 3 } as const;
type Level = keyof typeof LEVEL_WEIGHTS;

const FORM_WEIGHTS: Record<Level, Record<string, number>> = {
  community: { council: 60, onsite: 20, 'multi-party': 12, online: 5, hearing: 3 },
  village: { council: 55, onsite: 25, 'multi-party': 15, hearing: 5 },
  township: { council: 35, onsite: 25, 'multi-party': 15, sector: 10, online: 10, hearing: 5 },
  county: { 'face-to-face': 22, bimonthly: 18, onsite: 16, 'standing-committee': 14, sector: 12, online: 10, hearing: 8 },
  city: { bimonthly: 25, 'face-to-face': 20, 'standing-committee': 18, plenary: 12, sector: 12, online: 13 },
  province: { 'standing-committee': 30, bimonthly: 25, plenary: 20, online: 15, sector: 10 },
  national: { 'standing-committee': 35, bimonthly: 30, plenary: 20, online: 15 },
};

const ORGANISER_SUFFIX: Record<Level, readonly string[]> = {
  national: ['全国政协'],
  province: ['政协', '政协社会和法制委员会', '政协人口资源环境委员会'],
  city: ['政协', '政协社会法制和民族宗教委员会', '委市政府和市政协'],
  county: ['政协', '政协经济委员会', '政协提案委员会'],
  township: ['政协工委', '党工委', '政协委员联络组'],
  community: ['党委', '居委会', '协商议事会'],
  village: ['党支部', '村民委员会', '协商议事会'],
};

const HOSTS: Record<Level, readonly string[]> = {
  national: ['全国政协副主席'],
  province: ['省政协副主席'],
  city: ['市政协主席', '市政协副主席'],
  county: ['县政协主席', '区政协副主席'],
  township: ['街道党工委书记', '镇政协委员联络组组长'],
  community: ['社区党委书记', '社区党委副书记', '议事会主席'],
  village: ['村党支部书记', '议事会主席'],
};

const STATUS_WEIGHTS = { implemented: 32, unknown: 20, 'in-progress': 15, proposed: 13, instructed: 10, reviewed: 10 } as const;

const YEAR_WEIGHTS: Record<string, number> = {
  2015: 4, 2016: 5, 2017: 6, 2018: 7, 2019: 9, 2020: 9, 2021: 10, 2022: 11, 2023: 12, 2024: 12, 2025: 9,
};

/** A YAML scalar: plain where safe, else double-quoted (JSON is valid YAML). */
function scalar(text: string): string {
  const plain = /^[\p{Script=Han}A-Za-z“‘（]/u.test(text) && !/: | #|^(true|false|null|yes|no)$/i.test(text) && !/[,[\]{}]/.test(text);
  return plain ? text : JSON.stringify(text);
}
const flow = (items: readonly string[]) => `[${items.map(scalar).join(', ')}]`;

class Filler {
  private readonly slots: Record<string, () => string>;
  constructor(slots: Record<string, () => string>) {
    this.slots = slots;
  }
  fill(template: string): string {
    const out = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const slot = this.slots[name];
      if (!slot) throw new Error(`corpus: no slot “${name}” in “${template}”`);
      return slot();
    });
    if (/[{}<>]/.test(out)) throw new Error(`corpus: unsafe text “${out}”`);
    return out;
  }
}

interface Place {
  province: Province;
  city: City | undefined;
  county: string | undefined;
  town: string | undefined;
  local: string | undefined;
  masked: boolean;
  /** For ids: the city's pinyin. */
  slug: string;
}

/**
 * Generates `count` cases and the sources they cite. Cases are consultations or, about one in
 * eight, practices; a third of the consultations belong to a practice (`partOf`).
 */
export function generateCorpus(options: CorpusOptions): Corpus {
  const rng = new Random(options.seed ?? 20250601);
  const methods = new Set(options.methods ?? []);
  const models = new Set(options.models ?? []);
  const realSources = options.sources ?? [];
  const latest = options.latest ?? '2025-10-31';
  const files: GeneratedFile[] = [];
  const cases: CaseInfo[] = [];
  const sources: { id: string; citySlug: string; publisher: string }[] = [];
  const sourcesByCity = new Map<string, { id: string; citySlug: string; publisher: string }[]>();
  const practices: CaseInfo[] = [];
  const practicesByProvince = new Map<string, CaseInfo[]>();
  const publisherOf = new Map<string, string>();
  const provinceWeights = Object.fromEntries(PROVINCES.map((p) => [p.name, p.weight]));

  const pickPlace = (level: Level, rural: boolean): Place => {
    const masked = level !== 'national' && level !== 'province' && level !== 'city' && rng.chance(0.06);
    const provinceName = level === 'national' ? '北京市' : rng.weighted(provinceWeights);
    const province = PROVINCES.find((p) => p.name === provinceName)!;
    const city = rng.pick(province.cities);
    const depth = { national: 0, province: 0, city: 1, county: 2, township: 3, community: 4, village: 4 }[level];
    const county = depth >= 2 ? rng.pick(city.counties) : undefined;
    const town = depth >= 3 ? `${rng.pick(PLACE_STEMS)}${rural || level === 'village' ? '镇' : rng.chance(0.8) ? '街道' : '镇'}` : undefined;
    const local = depth >= 4 ? `${rng.pick(COMMUNITY_STEMS)}${level === 'village' ? '村' : '社区'}` : undefined;
    return { province, city: level === 'national' ? undefined : city, county, town, local, masked, slug: masked ? 'xx' : city.slug };
  };

  const names = (place: Place) => {
    if (place.masked) {
      const county = 'xx县';
      const local = place.local ? (place.local.endsWith('村') ? 'xx村' : 'xx社区') : place.town ? 'xx街道' : undefined;
      return { full: `${county}${local ?? ''}`, short: local ?? county, city: undefined, county, town: place.town ? 'xx街道' : undefined, local };
    }
    const cityName = place.city?.name || undefined;
    const parts = [place.province.municipality ? place.province.name : cityName ?? place.province.name, place.county, place.town, place.local].filter(Boolean) as string[];
    const full = parts.join('');
    const short = place.local ?? place.town ?? place.county ?? cityName ?? place.province.name;
    return { full, short, city: cityName, county: place.county, town: place.town, local: place.local };
  };

  const pickDate = (): string | null => {
    if (rng.chance(0.1)) return null;
    const year = Number(rng.weighted(YEAR_WEIGHTS));
    const maxMonth = year === Number(latest.slice(0, 4)) ? Number(latest.slice(5, 7)) : 12;
    const month = rng.int(1, maxMonth);
    const day = rng.int(1, 28);
    const pad = (n: number) => String(n).padStart(2, '0');
    const format = rng.next();
    if (format < 0.45) return `${year}-${pad(month)}-${pad(day)}`;
    if (format < 0.75) return `${year}-${pad(month)}`;
    return String(year);
  };

  const pickForms = (level: Level): string[] => {
    const first = rng.weighted(FORM_WEIGHTS[level]);
    if (!rng.chance(0.3)) return [first];
    const second = rng.weighted(FORM_WEIGHTS[level]);
    return second === first ? [first] : [first, second];
  };

  const pickMethods = (level: Level, topics: readonly string[]): string[] => {
    const out: string[] = [];
    const local = level === 'community' || level === 'village' || level === 'township';
    if (local && rng.chance(0.45)) out.push('six-step-procedure');
    if (!local && rng.chance(0.3)) out.push('eight-step-method');
    if (rng.chance(0.15)) out.push('topic-selection');
    if (rng.chance(topics.includes('governance') ? 0.25 : 0.1)) out.push('outcome-follow-through');
    return out.filter((m) => methods.has(m)).slice(0, 2);
  };

  const pickModels = (level: Level, province: string, topics: readonly string[]): string[] => {
    const out: string[] = [];
    if ((level === 'community' || level === 'village') && rng.chance(0.3)) out.push('council-1-7-x');
    if (province === '浙江省' && (level === 'city' || level === 'county') && rng.chance(0.2)) out.push(rng.pick(['zhejiang-6-x', 'huzhou-1246-x', 'wuxing-6-x-n']));
    if (topics.includes('training') && rng.chance(0.4)) out.push('training-1-1-n');
    return out.filter((m) => models.has(m));
  };

  const newSource = (place: Place, issue: Issue, org: string, date: string | null, brand: string): string => {
    const n = names(place);
    const id = `src-${place.slug}-${String(sources.length + 1).padStart(5, '0')}`;
    const kind = rng.pick(SOURCE_KINDS);
    const filler = new Filler({
      org: () => org,
      brand: () => brand,
      place: () => n.full,
      issue: () => issue.name,
      province: () => (place.masked ? '政协' : place.province.name.replace(/省|市|自治区|壮族|回族|维吾尔/g, '')),
      city: () => (place.masked ? 'xx' : (n.city ?? place.province.name).replace(/市$/, '')),
    });
    const complete = rng.chance(0.7);
    const lines = [`title: ${scalar(filler.fill(kind.title).slice(0, 120))}`, `publisher: ${scalar(filler.fill(kind.publisher))}`, `complete: ${complete}`];
    if (date && rng.chance(0.8)) lines.push(`date: ${date}`);
    if (rng.chance(0.3)) lines.push(`url: https://www.example.gov.cn/zx/${place.slug}/${sources.length + 1}.html`);
    if (!complete) lines.push(`note: ${scalar(rng.pick(['保存的网页只有正文前半部分，后文缺失。', '文中部分地名和数字以“xx”隐去。', '只保存了报道的摘要。']))}`);
    files.push({ collection: 'sources', id, text: `${lines.join('\n')}\n` });
    const source = { id, citySlug: place.slug, publisher: filler.fill(kind.publisher) };
    publisherOf.set(id, source.publisher);
    sources.push(source);
    const list = sourcesByCity.get(place.slug) ?? [];
    list.push(source);
    sourcesByCity.set(place.slug, list);
    return id;
  };

  for (let seq = 1; seq <= options.count; seq++) {
    const level = rng.weighted(LEVEL_WEIGHTS);
    const practiceShare = { national: 0, province: 0.05, city: 0.18, county: 0.18, township: 0.18, community: 0.08, village: 0.08 }[level];
    const kind: 'practice' | 'consultation' = rng.chance(practiceShare) ? 'practice' : 'consultation';
    const ruralOk = level === 'village' || level === 'township' || level === 'county';
    const issue = rng.pick(ISSUES.filter((i) => (i.rural ? ruralOk : level !== 'village' || rng.chance(0.5))));
    const place = pickPlace(level, !!issue.rural);
    const n = names(place);
    const province = place.masked ? '不详' : place.province.name;
    const date = pickDate();

    const topics = [issue.topics[0]];
    if (issue.topics[1] && rng.chance(0.6)) topics.push(issue.topics[1]);
    if (rng.chance(kind === 'practice' ? 0.5 : 0.12)) {
      const extra = rng.pick(['governance', 'public-welfare', 'facilities', 'environment'] as const);
      if (!topics.includes(extra)) topics.push(extra);
    }
    const forms = pickForms(level);
    const caseMethods = pickMethods(level, topics);
    const caseModels = pickModels(level, province, topics);
    const brand = rng.pick(PRACTICE_BRANDS);
    const orgPlace = { national: '', province: place.province.name, city: n.city ?? place.province.name, county: n.county ?? '', township: n.town ?? '', community: n.local ?? '', village: n.local ?? '' }[level];
    const orgSuffix = rng.pick(ORGANISER_SUFFIX[level]);
    const org = level === 'national' ? orgSuffix : level === 'city' && orgSuffix.startsWith('委') ? `${orgPlace.replace(/市$/, '')}市${orgSuffix}` : `${orgPlace}${orgSuffix}`;

    // partOf: a practice from the same province when there is one, else any.
    let partOf: CaseInfo | undefined;
    if (kind === 'consultation' && practices.length > 0 && rng.chance(0.33)) {
      const near = practicesByProvince.get(province);
      partOf = near && near.length > 0 && rng.chance(0.8) ? rng.pick(near) : rng.pick(practices);
    }

    // Sources: practices have their own; consultations often share their practice's or a local one.
    const caseSources: string[] = [];
    if (partOf && rng.chance(0.6)) caseSources.push(partOf.sources[0]!);
    else {
      // About one source for every five cases: reports and summaries often cover several.
      const local = sourcesByCity.get(place.slug) ?? [];
      if (kind === 'consultation' && local.length > 0 && rng.chance(0.8)) caseSources.push(rng.pick(local.slice(-12)).id);
      else caseSources.push(newSource(place, issue, org, date, brand));
    }
    if (realSources.length > 0 && rng.chance(0.06)) caseSources.push(rng.pick(realSources));
    if (rng.chance(0.12) && sources.length > 1) {
      const extra = rng.pick(sources).id;
      if (!caseSources.includes(extra)) caseSources.push(extra);
    }

    const id = kind === 'practice' ? `${place.slug}-practice-${String(seq).padStart(5, '0')}` : `${place.slug}-${issue.slug}-${String(seq).padStart(5, '0')}`;
    const formLabel = labelOf('forms', forms[0]!);
    const problems = rng.sample(issue.problems, issue.problems.length);
    const measures = rng.sample(issue.measures, issue.measures.length);
    let problemAt = 0;
    let measureAt = 0;
    const sourcePublisher = publisherOf.get(caseSources[0]!) ?? '资料';
    const filler = new Filler({
      place: () => n.full,
      local: () => n.short,
      spot: () => rng.pick(issue.spots),
      issue: () => issue.name,
      problem: () => problems[problemAt++ % problems.length]!,
      measure: () => measures[measureAt++ % measures.length]!,
      measure2: () => measures[measureAt++ % measures.length]!,
      who: () => issue.who,
      dept: () => issue.depts[0]!,
      dept2: () => issue.depts[1] ?? '街道办事处',
      org: () => org,
      member: () => rng.pick(['政协委员', `${rng.int(2, 9)}名政协委员`, '驻社区政协委员', '界别委员']),
      form: () => formLabel,
      host: () => rng.pick(HOSTS[level]),
      channel: () => rng.pick(CHANNELS),
      source: () => sourcePublisher,
      n: () => String(rng.int(3, 60)),
      n2: () => String(rng.int(20, 300)),
      small: () => String(rng.int(1, 4)),
      pop: () => String(rng.int(30, 600) * 100),
      pct: () => String(rng.int(10, 60)),
      year: () => (date ?? String(rng.int(2016, 2022))).slice(0, 4),
      month: () => (date && date.length >= 7 ? `${Number(date.slice(5, 7))}月` : rng.pick(MONTHS)),
      topic: () => labelOf('topics', topics[0]!),
      participants: () => rng.sample(PARTICIPANTS, rng.int(2, 4)).join('、'),
      unit: () => rng.pick(['村（社区）', '社区', '乡镇（街道）', '行政村']),
      brand: () => brand,
      slogan: () => rng.pick(SLOGANS),
    });

    const title = (kind === 'practice'
      ? filler.fill(rng.pick(PRACTICE_TITLES))
      : filler.fill(rng.pick(CONSULTATION_TITLES))).slice(0, 60);
    const summary = (kind === 'practice'
      ? `${org}建设“${brand}”平台，在${rng.int(3, 40)}个议事点组织${formLabel}，围绕${labelOf('topics', topics[0]!)}等领域的问题协商议事，协商成果清单化办理并公示。`
      : `${n.short}${issue.who}反映${issue.name}问题，${org}组织${formLabel}，${rng.chance(0.7) ? `各方商定${measures[0]}。` : '具体结果资料未载明。'}`).slice(0, 160);

    const body = kind === 'practice'
      ? practiceBody(rng, filler, caseSources, caseMethods)
      : consultationBody(rng, filler, caseSources, caseMethods, partOf);

    const participants = rng.chance(0.5) ? rng.sample(PARTICIPANTS, rng.int(2, 5)) : [];
    const status = rng.chance(0.85) ? rng.weighted(STATUS_WEIGHTS) : undefined;
    const aliases = rng.chance(0.01) ? [`${id}-old`] : [];

    const fm: string[] = ['---', `title: ${scalar(title)}`, `kind: ${kind}`, `summary: ${scalar(summary)}`, `date: ${date ?? '不详'}`, 'region:', `  province: ${province}`];
    if (n.city && !place.masked) fm.push(`  city: ${n.city}`);
    if (n.county) fm.push(`  county: ${n.county}`);
    const placeName = [n.town, n.local].filter(Boolean).join('');
    if (placeName) fm.push(`  place: ${place.masked ? (n.local ?? n.town) : placeName}`);
    // Half the files use the Chinese labels, as authors may.
    const asLabel = rng.chance(0.3);
    fm.push(`level: ${asLabel ? labelOf('level', level) : level}`);
    fm.push(`forms: ${flow(asLabel ? forms.map((f) => labelOf('forms', f)) : forms)}`);
    fm.push(`topics: ${flow(topics)}`);
    if (caseMethods.length) fm.push(`methods: ${flow(caseMethods)}`);
    if (caseModels.length) fm.push(`models: ${flow(caseModels)}`);
    if (partOf) fm.push(`partOf: ${partOf.id}`);
    if (participants.length) fm.push('participants:', ...participants.map((p) => `  - ${scalar(p)}`));
    if (status) {
      fm.push('outcome:', `  status: ${status}`);
      if (rng.chance(0.5)) fm.push(`  summary: ${scalar(filler.fill(rng.pick(SENTENCES.outcome)))}`);
    }
    fm.push(`sources: ${flow(caseSources)}`);
    if (aliases.length) fm.push(`aliases: ${flow(aliases)}`);
    fm.push('---', '');

    const info: CaseInfo = {
      id, kind, level, topics, forms, province, date, partOf: partOf?.id, methods: caseMethods, models: caseModels,
      sources: caseSources, aliases, title, summary, body,
    };
    cases.push(info);
    if (kind === 'practice') {
      practices.push(info);
      const list = practicesByProvince.get(province) ?? [];
      list.push(info);
      practicesByProvince.set(province, list);
    }
    files.push({ collection: 'cases', id, text: `${fm.join('\n')}\n${body}` });
  }
  return { files, cases, sourceIds: sources.map((s) => s.id) };
}

/** Sentences of a section, none twice in a case. */
function paragraph(rng: Random, filler: Filler, pool: readonly string[], count: number, cite?: string): string {
  const text = rng.sample(pool, count).map((s) => filler.fill(s)).join('');
  return cite ? `${text}<Cite source="${cite}" />` : text;
}

const METHOD_LINKS: Record<string, string> = {
  'six-step-procedure': '[六步议事程序](/methods/six-step-procedure/)',
  'eight-step-method': '[八步工作法](/methods/eight-step-method/)',
  'topic-selection': '[议题选择](/methods/topic-selection/)',
  'outcome-follow-through': '[成果跟踪落实](/methods/outcome-follow-through/)',
};

function consultationBody(rng: Random, filler: Filler, sources: readonly string[], methods: readonly string[], partOf: CaseInfo | undefined): string {
  const cite = () => rng.pick(sources);
  const out: string[] = ['## 背景', paragraph(rng, filler, SENTENCES.background, rng.int(2, 4), cite())];
  if (partOf) out.push(`这次协商是[${partOf.title}](/cases/${partOf.id}/)的一部分。`);
  out.push('## 议题', paragraph(rng, filler, SENTENCES.issue, rng.int(1, 3), rng.chance(0.6) ? cite() : undefined));
  if (rng.chance(0.2)) out.push(`<Interpretation>${filler.fill(rng.pick(SENTENCES.interpretation))}</Interpretation>`);
  const process = rng.sample(SENTENCES.process, SENTENCES.process.length);
  out.push(rng.chance(0.5) ? '## 协商经过' : '## 程序与参与者', `${process.splice(0, rng.int(2, 3)).map((t) => filler.fill(t)).join('')}<Cite source="${cite()}" />`);
  if (rng.chance(0.5)) out.push(process.splice(0, rng.int(2, 3)).map((t) => filler.fill(t)).join(''));
  if (rng.chance(0.3)) {
    out.push(['议前调研', '组织协商', '公开公示', '组织落实'].slice(0, rng.int(2, 4)).map((step) => `- **${step}**：${filler.fill(rng.pick(SENTENCES.process))}`).join('\n'));
  }
  if (rng.chance(0.6)) out.push(paragraph(rng, filler, SENTENCES.participants, 1));
  const method = methods[0];
  if (method && METHOD_LINKS[method]) out.push(`协商的程序参照${METHOD_LINKS[method]}。`);
  out.push('## 成果', paragraph(rng, filler, SENTENCES.outcome, rng.int(1, 3), cite()));
  if (rng.chance(0.35)) out.push(`<Unstated>${filler.fill(rng.pick(SENTENCES.unstated))}</Unstated>`);
  if (rng.chance(0.4)) out.push('## 资料局限', `<Unstated>${filler.fill(rng.pick(SENTENCES.limits))}${filler.fill(rng.pick(SENTENCES.unstated))}</Unstated>`);
  return `${out.join('\n\n')}\n`;
}

function practiceBody(rng: Random, filler: Filler, sources: readonly string[], methods: readonly string[]): string {
  const cite = () => rng.pick(sources);
  const practice = rng.sample(SENTENCES.practice, SENTENCES.practice.length);
  const take = (count: number) => practice.splice(0, count).map((s) => filler.fill(s)).join('');
  const out: string[] = [
    '## 背景',
    paragraph(rng, filler, SENTENCES.practiceBackground, rng.int(1, 2)) + paragraph(rng, filler, SENTENCES.background, 1, cite()),
    '## 做法',
    '### 一、平台与人员',
    `${take(rng.int(2, 3))}<Cite source="${cite()}" />`,
    '### 二、议题与程序',
    `${take(rng.int(2, 3))}<Cite source="${cite()}" />`,
  ];
  const method = methods[0];
  if (method && METHOD_LINKS[method]) out.push(`议事的步骤参照${METHOD_LINKS[method]}。`);
  out.push('### 三、成果运用', `${take(2)}<Cite source="${cite()}" />`);
  out.push('### 四、委员作用', take(rng.int(1, 2)));
  out.push(`几年来协商的议题包括：\n\n${rng.sample(ISSUES, rng.int(3, 5)).map((i) => `- ${i.name}：${i.measures[0]}`).join('\n')}`);
  if (rng.chance(0.5)) out.push(`<Interpretation>${filler.fill(rng.pick(SENTENCES.interpretation))}</Interpretation>`);
  out.push('## 成效', paragraph(rng, filler, SENTENCES.outcome, rng.int(2, 3), cite()));
  out.push('## 资料局限', `<Unstated>${filler.fill(rng.pick(SENTENCES.limits))}${filler.fill(rng.pick(SENTENCES.unstated))}</Unstated>`);
  return `${out.join('\n\n')}\n`;
}
