import { Trans } from 'react-i18next';

interface PhoneTextProps {
  /** A text with a <phone>…</phone> part that becomes a tap-to-call link. */
  i18nKey: 'help.callUs' | 'account.wrongDetails';
  phone: string;
}

export function PhoneText({ i18nKey, phone }: PhoneTextProps) {
  return <Trans i18nKey={i18nKey} values={{ phone }} components={{ phone: <a href={`tel:${phone.replace(/[^\d+]/g, '')}`} /> }} />;
}
