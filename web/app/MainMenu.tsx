import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useCurrentInstallation } from '../lib/current-installation.tsx';
import { mainMenu, type MenuGroup, type MenuLink } from './menu.ts';

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

/** A heading-like label with its pages; the list is named by the label for screen readers. */
function MenuSection({ group }: { group: MenuGroup }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <li className="main-menu__group">
      <span className="main-menu__group-label" id={labelId}>
        {t(group.label)}
      </span>
      <ul className="main-menu__list" aria-labelledby={labelId}>
        {group.items.map((item) => (
          <MenuItem key={item.to} item={item} />
        ))}
      </ul>
    </li>
  );
}

/** The menu on the left; NavLink marks the current page with aria-current="page". */
export function MainMenu({ id, open }: { id: string; open: boolean }) {
  const { t } = useTranslation();
  const { can } = useCurrentInstallation();
  // Only what the user's level allows in the current installation is offered.
  const allowed = (item: MenuLink) => !item.requires || can(item.requires);
  const entries = mainMenu
    .map((entry) => ('items' in entry ? { ...entry, items: entry.items.filter(allowed) } : entry))
    .filter((entry) => ('items' in entry ? entry.items.length > 0 : allowed(entry)));
  return (
    <nav id={id} className={`main-menu${open ? ' main-menu--open' : ''}`} aria-label={t('shell.mainMenu')}>
      <ul className="main-menu__list">{entries.map((entry) => ('items' in entry ? <MenuSection key={entry.label} group={entry} /> : <MenuItem key={entry.to} item={entry} />))}</ul>
    </nav>
  );
}
