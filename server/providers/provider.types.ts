/** What a delivery provider is given; the idempotency key stays the same across retries. */
export interface EmailToSend {
  to: string;
  subject: string;
  text: string;
  html?: string;
  idempotencyKey: string;
}

export interface SmsToSend {
  to: string;
  text: string;
  idempotencyKey: string;
}

export interface DeliveryReceipt {
  providerMessageId: string | null;
  segments?: number;
  /** What the provider says it charged, in 1/10000 of `currency`. */
  cost?: { tenThousandths: number; currency: string };
}

export interface EmailProvider {
  readonly name: string;
  sendEmail(message: EmailToSend): Promise<DeliveryReceipt>;
}

export interface SmsProvider {
  readonly name: string;
  sendSms(message: SmsToSend): Promise<DeliveryReceipt>;
  /**
   * After a crash or a timeout the outcome of an attempt is unknown. Providers that can list
   * what they accepted answer whether this message is among them (sent at or after `since`),
   * so the worker does not send it twice. Without it the message is sent again (at least once).
   */
  findAccepted?(message: SmsToSend, since: Date): Promise<DeliveryReceipt | null>;
}

/**
 * A provider failure. `permanent` failures (bad number, refused content) go straight to the
 * dead letters; the others are retried with backoff. `uncertain` means the provider may have
 * accepted the message anyway (timeout, connection lost after the request went out).
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly uncertain = false,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
