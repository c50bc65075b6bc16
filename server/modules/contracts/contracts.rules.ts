/** The last day of the binding period: `months` calendar months after the start, minus a day. */
export function bindingEndsOn(startDate: string, months: number): string {
  const [y, m, d] = startDate.split('-').map(Number);
  const firstDayAfter = new Date(Date.UTC(y!, m! - 1 + months, d));
  // A start on the 31st into a shorter month lands on that month's last day, not the next month.
  if (firstDayAfter.getUTCDate() !== d) firstDayAfter.setUTCDate(1);
  firstDayAfter.setUTCDate(firstDayAfter.getUTCDate() - 1);
  return firstDayAfter.toISOString().slice(0, 10);
}

const MAX_DOCUMENT_URL_LENGTH = 2000;

/**
 * The address of an invoice document as the portal will link it, or null when it is not one
 * to link: only https (a customer's browser opens it), no user name or password in it.
 */
export function invoiceDocumentUrl(raw: string): string | null {
  if (raw.length > MAX_DOCUMENT_URL_LENGTH || !URL.canParse(raw)) return null;
  const url = new URL(raw);
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) return null;
  return url.href.length > MAX_DOCUMENT_URL_LENGTH ? null : url.href;
}
