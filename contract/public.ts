import { z } from 'zod';

export const phoneLink = z.object({ text: z.string(), dial: z.string() });
export type PhoneLink = z.infer<typeof phoneLink>;

/** Settings the signed-out portal and the app need before anyone signs in. */
export const publicSettings = z
  .object({
    customerServicePhone: z.string(),
    /**
     * The same number formatted by the server (contract/format/phone.ts): `text` as readers in
     * Sweden expect it, `dial` for `tel:` links. The portal shows this, so its first load carries
     * no phone-number library.
     */
    customerServicePhoneLink: phoneLink,
    /** Whether this server delivers to the dev inbox (development only). */
    devInbox: z.boolean(),
    /** How long "trust this device" skips the code step. */
    trustedDeviceDays: z.number().int(),
  })
  .meta({ id: 'PublicSettings' });

export type PublicSettings = z.infer<typeof publicSettings>;
