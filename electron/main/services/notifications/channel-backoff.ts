/**
 * What the sender knows about each channel's server: whether it is away (and until when it waits
 * before probing again), why, and whether it has been seen working since the start. Rows that
 * wait for an away server carry the probe time as their next attempt, in the table, so they
 * outlive a restart; reopening a channel makes them due at once.
 */
import type { OrderStore } from '../../../../db/store.js';
import type { NotificationChannel } from '../../../../shared/domain/notifications.js';
import { pullForwardWaiting } from './outbox-rows.js';
import type { NotificationSettingsStore, SenderState } from './ports.js';
import { unreachableDelay } from './retry-policy.js';

interface ChannelState {
  /** Unreachable: don't take rows of this channel before this time. */
  offlineUntil: number | null;
  consecutiveUnreachable: number;
  lastError: string | null;
  /** Not yet seen working since the start or since it was last unreachable. */
  unproven: boolean;
}

/** The longest a row waits for an unreachable server before the next probe. */
const LONGEST_WAIT_FOR_SERVER = unreachableDelay(Number.MAX_SAFE_INTEGER);

const CHANNELS = ['email', 'sms'] as const satisfies readonly NotificationChannel[];

export interface ChannelBackoff {
  /** The channels whose rows may be taken at `at`: set up, and not waiting for their server. */
  ready(at: number): NotificationChannel[];
  /** When away servers are probed next (only those still in the future of `at`). */
  probeTimes(at: number): number[];
  /** A message went through. True when the channel had not been seen working: what waits for it may go now. */
  delivered(channel: NotificationChannel): boolean;
  /** The server couldn't be reached: returns when the channel's rows are tried again (its next probe). */
  unreachable(channel: NotificationChannel, error: string, at: number): number;
  /**
   * The channel may answer again (its settings were saved) or does (a message went through): rows
   * left waiting for its server, by this run or the last, are due now. Returns the rows moved.
   */
  reopen(channel: NotificationChannel, at: number): number[];
  /** The mail server as the notifications screen shows it. */
  mailState(): SenderState;
}

export function createChannelBackoff(store: OrderStore, settings: Pick<NotificationSettingsStore, 'get' | 'hasSecret'>): ChannelBackoff {
  const fresh = (): ChannelState => ({ offlineUntil: null, consecutiveUnreachable: 0, lastError: null, unproven: true });
  const channels: Record<NotificationChannel, ChannelState> = { email: fresh(), sms: fresh() };
  const open = (channel: NotificationChannel, at: number) => {
    const until = channels[channel].offlineUntil;
    return until === null || until <= at;
  };

  return {
    ready(at) {
      const current = settings.get();
      const ready: NotificationChannel[] = [];
      if (current.mail !== null && open('email', at)) ready.push('email');
      if (current.sms?.enabled && settings.hasSecret('twilioAuthToken') && open('sms', at)) ready.push('sms');
      return ready;
    },
    probeTimes(at) {
      return CHANNELS.map((channel) => channels[channel].offlineUntil).filter((time): time is number => time !== null && time > at);
    },
    delivered(channel) {
      const state = channels[channel];
      const wasUnproven = state.unproven;
      Object.assign(state, { unproven: false, consecutiveUnreachable: 0, lastError: null });
      return wasUnproven;
    },
    // One probe's worth of backoff for the whole channel, however many messages were in flight.
    unreachable(channel, error, at) {
      const state = channels[channel];
      if (state.offlineUntil === null || state.offlineUntil <= at) {
        state.consecutiveUnreachable += 1;
        state.offlineUntil = at + unreachableDelay(state.consecutiveUnreachable);
      }
      state.lastError = error;
      state.unproven = true;
      return state.offlineUntil;
    },
    reopen(channel, at) {
      const state = channels[channel];
      const moved = pullForwardWaiting(store, channel, Math.max(at + LONGEST_WAIT_FOR_SERVER, state.offlineUntil ?? 0), at);
      Object.assign(state, { offlineUntil: null, consecutiveUnreachable: 0, lastError: null });
      return moved;
    },
    mailState() {
      if (settings.get().mail === null) return { mail: 'not_configured', lastError: null, nextProbeAt: null };
      const email = channels.email;
      const offline = email.offlineUntil !== null;
      return { mail: offline ? 'offline' : 'ready', lastError: email.lastError, nextProbeAt: offline ? email.offlineUntil : null };
    },
  };
}
