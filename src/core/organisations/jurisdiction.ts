// Tonghua City (220500) and the bodies the measures name. Division codes from ARTICLES.md (A1–A3, A4, A5.2, A20).

export type OrganisationKind = 'cac' | 'department' | 'county' | 'procuratorate' | 'platform'

export interface OrganisationSeed {
  key: string
  kind: OrganisationKind
  nameZh: string
  nameEn: string
  divisionCode: string | null
  parentKey: string | null
}

export const CITY_DIVISION_CODE = '220500'

export const COUNTIES: ReadonlyArray<{ code: string; zh: string; en: string }> = [
  { code: '220502', zh: '东昌区', en: 'Dongchang District' },
  { code: '220503', zh: '二道江区', en: 'Erdaojiang District' },
  { code: '220521', zh: '通化县', en: 'Tonghua County' },
  { code: '220523', zh: '辉南县', en: 'Huinan County' },
  { code: '220524', zh: '柳河县', en: 'Liuhe County' },
  { code: '220581', zh: '梅河口市', en: 'Meihekou City' },
  { code: '220582', zh: '集安市', en: "Ji'an City" },
]

/** The partner departments of A5.2, each acting within its own duties. */
export const DEPARTMENTS: ReadonlyArray<{ key: string; zh: string; en: string }> = [
  { key: 'public-security', zh: '通化市公安局', en: 'Tonghua Public Security Bureau' },
  { key: 'state-security', zh: '通化市国家安全局', en: 'Tonghua State Security Bureau' },
  { key: 'health', zh: '通化市卫生健康委员会', en: 'Tonghua Health Commission' },
  { key: 'market-supervision', zh: '通化市市场监督管理局', en: 'Tonghua Market Supervision Administration' },
  {
    key: 'culture-tourism',
    zh: '通化市文化广播电视和旅游局',
    en: 'Tonghua Bureau of Culture, Radio, Television and Tourism',
  },
]

export function regulatorOrganisations(): OrganisationSeed[] {
  return [
    {
      key: 'cac',
      kind: 'cac',
      nameZh: '通化市互联网信息办公室',
      nameEn: 'Tonghua Cyberspace Administration',
      divisionCode: CITY_DIVISION_CODE,
      parentKey: null,
    },
    ...DEPARTMENTS.map((d) => ({
      key: d.key,
      kind: 'department' as const,
      nameZh: d.zh,
      nameEn: d.en,
      divisionCode: CITY_DIVISION_CODE,
      parentKey: null,
    })),
    ...COUNTIES.map((c) => ({
      key: `county-${c.code}`,
      kind: 'county' as const,
      nameZh: `${c.zh}网信办`,
      nameEn: `${c.en} Cyberspace Office`,
      divisionCode: c.code,
      parentKey: 'cac',
    })),
    {
      key: 'procuratorate',
      kind: 'procuratorate',
      nameZh: '通化市人民检察院',
      nameEn: 'Tonghua People’s Procuratorate',
      divisionCode: CITY_DIVISION_CODE,
      parentKey: null,
    },
  ]
}

export function platformOrganisations(nameZh: string, nameEn: string): OrganisationSeed[] {
  return [{ key: 'platform', kind: 'platform', nameZh, nameEn, divisionCode: null, parentKey: null }]
}
