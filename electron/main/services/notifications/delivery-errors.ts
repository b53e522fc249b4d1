/**
 * SMTP and Twilio errors sorted by what they mean for a message: retry it later, fail it now, or
 * keep it and wait for the network. The sender's rules; nothing outside main needs them.
 */

/** What a failed delivery attempt means for the message. */
export type FailureClass =
  /** The server answered 4xx (greylisting, mailbox busy, rate limit): try this message again later. */
  | 'transient'
  /** The server answered 5xx, or the message can never be delivered as addressed: fail it now. */
  | 'permanent'
  /**
   * The server was never reached (offline, DNS, refused, timeout, TLS): nothing is wrong with the
   * message, so it keeps its attempts and the whole queue waits for the network instead.
   */
  | 'unreachable';

export interface DeliveryError {
  /** SMTP reply code, when the server answered. */
  responseCode?: number | undefined;
  /** Node / nodemailer error code (ECONNREFUSED, ETIMEDOUT, EENVELOPE, EAUTH...). */
  code?: string | undefined;
}

const UNREACHABLE_CODES = new Set([
  'ECONNECTION',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EPIPE',
  'ETLS',
  'EPROXY',
  'EAUTH',
]);

/**
 * Sorts a failure into retry-later, fail-now or wait-for-the-network. A server's reply code
 * decides when there is one (RFC 5321: 4yz transient, 5yz permanent). EAUTH counts as
 * unreachable: wrong credentials stop every message alike, and burning each message's attempts
 * while someone fixes the settings would fail mail that is fine.
 */
export function classifyDeliveryError(error: DeliveryError): FailureClass {
  const reply = error.responseCode;
  if (reply !== undefined && reply >= 400 && reply < 500) return 'transient';
  if (reply !== undefined && reply >= 500 && reply < 600) return error.code === 'EAUTH' ? 'unreachable' : 'permanent';
  if (error.code === 'EENVELOPE' || error.code === 'EMESSAGE') return 'permanent';
  if (error.code !== undefined && UNREACHABLE_CODES.has(error.code)) return 'unreachable';
  // An error we can't place: retrying is safer than failing mail that would have gone.
  return 'transient';
}

/**
 * The same sorting for an SMS provider's HTTP reply (Twilio): 429 and 5xx are worth retrying,
 * 401/403 mean the credentials are wrong (every text alike, like EAUTH), any other 4xx means
 * this message can't be sent as it is (an invalid or unsubscribed number).
 */
export function classifySmsError(error: { status?: number | undefined; code?: string | undefined }): FailureClass {
  const status = error.status;
  if (status === undefined) return error.code !== undefined && UNREACHABLE_CODES.has(error.code) ? 'unreachable' : 'transient';
  if (status === 401 || status === 403) return 'unreachable';
  if (status === 429 || status >= 500) return 'transient';
  if (status >= 400) return 'permanent';
  return 'transient';
}
