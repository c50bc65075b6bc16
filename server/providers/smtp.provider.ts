import nodemailer from 'nodemailer';
import type { Config } from '../config/config.ts';
import { DeliveryError, type EmailProvider } from './provider.types.ts';

/** SMTP replies that mean the server or our account has a problem, not this message. */
const ACCOUNT_PROBLEMS = new Set([421, 450, 451, 452, 530, 534, 535, 538]);

/** Commands about this message; a 5xx to anything else (EHLO, STARTTLS, AUTH) is the server's setup. */
const MESSAGE_COMMANDS = /^(MAIL|RCPT|DATA)\b/i;

/** Whether an SMTP failure is final for this message (5xx about the message or the mailbox). */
export function isPermanentSmtpFailure(failure: { responseCode?: number; command?: string; code?: string }): boolean {
  const { responseCode, command, code } = failure;
  if (responseCode === undefined || responseCode < 500 || ACCOUNT_PROBLEMS.has(responseCode)) return false;
  return MESSAGE_COMMANDS.test(command ?? '') || code === 'EENVELOPE' || code === 'EMESSAGE';
}

/**
 * E-mail over SMTP with nodemailer, multipart text + HTML. The Message-ID is derived from the
 * outbox idempotency key, so a message sent again after a crash carries the same id and mail
 * programs show it once.
 */
export function smtpProvider(settings: Config['smtp']): EmailProvider & { close(): void } {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.auth,
    pool: true,
    maxConnections: 5,
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
  });
  const domain = (settings.from.match(/@([^>\s]+)>?\s*$/)?.[1] ?? 'localhost').toLowerCase();
  return {
    name: 'smtp',
    async sendEmail(message) {
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: `<${message.idempotencyKey}@${domain}>`,
        });
        return { providerMessageId: info.messageId };
      } catch (error) {
        const { responseCode, code, command } = error as { responseCode?: number; code?: string; command?: string };
        // Lost after the message body went out: the server may have queued it.
        const uncertain = responseCode === undefined && (command === 'DATA' || code === 'ETIMEDOUT');
        throw new DeliveryError(`smtp: ${responseCode ?? code ?? 'failed'}${command ? ` after ${command}` : ''}`, isPermanentSmtpFailure({ responseCode, command, code }), uncertain);
      }
    },
    close: () => transport.close(),
  };
}
