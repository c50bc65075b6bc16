import { useTranslation } from 'react-i18next';
import { FaqList } from '../../components/FaqList.tsx';
import { Panel } from '../../components/Panel.tsx';
import { PhoneText } from '../../components/PhoneText.tsx';
import { usePublicSettings } from '../../lib/queries.ts';

/** The questions people ask when a sign-in does not go as planned (SPEC §9). */
export function SignInHelp() {
  const { t } = useTranslation();
  const settings = usePublicSettings();
  const items = (['noCode', 'noPhone', 'wrongPhone', 'smsOrEmail', 'locked', 'smsCost'] as const).map((topic) => ({
    question: t(`faq.${topic}Q`),
    answer: t(`faq.${topic}A`),
  }));
  return (
    <Panel title={t('help.title')} tone="help">
      {settings.data && (
        <p>
          <PhoneText i18nKey="help.callUs" phone={settings.data.customerServicePhone} />
        </p>
      )}
      <h3 className="sign-in__faq-title">{t('help.faqTitle')}</h3>
      <FaqList items={items} />
    </Panel>
  );
}
