import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for 46elks and Twilio that speaks their documented HTTP APIs on 127.0.0.1:
 * 46elks `POST /a1/sms` + `GET /a1/sms` (history), Twilio `POST|GET
 * /2010-04-01/Accounts/{sid}/Messages.json`. Basic auth is checked, answers have the real
 * fields, and a script of faults can be queued for the next sends.
 */
export const ELKS_USER = 'u0123456789abcdef0123456789abcdef';
export const ELKS_PASSWORD = 'elks-test-password';
export const TWILIO_SID = `AC${'0123456789abcdef'.repeat(2)}`;
export const TWILIO_TOKEN = 'twilio-test-auth-token';

export type Fault =
  | { status: number } // answer with this status, accept nothing
  | 'hang' // accept nothing, never answer (the client times out)
  | 'accept-then-hang'; // accept the message, never answer (the client times out)

export interface AcceptedSms {
  provider: '46elks' | 'twilio';
  id: string;
  from: string;
  to: string;
  text: string;
  created: Date;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const parts = (text: string) => (text.length <= 160 ? 1 : Math.ceil(text.length / 153));

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    // A client that dies mid-request has sent nothing we can accept.
    req.on('aborted', () => resolve(null));
    req.on('error', () => resolve(null));
  });
}

function basicAuth(req: IncomingMessage): [string, string] | null {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const at = decoded.indexOf(':');
  return at < 0 ? null : [decoded.slice(0, at), decoded.slice(at + 1)];
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

/** `latencyMs`: how long after accepting a message the answer is sent, as over a real network. */
export async function startFakeSmsProvider(options: { latencyMs?: number } = {}) {
  const accepted: AcceptedSms[] = [];
  const faults: Fault[] = [];
  let posts = 0;
  let lookups = 0;
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const hanging = new Set<ServerResponse>();

  const elksTime = (d: Date) => d.toISOString().replace('Z', '000');
  const elksView = (m: AcceptedSms) => ({
    id: m.id,
    direction: 'outgoing',
    from: m.from,
    to: m.to,
    message: m.text,
    created: elksTime(m.created),
    status: 'delivered',
    cost: parts(m.text) * 3500,
    parts: parts(m.text),
  });
  const twilioView = (m: AcceptedSms) => ({
    sid: m.id,
    account_sid: TWILIO_SID,
    api_version: '2010-04-01',
    to: m.to,
    from: m.from,
    body: m.text,
    status: 'queued',
    direction: 'outbound-api',
    num_segments: String(parts(m.text)),
    num_media: '0',
    price: null,
    price_unit: 'USD',
    error_code: null,
    error_message: null,
    date_created: m.created.toUTCString().replace('GMT', '+0000'),
    date_sent: null,
    date_updated: m.created.toUTCString().replace('GMT', '+0000'),
    uri: `/2010-04-01/Accounts/${TWILIO_SID}/Messages/${m.id}.json`,
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const elks = url.pathname === '/a1/sms' || url.pathname === '/a1/SMS';
    const twilio = url.pathname === `/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`;
    const body = await readBody(req);
    if (body === null) return;
    if (!elks && !twilio) return json(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    const auth = basicAuth(req);
    const authorised = elks ? auth?.[0] === ELKS_USER && auth[1] === ELKS_PASSWORD : auth?.[0] === TWILIO_SID && auth[1] === TWILIO_TOKEN;
    if (!authorised) {
      return elks
        ? void res.writeHead(401, { 'content-type': 'text/plain' }).end('API access requires Basic HTTP authentication.')
        : json(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    }

    if (req.method === 'GET') {
      lookups += 1;
      const to = elks ? url.searchParams.get('to') : url.searchParams.get('To');
      const after = elks && url.searchParams.get('end') ? new Date(`${url.searchParams.get('end')}Z`) : new Date(0);
      const listed = accepted
        .filter((m) => m.provider === (elks ? '46elks' : 'twilio') && (!to || m.to === to) && m.created >= after)
        .reverse()
        .slice(0, elks ? Number(url.searchParams.get('limit') ?? 100) : Number(url.searchParams.get('PageSize') ?? 50));
      return elks ? json(res, 200, { data: listed.map(elksView) }) : json(res, 200, { messages: listed.map(twilioView), page: 0, page_size: listed.length });
    }
    if (req.method !== 'POST') return json(res, 405, { message: 'method not allowed' });

    posts += 1;
    const fault = faults.shift();
    if (fault === 'hang') {
      hanging.add(res);
      return;
    }
    if (fault && fault !== 'accept-then-hang') {
      return elks
        ? void res.writeHead(fault.status, { 'content-type': 'text/plain' }).end('Temporary failure')
        : json(res, fault.status, { code: 20500, message: 'Internal Server Error', status: fault.status });
    }
    const form = new URLSearchParams(body);
    const to = (elks ? form.get('to') : form.get('To')) ?? '';
    const from = (elks ? form.get('from') : form.get('From')) ?? '';
    const text = (elks ? form.get('message') : form.get('Body')) ?? '';
    if (!E164.test(to)) {
      return elks
        ? void res.writeHead(403, { 'content-type': 'text/plain' }).end('Invalid to number')
        : json(res, 400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 });
    }
    if (!from || !text) return elks ? void res.writeHead(403).end('Missing key from') : json(res, 400, { code: 21604, message: "A 'Body' parameter is required.", status: 400 });
    const message: AcceptedSms = {
      provider: elks ? '46elks' : 'twilio',
      id: elks ? `s${randomBytes(16).toString('hex')}` : `SM${randomBytes(16).toString('hex')}`,
      from,
      to,
      text,
      created: new Date(),
    };
    accepted.push(message);
    for (const waiter of waiters.filter((w) => accepted.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    if (fault === 'accept-then-hang') {
      hanging.add(res);
      return;
    }
    const answer = () => (elks ? json(res, 200, { ...elksView(message), status: 'created' }) : json(res, 201, twilioView(message)));
    if (options.latencyMs) setTimeout(() => !res.destroyed && answer(), options.latencyMs);
    else answer();
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    accepted,
    /** POST requests seen, accepted or not. */
    get posts() {
      return posts;
    },
    /** History requests: how often a worker asked what was already accepted. */
    get lookups() {
      return lookups;
    },
    failNext(...next: Fault[]) {
      faults.push(...next);
    },
    /** Resolves the moment the n-th message is accepted, before its answer is sent. */
    whenAccepted(count: number): Promise<void> {
      if (accepted.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    sentTo(to: string) {
      return accepted.filter((m) => m.to === to);
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeSmsProvider = Awaited<ReturnType<typeof startFakeSmsProvider>>;
