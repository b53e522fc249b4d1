/**
 * Check digits for the seeded carriers' tracking numbers. checkTracking refuses a number whose
 * check digit doesn't match, so the seeder makes real-shaped ones: computing the digit here is
 * far cheaper than running the detector on each of a million shipments (the
 * seed tests still validate every seeded number through checkTracking).
 */

/** A digit's value, or for a letter (UPS shipper numbers) (char code − 3) mod 10. */
const value = (ch: string): number => {
  const code = ch.charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : (code - 3) % 10;
};

/** Mod 10 with separate weights for even and odd positions (0-based, from the left). */
function mod10(serial: string, evens: number, odds: number): number {
  let sum = 0;
  for (let i = 0; i < serial.length; i++) sum += value(serial[i]!) * (i % 2 === 0 ? evens : odds);
  return (10 - (sum % 10)) % 10;
}

/** UPS 1Z: shipper (6) + service (2) + package (7), then the check digit. */
export const upsTracking = (shipper: string, service: string, packageId: string): string => {
  const serial = shipper + service + packageId;
  return `1Z${serial}${mod10(serial, 1, 2)}`;
};

/** USPS IMpb N, 22 digits: 94 + service 001 + mailer 1 + 8 digits + package (7), then the check digit. */
export const uspsTracking = (mailer: string, packageId: string): string => {
  const serial = `940011${mailer}${packageId}`;
  return serial + mod10(serial, 3, 1);
};

const FEDEX_WEIGHTS = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];

/** FedEx Express 12-digit: 11 serial digits, then (weighted sum mod 11) mod 10. */
export const fedexTracking = (serial: string): string => {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (serial.charCodeAt(i) - 48) * FEDEX_WEIGHTS[i]!;
  return serial + ((sum % 11) % 10);
};

/** DHL Express 10-digit waybill: 9 serial digits, then the serial mod 7. */
export const dhlTracking = (serial: string): string => serial + (Number(serial) % 7);
