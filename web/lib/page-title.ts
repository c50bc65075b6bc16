import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each page has its own title (WCAG 2.4.2), so tabs and screen readers tell pages apart. */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  const title = t('app.pageTitle', { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
