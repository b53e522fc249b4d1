/**
 * A loopback SMTP server in its own process for the email benchmark, so the server's memory and
 * CPU are not counted against the sender's. Prints `port <n>` once listening; answers `count`
 * on stdin with `count <n>` (messages accepted so far), and `replies` with `replies <json>`: when
 * it answered 250 to each recipient (epoch ms, sub-millisecond, comparable across processes on
 * one machine). Keeps nothing else it receives.
 */
import { createInterface } from 'node:readline';
import { SMTPServer } from 'smtp-server';

let count = 0;
const repliedAt: Record<string, number> = {};
const epochNow = () => performance.timeOrigin + performance.now();
const server = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      count += 1;
      // Read before the reply: answering resets the session's envelope.
      const recipients = session.envelope.rcptTo.map((recipient) => recipient.address);
      callback();
      // Right after the 250 was handed to the socket.
      const at = epochNow();
      for (const recipient of recipients) repliedAt[recipient] = at;
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  process.stdout.write(`port ${typeof address === 'object' && address ? address.port : 0}\n`);
});
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'count') process.stdout.write(`count ${count}\n`);
  if (line.trim() === 'replies') process.stdout.write(`replies ${JSON.stringify(repliedAt)}\n`);
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
