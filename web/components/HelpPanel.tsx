import { useTranslation } from 'react-i18next';
import type { PhoneLink } from '../../contract/public.ts';
import { FaqList, type FaqItem } from './FaqList.tsx';
import { Panel } from './Panel.tsx';
import { PhoneText } from './PhoneText.tsx';
import './HelpPanel.css';

/** Customer service's number and the questions people ask where they may get stuck (SPEC §9). */
export function HelpPanel({ phone, items }: { phone?: PhoneLink; items: FaqItem[] }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('help.title')} tone="help">
      {phone && (
        <p>
          <PhoneText i18nKey="help.callUs" phone={phone} />
        </p>
      )}
      <h3 className="help-panel__faq-title">{t('help.faqTitle')}</h3>
      <FaqList items={items} />
    </Panel>
  );
}
