import type { Db } from '../db/database.ts';
import type { Clock } from '../core/clock.ts';
import { recordDevMessage } from '../modules/notifications/index.ts';
import type { EmailProvider, SmsProvider } from './provider.types.ts';

/** Stores every message in the database so the dev inbox page and tests can read it. */
export function devInboxProvider(db: Db, clock: Clock): EmailProvider & SmsProvider {
  return {
    name: 'dev-inbox',
    async sendEmail(message) {
      await recordDevMessage(db, { channel: 'email', recipient: message.to, subject: message.subject, body: message.text, createdAt: clock.now() });
      return { providerMessageId: null };
    },
    async sendSms(message) {
      await recordDevMessage(db, { channel: 'sms', recipient: message.to, subject: null, body: message.text, createdAt: clock.now() });
      return { providerMessageId: null };
    },
  };
}
