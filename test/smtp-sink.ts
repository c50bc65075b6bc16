import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** Decode one MIME part's body (quoted-printable or base64, as nodemailer writes them). */
function decodePart(headers: string, body: string): string {
  if (/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}

/** The decoded text of the first part of this MIME type in a raw message. */
export function mimePart(raw: string, type: 'text/plain' | 'text/html'): string | undefined {
  for (const chunk of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const split = chunk.search(/\r?\n\r?\n/);
    const headers = chunk.slice(0, split);
    if (new RegExp(`content-type:\\s*${type}`, 'i').test(headers)) {
      return decodePart(
        headers,
        chunk
          .slice(split)
          .replace(/^\r?\n\r?\n/, '')
          .replace(/\r?\n--[^\r\n]*--\s*$/, ''),
      );
    }
  }
  return undefined;
}

/** A local SMTP server (no TLS) that keeps every message; the test points SMTP_HOST/PORT at it. */
export async function startSmtpSink(options: { user?: string; password?: string } = {}) {
  const mails: ReceivedMail[] = [];
  let rejectNext = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.user ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !options.user,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (rejectNext > 0) {
        rejectNext -= 1;
        return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      }
      if (address.address.endsWith('@invalid.example')) return callback(Object.assign(new Error('No such user'), { responseCode: 550 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    to: (address: string) => mails.filter((m) => m.to.includes(address)),
    /** Refuse the next n recipients with 550 (a permanent failure). */
    rejectNextRecipients(n: number) {
      rejectNext += n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
