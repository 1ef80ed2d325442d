/** One page of each kind of the bundled handbook, for browser checks and screenshots. */
export const PAGE_KINDS: Record<string, string> = {
  home: '/',
  'case-consultation': '/cases/zhongshan-street-school-traffic/',
  'case-practice': '/cases/huzhou-qingnilai/',
  'case-list': '/cases/',
  method: '/methods/eight-step-method/',
  model: '/models/huzhou-1246-x/',
  guide: '/guides/grassroots-extension/',
  'guide-with-code': '/guides/writing-a-case/',
  terms: '/terms/',
  sources: '/sources/',
  browse: '/browse/',
  'browse-value': '/browse/topics/traffic/',
  search: '/search/?q=停车',
  print: '/print/',
  data: '/data/',
};
