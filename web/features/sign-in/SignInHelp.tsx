import { useTranslation } from 'react-i18next';
import { HelpPanel } from '../../components/HelpPanel.tsx';
import { usePublicSettings } from '../../lib/queries.ts';

/** The questions people ask when a sign-in does not go as planned (SPEC §9). */
export function SignInHelp() {
  const { t } = useTranslation();
  const settings = usePublicSettings();
  const items = [
    ...(['noCode', 'noPhone', 'wrongPhone', 'smsOrEmail', 'locked', 'smsCost'] as const).map((topic) => ({
      question: t(`faq.${topic}Q`),
      answer: t(`faq.${topic}A`),
    })),
    ...(['forgot', 'appLost'] as const).map((topic) => ({
      question: t(`signedOut.help.${topic}Q`),
      answer: t(`signedOut.help.${topic}A`),
    })),
  ];
  return <HelpPanel phone={settings.data?.customerServicePhoneLink} items={items} />;
}
