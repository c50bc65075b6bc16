/** What a delivery provider is given; the idempotency key stays the same across retries. */
export interface EmailToSend {
  to: string;
  subject: string;
  text: string;
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
  costOre?: number;
}

export interface EmailProvider {
  readonly name: string;
  sendEmail(message: EmailToSend): Promise<DeliveryReceipt>;
}

export interface SmsProvider {
  readonly name: string;
  sendSms(message: SmsToSend): Promise<DeliveryReceipt>;
}

/**
 * A provider failure. `permanent` failures (bad number, rejected credentials) go straight to
 * the dead letters; the others are retried with backoff.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
