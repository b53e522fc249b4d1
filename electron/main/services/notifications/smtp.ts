/**
 * Hands rendered emails to the configured SMTP server through nodemailer's connection pool, and
 * turns whatever happens into a DeliveryOutcome the sender can act on.
 */
import { pipeline, Transform, type Readable } from 'node:stream';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { classifyDeliveryError } from './delivery-errors.js';
import { headerSafe } from './header-safe.js';
import type { DeliveryOutcome, MailSettings, OutgoingEmail } from './ports.js';

export interface Mailer {
  send(email: OutgoingEmail): Promise<DeliveryOutcome>;
  close(): void;
}

export interface MailerOptions {
  /** Simultaneous connections; each carries many messages. */
  maxConnections?: number;
  /** Seconds to wait for a server before calling it unreachable. */
  timeoutSeconds?: number;
}

function transportOptions(settings: MailSettings, password: string | null, options: MailerOptions): SMTPPool.Options {
  const timeout = (options.timeoutSeconds ?? 20) * 1000;
  return {
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: 500,
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    // 'none' is for a relay on this machine or a test server: never upgrade, never pretend.
    ignoreTLS: settings.security === 'none',
    auth: settings.user === null ? undefined : { user: settings.user, pass: password ?? '' },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 3,
    // No logger: its output would carry addresses and message text.
    logger: false,
    debug: false,
  };
}

/** The server's reply or the socket error, as a sentence for the notifications screen. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const detail = error as Error & { response?: string; code?: string };
  const text = detail.response ?? error.message;
  return headerSafe(text, 500) || detail.code || 'Unknown error';
}

/**
 * Message-IDs whose whole message has left nodemailer's stream for the connection (after DATA's
 * 354): from then on the server may accept it, so a failure without its reply is an unknown
 * outcome. nodemailer reports a dropped connection the same way before and after the data
 * (code ECONNECTION, command CONN), so the stream itself is watched.
 */
function watchHandOver(transport: Transporter): Set<string> {
  const handedOver = new Set<string>();
  transport.use('stream', (mail, done) => {
    const messageId = mail.data.messageId;
    // A function, not one stream: the pool may build the message stream again for another connection.
    mail.message.processFunc((input: Readable) => {
      const watch = new Transform({
        transform: (chunk: Buffer, _encoding, callback) => callback(null, chunk),
        flush(callback) {
          if (messageId !== undefined) handedOver.add(messageId);
          callback();
        },
      });
      return pipeline(input, watch, () => {});
    });
    done();
  });
  return handedOver;
}

export function createMailer(settings: MailSettings, password: string | null, options: MailerOptions = {}): Mailer {
  const transport = nodemailer.createTransport(transportOptions(settings, password, options));
  const handedOver = watchHandOver(transport);
  const from = { name: headerSafe(settings.fromName, 100), address: settings.fromAddress };
  return {
    async send(email) {
      handedOver.delete(email.messageId);
      try {
        const info = await transport.sendMail({
          from,
          to: email.to,
          replyTo: settings.replyTo ?? undefined,
          subject: headerSafe(email.rendered.subject),
          text: email.rendered.text,
          html: email.rendered.html,
          messageId: email.messageId,
          // RFC 3834: automated mail; keeps vacation responders from answering it.
          headers: { 'Auto-Submitted': 'auto-generated' },
          disableFileAccess: true,
          disableUrlAccess: true,
        });
        const rejected = info.rejected.length > 0;
        if (rejected) return { ok: false, failure: 'permanent', message: `The server refused the recipient: ${info.response}` };
        return { ok: true, providerId: info.messageId, response: headerSafe(info.response, 500) };
      } catch (error) {
        const detail = error as { responseCode?: number; code?: string };
        // The server's own reply (4xx/5xx after the data) is clear; anything short of one is not.
        if (handedOver.has(email.messageId) && detail.responseCode === undefined) {
          return { ok: false, failure: 'unknown', message: describe(error) };
        }
        return { ok: false, failure: classifyDeliveryError({ responseCode: detail.responseCode, code: detail.code }), message: describe(error) };
      } finally {
        handedOver.delete(email.messageId);
      }
    },
    close() {
      transport.close();
    },
  };
}
