import { useTranslation } from 'react-i18next';
import type { CodeSent } from './sign-in.types.ts';
import { Alert } from '../../components/Alert.tsx';

const reasonKey = {
  sms_budget: 'signIn.fallbackSmsBudget',
  no_phone: 'signIn.fallbackNoPhone',
  sms_failed: 'signIn.fallbackSmsFailed',
} as const;

/** Why the code came by e-mail when the user expected a text message. */
export function CodeFallbackNote({ reason }: { reason: NonNullable<CodeSent['fallbackReason']> }) {
  const { t } = useTranslation();
  return <Alert tone="info">{t(reasonKey[reason])}</Alert>;
}
