/** "owner@example.com" → "o***r@example.com": enough to recognise, not to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const local = email.slice(0, at);
  const shown = local.length <= 2 ? local[0] + '*' : `${local[0]}***${local[local.length - 1]}`;
  return `${shown}${email.slice(at)}`;
}

/** "+46701234567" → "+46 ••• •• 67": the last two digits, as bank and telecom sites do. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 4) return '***';
  const country = phone.startsWith('+46') ? '+46' : phone.startsWith('+') ? `+${digits.slice(0, 2)}` : '';
  return `${country} *** ** ${digits.slice(-2)}`.trim();
}
