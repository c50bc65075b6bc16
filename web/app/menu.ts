import type { Catalog } from '../locales/sv.ts';

type MenuLabel = `menu.${keyof Catalog['menu']}`;

export interface MenuLink {
  label: MenuLabel;
  to: string;
}

export interface MenuGroup {
  label: MenuLabel;
  items: MenuLink[];
}

/**
 * The main menu on the left, in the FAQ's order. Only pages that exist are listed; the FAQ's
 * other items (Avtal, Kodord, Kontaktpersoner, Användare, Säkerhet …) are added here as their
 * APIs and pages land.
 */
export const mainMenu: (MenuLink | MenuGroup)[] = [
  { label: 'menu.overview', to: '/' },
  { label: 'menu.accountAndContract', items: [{ label: 'menu.account', to: '/account' }] },
];
