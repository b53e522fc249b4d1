/**
 * What the sender knows about each channel's server: whether it is away (and until when it waits
 * before probing again), why, and whether it has been seen working since the start. Rows that
 * wait for an away server carry the probe time as their next attempt, in the table, so they
 * outlive a restart; reopening a channel makes them due at once.
 */
import type { OrderStore } from '../../../../db/store.js';
import { unreachableDelay, type NotificationChannel } from '../../../../shared/domain/notifications.js';
import { pullForwardWaiting } from './outbox-rows.js';
import type { MailSettings } from './ports.js';

export interface ChannelState {
  /** Unreachable: don't take rows of this channel before this time. */
  offlineUntil: number | null;
  consecutiveUnreachable: number;
  lastError: string | null;
  /** Not yet seen working since the start or since it was last unreachable. */
  unproven: boolean;
}

/** The longest a row waits for an unreachable server before the next probe. */
const LONGEST_WAIT_FOR_SERVER = unreachableDelay(Number.MAX_SAFE_INTEGER);

export function freshChannels(): Record<NotificationChannel, ChannelState> {
  const fresh = (): ChannelState => ({ offlineUntil: null, consecutiveUnreachable: 0, lastError: null, unproven: true });
  return { email: fresh(), sms: fresh() };
}

/** The server couldn't be reached: one probe's worth of backoff for the whole channel, however many messages were in flight. */
export function markUnreachable(state: ChannelState, error: string, at: number): number {
  if (state.offlineUntil === null || state.offlineUntil <= at) {
    state.consecutiveUnreachable += 1;
    state.offlineUntil = at + unreachableDelay(state.consecutiveUnreachable);
  }
  state.lastError = error;
  state.unproven = true;
  return state.offlineUntil;
}

/**
 * The channel may answer again (its settings were saved) or does (a message went through): rows
 * left waiting for its server, by this run or the last, are due now. Returns the rows moved.
 */
export function reopenChannel(store: OrderStore, channel: NotificationChannel, state: ChannelState, at: number): number[] {
  const moved = pullForwardWaiting(store, channel, Math.max(at + LONGEST_WAIT_FOR_SERVER, state.offlineUntil ?? 0), at);
  Object.assign(state, { offlineUntil: null, consecutiveUnreachable: 0, lastError: null });
  return moved;
}

export const sameMailSettings = (a: MailSettings, b: MailSettings): boolean =>
  Object.keys(a).length === Object.keys(b).length && (Object.keys(a) as Array<keyof MailSettings>).every((key) => a[key] === b[key]);
