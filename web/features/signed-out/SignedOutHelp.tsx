import { useTranslation } from 'react-i18next';
import { HelpPanel } from '../../components/HelpPanel.tsx';
import { usePublicSettings } from '../../lib/queries.ts';

export type HelpTopic = 'forgot' | 'resetLink' | 'activation' | 'access' | 'password' | 'emailChange';

/** The questions that matter on each signed-out page, and customer service's number (SPEC §9). */
export function SignedOutHelp({ topics }: { topics: HelpTopic[] }) {
  const { t } = useTranslation();
  const settings = usePublicSettings();
  const items = topics.map((topic) => ({ question: t(`signedOut.help.${topic}Q`), answer: t(`signedOut.help.${topic}A`) }));
  return <HelpPanel phone={settings.data?.customerServicePhoneLink} items={items} />;
}
