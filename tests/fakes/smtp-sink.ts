/**
 * A loopback SMTP server in its own process for the email benchmark, so the server's memory and
 * CPU are not counted against the sender's. Prints `port <n>` once listening; answers `count`
 * on stdin with `count <n>` (messages accepted so far). Keeps nothing it receives.
 */
import { createInterface } from 'node:readline';
import { SMTPServer } from 'smtp-server';

let count = 0;
const server = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      count += 1;
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  process.stdout.write(`port ${typeof address === 'object' && address ? address.port : 0}\n`);
});
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'count') process.stdout.write(`count ${count}\n`);
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
