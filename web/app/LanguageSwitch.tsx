import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, languages } from '../lib/i18n.ts';

/** One button naming the other language, in that language, as most bilingual sites do. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const other = languages.find((language) => language !== currentLanguage())!;
  return (
    <button type="button" className="language-switch" lang={other} onClick={() => void changeLanguage(other)}>
      {t(`language.${other}`)}
    </button>
  );
}
