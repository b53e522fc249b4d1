/** Whether an address or phone number can receive a message at all. */

// A deliberately strict shape: something a mail server would accept as a mailbox, ASCII only
// in the domain (IDN recipients would need punycode first), with no spaces, angle brackets,
// quotes or control characters that could bend an SMTP command or a header.
const EMAIL_PATTERN = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Null when `address` can be used as a recipient; otherwise why not, as a sentence. */
export function recipientProblem(address: string): string | null {
  if (address.trim() === '') return 'The customer has no email address.';
  if (address.length > 254) return 'The email address is longer than 254 characters.';
  if (!EMAIL_PATTERN.test(address)) return `"${address.slice(0, 80)}" is not a valid email address.`;
  const local = address.slice(0, address.lastIndexOf('@'));
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return `"${address.slice(0, 80)}" is not a valid email address.`;
  }
  return null;
}

// E.164: a plus, a country code and up to 15 digits in all. US only for now, like addresses.
const US_PHONE_DIGITS = /^\+?1?(\d{10})$/;

/** The customer's phone as E.164 (+1XXXXXXXXXX), or null when it isn't a US number we can text. */
export function smsNumber(phone: string | null): string | null {
  if (phone === null) return null;
  const digits = phone.replace(/[\s().-]/g, '');
  const match = US_PHONE_DIGITS.exec(digits);
  return match ? `+1${match[1]}` : null;
}
