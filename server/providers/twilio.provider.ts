import { z } from 'zod';
import { callProvider, type HttpTarget } from './http.ts';
import { DeliveryError, type DeliveryReceipt, type SmsProvider } from './provider.types.ts';
import { findOurs } from './reconcile.rules.ts';

export interface TwilioSettings {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  sender: string;
  timeoutMs: number;
}

const message = z.object({
  sid: z.string(),
  to: z.string().optional(),
  body: z.string().nullish(),
  date_created: z.string().nullish(),
  num_segments: z.coerce.number().int().nullish(),
  price: z.string().nullish(),
  price_unit: z.string().nullish(),
});
const page = z.object({ messages: z.array(message) });

function receipt(body: z.infer<typeof message>): DeliveryReceipt {
  // Twilio prices are negative decimals ("-0.07500") and usually only known after sending.
  const price = body.price ? Math.abs(Number.parseFloat(body.price)) : Number.NaN;
  return {
    providerMessageId: body.sid,
    segments: body.num_segments || undefined,
    cost: Number.isFinite(price) && body.price_unit ? { tenThousandths: Math.round(price * 10_000), currency: body.price_unit } : undefined,
  };
}

/** SMS through Twilio: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` form-encoded To/From/Body. */
export function twilioProvider(settings: TwilioSettings): SmsProvider {
  const target: HttpTarget = { provider: 'twilio', username: settings.accountSid, password: settings.authToken, timeoutMs: settings.timeoutMs };
  const messagesUrl = `${settings.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  return {
    name: 'twilio',
    async sendSms(sms) {
      const parsed = message.safeParse(await callProvider(target, messagesUrl, { method: 'POST', form: { To: sms.to, From: settings.sender, Body: sms.text } }));
      if (!parsed.success) throw new DeliveryError('twilio accepted the message but its answer has no sid', false, true);
      return receipt(parsed.data);
    },
    async findAccepted(sms, since) {
      // Newest first; an interrupted attempt is minutes old at most, so the first page is enough.
      const query = new URLSearchParams({ To: sms.to, PageSize: '50' });
      const parsed = page.safeParse(await callProvider(target, `${messagesUrl}?${query}`, { method: 'GET' }));
      if (!parsed.success) throw new DeliveryError('twilio answered the message list with an unexpected body', false, true);
      const listed = parsed.data.messages.map((m) => ({
        id: m.sid,
        to: m.to ?? '',
        text: m.body ?? undefined,
        createdAt: new Date(m.date_created ?? 0),
      }));
      const ours = findOurs(listed, sms, since);
      const found = ours && parsed.data.messages.find((m) => m.sid === ours.id);
      return found ? receipt(found) : null;
    },
  };
}
