import { Trans } from 'react-i18next';
import type { PhoneLink } from '../../contract/public.ts';

interface PhoneTextProps {
  /** A text with a <phone>…</phone> part that becomes a tap-to-call link. */
  i18nKey: 'help.callUs' | 'account.wrongDetails';
  /** Formatted by the server, so no phone-number library is loaded for it. */
  phone: PhoneLink;
}

export function PhoneText({ i18nKey, phone }: PhoneTextProps) {
  return <Trans i18nKey={i18nKey} values={{ phone: phone.text }} components={{ phone: <a href={`tel:${phone.dial}`} /> }} />;
}
