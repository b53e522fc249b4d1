import { describe, expect, it } from 'vitest';
import { rateLimited } from './desk-host.js';

describe('a refused sign-in for too many attempts', () => {
  it("says how long to wait, from the backend's Retry-After", () => {
    expect(rateLimited(45_000)).toBe('Too many sign-in attempts. Try again in 45 seconds.');
    expect(rateLimited(400)).toBe('Too many sign-in attempts. Try again in a second.');
    expect(rateLimited(15 * 60_000)).toBe('Too many sign-in attempts. Try again in 15 minutes.');
    expect(rateLimited(null)).toBe('Too many sign-in attempts. Wait a little and try again.');
  });
});
