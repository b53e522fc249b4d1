/**
 * A local stand-in for Twilio's Messages endpoint (POST /2010-04-01/Accounts/{sid}/Messages.json):
 * checks Basic auth, reads the form body, answers with Twilio's JSON shapes for success and its
 * documented errors (20003 bad credentials, 21211 invalid "To", 20429 too many requests).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface TwilioMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
}

export interface FakeTwilio {
  readonly baseUrl: string;
  readonly messages: TwilioMessage[];
  /** Answer the next requests with 429 this many times. */
  tooManyRequests: number;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeTwilio(account: { sid: string; token: string }): Promise<FakeTwilio> {
  const messages: TwilioMessage[] = [];
  const fake = { baseUrl: '', messages, tooManyRequests: 0, close: async () => {} } as FakeTwilio;
  const server: Server = createServer((request, response) => {
    const reply = (status: number, body: Record<string, unknown>) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const error = (status: number, code: number, message: string) =>
      reply(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
    void (async () => {
      const path = `/2010-04-01/Accounts/${account.sid}/Messages.json`;
      if (request.method !== 'POST' || request.url !== path) return error(404, 20404, 'The requested resource was not found');
      const expected = `Basic ${Buffer.from(`${account.sid}:${account.token}`).toString('base64')}`;
      if (request.headers.authorization !== expected) return error(401, 20003, 'Authenticate');
      if (fake.tooManyRequests > 0) {
        fake.tooManyRequests -= 1;
        return error(429, 20429, 'Too Many Requests');
      }
      const form = new URLSearchParams(await readBody(request));
      const to = form.get('To') ?? '';
      const from = form.get('From') ?? '';
      const body = form.get('Body') ?? '';
      if (!/^\+[1-9]\d{7,14}$/.test(to)) return error(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
      if (body === '') return error(400, 21602, 'Message body is required.');
      const sid = `SM${randomBytes(16).toString('hex')}`;
      messages.push({ sid, to, from, body });
      reply(201, { sid, account_sid: account.sid, to, from, body, status: 'queued', num_segments: '1', date_created: new Date().toUTCString() });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  Object.assign(fake, { baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}
