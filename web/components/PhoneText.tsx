import { Trans } from 'react-i18next';
import { dialablePhone, formatPhone } from '../../contract/format/phone.ts';

interface PhoneTextProps {
  /** A text with a <phone>…</phone> part that becomes a tap-to-call link. */
  i18nKey: 'help.callUs' | 'account.wrongDetails';
  phone: string;
}

export function PhoneText({ i18nKey, phone }: PhoneTextProps) {
  return <Trans i18nKey={i18nKey} values={{ phone: formatPhone(phone) }} components={{ phone: <a href={`tel:${dialablePhone(phone)}`} /> }} />;
}
