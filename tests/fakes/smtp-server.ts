/**
 * A real SMTP server on loopback (smtp-server) that parses what it accepts (mailparser), and
 * can be told to answer like a difficult server: 451 for a while, 550 for some recipients.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Socket } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface Received {
  envelope: { from: string; to: string[] };
  raw: string;
  parsed: ParsedMail;
}

export type Refusal = { code: number; message: string } | null;

export interface FakeSmtp {
  readonly port: number;
  readonly received: Received[];
  /** Decides each recipient's fate before the data is sent (RCPT TO). */
  onRecipient: (address: string) => Refusal;
  /** Decides each message's fate after its data arrived (end of DATA). */
  onMessage: (raw: string) => Refusal;
  /**
   * Where the server drops the connection without a word: 'recipient' before the data (nothing
   * was accepted), 'after-data' once the whole message arrived and was kept (a lost "250 OK").
   */
  dropConnection: (stage: 'recipient' | 'after-data', raw: string) => boolean;
  /** Connections made so far (the pool should keep this small). */
  connections: number;
  /** Sign-ins the server saw, password included: proves whether a secret reached it. */
  readonly logins: Array<{ user: string; password: string; secure: boolean }>;
  /** Stops accepting connections and drops open ones: the network "goes away". */
  close(): Promise<void>;
  /** Waits until `count` messages have arrived (or fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
}

function errorWithCode(refusal: NonNullable<Refusal>): Error {
  return Object.assign(new Error(refusal.message), { responseCode: refusal.code });
}

/** Starts a server; `port` 0 picks a free one. Pass the old port to bring a closed server back. */
export async function startFakeSmtp(options: { port?: number; parse?: boolean } = {}): Promise<FakeSmtp> {
  const parse = options.parse ?? true;
  const fake: FakeSmtp = {
    port: 0,
    received: [],
    onRecipient: () => null,
    onMessage: () => null,
    dropConnection: () => false,
    connections: 0,
    logins: [],
    close: async () => {},
    waitFor: async () => [],
  };
  const waiters = new Set<() => void>();
  const sockets = new Map<number, Socket>();
  const drop = (remotePort: number) => sockets.get(remotePort)?.destroy();
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    // Takes a sign-in over plain text too: a test must be able to see a password sent in clear.
    allowInsecureAuth: true,
    onAuth(auth, session, callback) {
      fake.logins.push({ user: auth.username ?? '', password: auth.password ?? '', secure: session.secure });
      callback(null, { user: auth.username });
    },
    onConnect(_session, callback) {
      fake.connections += 1;
      callback();
    },
    onRcptTo(address: SMTPServerAddress, session, callback) {
      if (fake.dropConnection('recipient', '')) return drop(session.remotePort);
      const refusal = fake.onRecipient(address.address);
      callback(refusal ? errorWithCode(refusal) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const refusal = fake.onMessage(raw);
        if (refusal) return callback(errorWithCode(refusal));
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        const dropping = fake.dropConnection('after-data', raw);
        const done = (parsed: ParsedMail) => {
          fake.received.push({ envelope, raw, parsed });
          for (const wake of waiters) wake();
          // Kept, but the reply never leaves: the client can't know it arrived.
          if (dropping) drop(session.remotePort);
          else callback();
        };
        if (!parse) return done({} as ParsedMail);
        simpleParser(raw).then(done, (error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => {});
  server.server.on('connection', (socket: Socket) => {
    const port = socket.remotePort ?? 0;
    sockets.set(port, socket);
    socket.once('close', () => sockets.delete(port));
  });
  const address = server.server.address();
  Object.assign(fake, { port: typeof address === 'object' && address ? address.port : 0 });
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  fake.waitFor = (count, timeoutMs = 10_000) =>
    new Promise<Received[]>((resolve, reject) => {
      const check = () => {
        if (fake.received.length >= count) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(fake.received);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`expected ${count} messages, got ${fake.received.length}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return fake;
}
