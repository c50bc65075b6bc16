import { z } from 'zod';

/** Settings the signed-out portal and the app need before anyone signs in. */
export const publicSettings = z
  .object({
    customerServicePhone: z.string(),
    /** Whether this server delivers to the dev inbox (development only). */
    devInbox: z.boolean(),
    /** How long "trust this device" skips the code step. */
    trustedDeviceDays: z.number().int(),
  })
  .meta({ id: 'PublicSettings' });

export type PublicSettings = z.infer<typeof publicSettings>;
