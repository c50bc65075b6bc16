import type { Config } from '../../config/config.ts';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/database.ts';
import type { Account, Identity } from '../identity/index.ts';
import type { Notifications } from '../notifications/index.ts';
import type { Installation, Member } from './installations.tables.ts';

export interface InstallationsDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'publicUrl' | 'customerServicePhone'>;
  identity: Identity;
  notifications: Notifications;
}

/** A signed-in account's checked access to one installation, as the guard hands it to a route. */
export interface Access {
  account: Account;
  installation: Installation;
  member: Member;
}
