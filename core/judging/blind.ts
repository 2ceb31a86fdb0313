/**
 * 匿名评审: what a judge reads under blind review has the company's and people's names taken out. The
 * structured fields are simply left out; free text (简介, 亮点, 团队情况) is redacted here, since entrants
 * often name themselves in it. A best effort: the business plan's own pages are the entrant's to keep anonymous.
 */
export const REDACTED = '（已隐去）';

const LEGAL_SUFFIX = /(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|集团|公司)$/;
const REGION_PREFIX = /^(?:中国)?(?:[\u4e00-\u9fa5]{2,3}(?:省|市|自治区|特别行政区)|北京|上海|天津|重庆)/;

/** The company name, its name without the legal form, and without the region in front (at least 4 characters). */
export function companyNameForms(name: string): string[] {
  const full = name.trim();
  const stem = full.replace(LEGAL_SUFFIX, '');
  const bare = stem.replace(REGION_PREFIX, '');
  return [...new Set([full, stem, bare].filter((n) => Array.from(n).length >= 4))];
}

/**
 * Words of trade that end a company's name after its 字号 (上海 + 云帆 + 数据服务 + 有限公司): what is left
 * when they are gone is the trade name, which entrants put in their project names (云帆数据中台).
 */
const TRADE_WORDS = [
  '信息技术',
  '数据服务',
  '人工智能',
  '集成电路',
  '供应链',
  '互联网',
  '云计算',
  '新能源',
  '新材料',
  '自动化',
  '机器人',
  '微电子',
  '半导体',
  '科技',
  '技术',
  '信息',
  '数据',
  '数字',
  '服务',
  '智能',
  '智慧',
  '网络',
  '软件',
  '电子',
  '生物',
  '医药',
  '医疗',
  '健康',
  '材料',
  '能源',
  '环保',
  '环境',
  '咨询',
  '管理',
  '发展',
  '实业',
  '贸易',
  '制造',
  '工程',
  '文化',
  '传媒',
  '教育',
  '机械',
  '设备',
  '装备',
  '仪器',
  '精密',
  '汽车',
  '电气',
  '通信',
  '光电',
  '化工',
  '食品',
  '农业',
  '金融',
  '投资',
  '物流',
  '创新',
  '研发',
  '控股',
  '国际',
];

/** The 字号 of a company name: region, legal form and trailing trade words taken off; null below two characters. */
export function tradeName(name: string): string | null {
  let rest = name.trim().replace(LEGAL_SUFFIX, '').replace(REGION_PREFIX, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const word of TRADE_WORDS) {
      if (rest.endsWith(word) && Array.from(rest).length - Array.from(word).length >= 2) {
        rest = rest.slice(0, -word.length);
        changed = true;
        break;
      }
    }
  }
  return Array.from(rest).length >= 2 ? rest : null;
}

/** Every name blind review takes out of what a judge reads: the company in all its forms, the people. */
export function blindNames(entry: {
  orgName: string;
  form: {
    group: string;
    companyName?: string;
    contactName?: string;
    leaderName?: string;
    members?: ReadonlyArray<{ name?: string }>;
  };
}): string[] {
  const form = entry.form;
  if (form.group === 'enterprise') {
    const company = form.companyName ?? entry.orgName;
    const trade = tradeName(company);
    return [...companyNameForms(company), ...(trade ? [trade] : []), form.contactName ?? ''];
  }
  return [form.leaderName ?? entry.orgName, ...(form.members ?? []).map((m) => m.name ?? '')];
}

/** Replaces every occurrence of the names (longest first, so a stem never splits a full name). */
export function redactNames(text: string, names: readonly string[]): string {
  const list = [...new Set(names.map((n) => n.trim()).filter((n) => Array.from(n).length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  let out = text;
  for (const name of list) out = out.split(name).join(REDACTED);
  return out;
}
