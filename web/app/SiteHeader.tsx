import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Brand, then whatever the layout adds (menu button, account), then the language switch. */
export function SiteHeader({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <Link className="site-header__brand" to="/">
        <img src="/favicon.svg" alt="" width="28" height="28" />
        {t('app.name')}
      </Link>
      <div className="site-header__actions">
        {children}
        <LanguageSwitch />
      </div>
    </header>
  );
}
