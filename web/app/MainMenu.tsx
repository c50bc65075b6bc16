import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { mainMenu, type MenuLink } from './menu.ts';

function MenuItem({ item }: { item: MenuLink }) {
  const { t } = useTranslation();
  return (
    <li>
      <NavLink className="main-menu__link" to={item.to} end>
        {t(item.label)}
      </NavLink>
    </li>
  );
}

/** The menu on the left; NavLink marks the current page with aria-current="page". */
export function MainMenu({ id, open }: { id: string; open: boolean }) {
  const { t } = useTranslation();
  return (
    <nav id={id} className={`main-menu${open ? ' main-menu--open' : ''}`} aria-label={t('shell.mainMenu')}>
      <ul className="main-menu__list">
        {mainMenu.map((entry) =>
          'items' in entry ? (
            <li key={entry.label} className="main-menu__group">
              <span className="main-menu__group-label">{t(entry.label)}</span>
              <ul className="main-menu__list">
                {entry.items.map((item) => (
                  <MenuItem key={item.to} item={item} />
                ))}
              </ul>
            </li>
          ) : (
            <MenuItem key={entry.to} item={entry} />
          ),
        )}
      </ul>
    </nav>
  );
}
