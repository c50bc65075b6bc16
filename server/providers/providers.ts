import type { Config } from '../config/config.ts';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/database.ts';
import { devInboxProvider } from './dev-inbox.provider.ts';
import { elksProvider } from './elks.provider.ts';
import type { EmailProvider, SmsProvider } from './provider.types.ts';
import { smtpProvider } from './smtp.provider.ts';
import { twilioProvider } from './twilio.provider.ts';

export interface Providers {
  email: EmailProvider;
  sms: SmsProvider;
  close(): void;
}

/** The providers the configuration chose (validated in config.ts, so nothing is missing here). */
export function createProviders(config: Pick<Config, 'emailProvider' | 'smsProvider' | 'smtp' | 'sms'>, db: Db, clock: Clock): Providers {
  const dev = devInboxProvider(db, clock);
  const smtp = config.emailProvider === 'smtp' ? smtpProvider(config.smtp) : undefined;
  const { sms } = config;
  const smsProvider =
    config.smsProvider === '46elks'
      ? elksProvider({ ...sms.elks, sender: sms.sender, timeoutMs: sms.timeoutMs })
      : config.smsProvider === 'twilio'
        ? twilioProvider({ ...sms.twilio, sender: sms.sender, timeoutMs: sms.timeoutMs })
        : dev;
  return { email: smtp ?? dev, sms: smsProvider, close: () => smtp?.close() };
}
