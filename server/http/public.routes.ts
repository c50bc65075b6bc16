import type { FastifyInstance } from 'fastify';
import { dialablePhone, formatPhone } from '../../contract/format/phone.ts';
import { publicSettings } from '../../contract/public.ts';
import type { Config } from '../config/config.ts';
import { problems, typed } from './route-kit.ts';

/** What the signed-out portal needs to help a user who is stuck (SPEC §9). */
export function publicRoutes(app: FastifyInstance, options: { config: Config }): void {
  const { config } = options;
  const settings = {
    customerServicePhone: config.customerServicePhone,
    customerServicePhoneLink: { text: formatPhone(config.customerServicePhone), dial: dialablePhone(config.customerServicePhone) },
    devInbox: config.devInbox,
    trustedDeviceDays: Math.round(config.auth.trustedDeviceSeconds / 86400),
  };
  typed(app).get(
    '/public/settings',
    { schema: { tags: ['public'], summary: 'Customer-service phone and other settings the signed-out portal shows', response: { 200: publicSettings, ...problems() } } },
    async () => settings,
  );
}
