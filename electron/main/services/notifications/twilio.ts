/**
 * SMS through Twilio's Messages API, with the official SDK. `apiBase` points the SDK at another
 * host (a local fake in tests), through a custom HTTP client as Twilio's maintainers advise:
 * https://github.com/twilio/twilio-node/pull/326
 */
import twilio from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient.js';
import { classifySmsError } from './delivery-errors.js';
import { headerSafe } from './header-safe.js';
import type { SmsProvider, SmsSettings } from './ports.js';

const TWILIO_API = 'https://api.twilio.com';

class RebasedClient extends RequestClient {
  constructor(private readonly base: string) {
    super({ timeout: 20_000 });
  }
  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request({ ...opts, uri: opts.uri.replace(TWILIO_API, this.base) });
  }
}

export function createTwilioProvider(settings: SmsSettings, authToken: string, options: { apiBase?: string } = {}): SmsProvider {
  const client = twilio(settings.accountSid, authToken, {
    httpClient: options.apiBase ? new RebasedClient(options.apiBase) : undefined,
  });
  return {
    async send(message) {
      try {
        const sent = await client.messages.create({ to: message.to, from: settings.fromNumber, body: message.body });
        return { ok: true, providerId: sent.sid, response: sent.status };
      } catch (error) {
        const detail = error as { status?: number; code?: string | number; message?: string };
        const code = typeof detail.code === 'string' ? detail.code : undefined;
        const failure = classifySmsError({ status: detail.status, code });
        const twilioCode = typeof detail.code === 'number' ? ` (Twilio error ${detail.code})` : '';
        return { ok: false, failure, message: headerSafe(`${detail.message ?? String(error)}${twilioCode}`, 500) };
      }
    },
  };
}
