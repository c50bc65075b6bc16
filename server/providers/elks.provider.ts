import { z } from 'zod';
import { callProvider, type HttpTarget } from './http.ts';
import { DeliveryError, type DeliveryReceipt, type SmsProvider } from './provider.types.ts';
import { CLOCK_SKEW_MS, findOurs } from './reconcile.rules.ts';

export interface ElksSettings {
  baseUrl: string;
  username: string;
  password: string;
  sender: string;
  timeoutMs: number;
}

const sent = z.object({ id: z.string(), parts: z.coerce.number().int().optional(), cost: z.coerce.number().optional() });
const history = z.object({
  data: z.array(z.object({ id: z.string(), to: z.string(), direction: z.string(), message: z.string().optional(), created: z.string() })),
});

/** 46elks times are UTC without a zone: "2018-02-14T09:52:07.302000". */
const elksTime = (date: Date) => date.toISOString().replace('Z', '');
const parseElksTime = (text: string) => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);

/** Swedish accounts at 46elks are billed in SEK; `cost` is in 1/10000 of it. */
const ELKS_CURRENCY = 'SEK';

function receipt(body: unknown): DeliveryReceipt {
  const parsed = sent.safeParse(body);
  if (!parsed.success) throw new DeliveryError('46elks accepted the message but its answer has no id', false, true);
  const { id, parts, cost } = parsed.data;
  return { providerMessageId: id, segments: parts, cost: cost === undefined ? undefined : { tenThousandths: Math.round(cost), currency: ELKS_CURRENCY } };
}

/** SMS through 46elks: `POST /a1/sms` form-encoded from/to/message, HTTP Basic auth. */
export function elksProvider(settings: ElksSettings): SmsProvider {
  const target: HttpTarget = { provider: '46elks', username: settings.username, password: settings.password, timeoutMs: settings.timeoutMs };
  return {
    name: '46elks',
    async sendSms(message) {
      const body = await callProvider(target, `${settings.baseUrl}/a1/sms`, {
        method: 'POST',
        form: { from: settings.sender, to: message.to, message: message.text },
      });
      return receipt(body);
    },
    async findAccepted(message, since) {
      const query = new URLSearchParams({ to: message.to, end: elksTime(new Date(since.getTime() - CLOCK_SKEW_MS)), limit: '100' });
      const body = history.safeParse(await callProvider(target, `${settings.baseUrl}/a1/sms?${query}`, { method: 'GET' }));
      if (!body.success) throw new DeliveryError('46elks answered the history request with an unexpected body', false, true);
      const listed = body.data.data.filter((m) => m.direction === 'outgoing').map((m) => ({ id: m.id, to: m.to, text: m.message, createdAt: parseElksTime(m.created) }));
      const ours = findOurs(listed, message, since);
      return ours ? { providerMessageId: ours.id } : null;
    },
  };
}
