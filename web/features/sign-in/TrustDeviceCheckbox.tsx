import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../components/Checkbox.tsx';
import { usePublicSettings } from '../../lib/queries.ts';

/** "Trust this device" (SPEC §3.6), offered with every second step. */
export function TrustDeviceCheckbox({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation();
  const settings = usePublicSettings();
  return (
    <Checkbox
      label={t('signIn.trustDevice')}
      hint={settings.data && t('signIn.trustDeviceHint', { days: settings.data.trustedDeviceDays })}
      checked={checked}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}
