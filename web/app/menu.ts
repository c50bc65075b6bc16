import type { Catalog } from '../locales/sv.ts';

/** A label from the shared `menu` section, or from a feature section's own `menu` keys. */
type SectionMenuLabel = { [K in keyof Catalog]: Catalog[K] extends { menu: object } ? `${K}.menu.${keyof Catalog[K]['menu'] & string}` : never }[keyof Catalog];
type MenuLabel = `menu.${keyof Catalog['menu']}` | SectionMenuLabel;

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
  {
    label: 'security.menu.group',
    items: [
      { label: 'security.menu.password', to: '/security/password' },
      { label: 'security.menu.twoFactor', to: '/security/two-step-verification' },
      { label: 'security.menu.devices', to: '/security/trusted-devices' },
      { label: 'security.menu.sessions', to: '/security/sign-ins' },
      { label: 'security.menu.activity', to: '/security/activity' },
      { label: 'security.menu.integrations', to: '/security/integrations' },
    ],
  },
];
