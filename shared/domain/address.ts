import { z } from 'zod';
import { fail, ok, type Result } from './result.js';

/** US states, DC, inhabited territories and military "states", keyed by USPS code. */
export const US_STATES = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  DC: 'District of Columbia',
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'U.S. Virgin Islands',
  AS: 'American Samoa',
  MP: 'Northern Mariana Islands',
  AA: 'Armed Forces Americas',
  AE: 'Armed Forces Europe',
  AP: 'Armed Forces Pacific',
} as const satisfies Record<string, string>;

export type UsStateCode = keyof typeof US_STATES;

const STATE_CODES = Object.keys(US_STATES) as [UsStateCode, ...UsStateCode[]];

/** Optional text: trimmed, and blank stored as null so "no value" has one representation. */
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, { error: message })
    .nullish()
    .transform((v) => (v ? v : null));

const requiredText = (max: number, emptyMessage: string, longMessage: string) =>
  z
    .string({ error: emptyMessage })
    .trim()
    .min(1, { error: emptyMessage })
    .max(max, { error: longMessage });

/** A US shipping address as entered in a form or received from the shop. */
export const usAddressSchema = z.object({
  name: requiredText(100, 'Enter a name.', 'Keep the name to 100 characters.'),
  street: requiredText(200, 'Enter a street address.', 'Keep the street address to 200 characters.'),
  street2: optionalText(200, 'Keep the second address line to 200 characters.'),
  city: requiredText(100, 'Enter a city.', 'Keep the city to 100 characters.'),
  state: z
    .string({ error: 'Choose a state.' })
    .trim()
    .toUpperCase()
    .pipe(z.enum(STATE_CODES, { error: 'Choose a US state or territory (two-letter code, like NY).' })),
  zip: z
    .string({ error: 'Enter a ZIP code.' })
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, { error: 'Enter a 5-digit ZIP or ZIP+4 (12345-6789).' }),
  country: z.literal('US', { error: 'Only US addresses are supported for now.' }).default('US'),
  phone: optionalText(30, 'Keep the phone number to 30 characters.').refine(
    (v) => v === null || /^[0-9+().\-\s]+$/.test(v),
    { error: 'Enter a phone number using digits, spaces, +, -, ( and ).' },
  ),
});

export type UsAddress = z.infer<typeof usAddressSchema>;

/**
 * Lines for a label or email, in USPS order. The country is omitted because every
 * address is domestic for now.
 */
export function formatAddressLines(a: UsAddress): string[] {
  const lines = [a.name, a.street];
  if (a.street2) lines.push(a.street2);
  lines.push(`${a.city}, ${a.state} ${a.zip}`);
  return lines;
}

/**
 * Checks an address against the US rules. Field errors are keyed as the input nests them
 * (`address.zip`), so a form marks the right field; the message names the first problem.
 */
export function parseAddress(raw: unknown): Result<UsAddress> {
  const parsed = usAddressSchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = ['address', ...issue.path.map(String)].join('.');
    fields[key] ??= issue.message;
  }
  return fail('INVALID_INPUT', Object.values(fields)[0] ?? 'Check the address.', fields);
}
