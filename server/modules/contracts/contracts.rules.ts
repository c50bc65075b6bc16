/** The last day of the binding period: `months` calendar months after the start, minus a day. */
export function bindingEndsOn(startDate: string, months: number): string {
  const [y, m, d] = startDate.split('-').map(Number);
  const firstDayAfter = new Date(Date.UTC(y!, m! - 1 + months, d!));
  // A start on the 31st into a shorter month lands on that month's last day, not the next month.
  if (firstDayAfter.getUTCDate() !== d) firstDayAfter.setUTCDate(1);
  firstDayAfter.setUTCDate(firstDayAfter.getUTCDate() - 1);
  return firstDayAfter.toISOString().slice(0, 10);
}
