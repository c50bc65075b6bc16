import { useTranslation } from 'react-i18next';
import { useLanguageChoice } from '../lib/account-language.ts';
import { currentLanguage, languages } from '../lib/i18n.ts';

/** One button naming the other language, in that language, as most bilingual sites do. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const choose = useLanguageChoice();
  const other = languages.find((language) => language !== currentLanguage())!;
  return (
    <button type="button" className="language-switch" lang={other} onClick={() => choose(other)}>
      {t(`language.${other}`)}
    </button>
  );
}
