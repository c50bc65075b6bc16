import { useTranslation } from 'react-i18next';
import type { AccessWindow } from '../../contract/installations.ts';
import { useFormat } from './format.ts';

/** A restricted user's access window in words, e.g. "Sat, Sun · 08:00–17:00 · from 1 Jan 2027"; null means any time. */
export function useDescribeAccessWindow(): (window: AccessWindow | null) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (window) => {
    if (!window) return t('installation.current.anyTime');
    const parts: string[] = [];
    if (window.weekdays) parts.push(window.weekdays.map(format.weekday).join(', '));
    if (window.startTime || window.endTime) {
      parts.push(t('installation.window.between', { start: window.startTime ?? '00:00', end: window.endTime ?? '24:00' }));
    }
    if (window.startDate) parts.push(t('installation.window.from', { date: format.date(window.startDate) }));
    if (window.endDate) parts.push(t('installation.window.until', { date: format.date(window.endDate) }));
    return parts.length ? parts.join(' · ') : t('installation.current.anyTime');
  };
}
