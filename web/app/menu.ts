import type { InstallationAction } from '../../contract/installations.ts';
import type { Catalog } from '../locales/sv.ts';

/** A label from the shared `menu` section, or from a feature section's own `menu` keys. */
type SectionMenuLabel = { [K in keyof Catalog]: Catalog[K] extends { menu: object } ? `${K}.menu.${keyof Catalog[K]['menu'] & string}` : never }[keyof Catalog];
type MenuLabel = `menu.${keyof Catalog['menu']}` | SectionMenuLabel;

export interface MenuLink {
  label: MenuLabel;
  to: string;
  /** Shown only when the current installation allows this action (the API checks it again). */
  requires?: InstallationAction;
}

export interface MenuGroup {
  label: MenuLabel;
  items: MenuLink[];
}

/** The main menu on the left, in the FAQ's order; items needing an action show only where the user's level allows it. */
export const mainMenu: (MenuLink | MenuGroup)[] = [
  { label: 'menu.overview', to: '/' },
  {
    label: 'menu.accountAndContract',
    items: [
      { label: 'menu.account', to: '/account' },
      { label: 'installation.menu.contract', to: '/contract', requires: 'contract.view' },
    ],
  },
  {
    label: 'installation.menu.systemSettings',
    items: [
      { label: 'installation.menu.codeWords', to: '/code-words', requires: 'codewords.view' },
      { label: 'installation.menu.contacts', to: '/contacts', requires: 'contacts.view' },
    ],
  },
  {
    label: 'installation.menu.users',
    items: [
      { label: 'installation.menu.userList', to: '/users', requires: 'members.view' },
      { label: 'installation.menu.addUser', to: '/users/add', requires: 'members.manage' },
    ],
  },
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
