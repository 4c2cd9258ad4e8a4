import { Segmented } from 'antd'
import { type Lang, setLang, useLang, useT } from './i18n.ts'

/** 中文 / English; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const lang = useLang()
  const t = useT()
  return (
    <Segmented<Lang>
      data-testid="lang-switch"
      aria-label={t('lang.switch')}
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { label: t('lang.zh'), value: 'zh' },
        { label: t('lang.en'), value: 'en' },
      ]}
    />
  )
}
