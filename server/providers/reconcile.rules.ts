/** A message as a provider lists it in its history. */
export interface ListedMessage {
  id: string;
  to: string;
  text: string | undefined;
  createdAt: Date;
}

/** Clocks of two machines differ a little; a message created this long before our attempt still counts. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Which listed message, if any, is the one an interrupted attempt sent: same recipient, same
 * text, created no earlier than the attempt started (less clock skew). Messages carry unique
 * codes or links, so the same text to the same number is the same message.
 */
export function findOurs(listed: ListedMessage[], wanted: { to: string; text: string }, since: Date): ListedMessage | undefined {
  const earliest = since.getTime() - CLOCK_SKEW_MS;
  return listed.find((m) => m.to === wanted.to && m.text === wanted.text && m.createdAt.getTime() >= earliest);
}
