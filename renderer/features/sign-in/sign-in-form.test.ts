import { describe, expect, it } from 'vitest';
import { checkDraft, emptyDraft, focusAfter, problemFrom } from './sign-in-form.js';

describe('sign-in form', () => {
  it('never starts with a password, even when the backend and email are known', () => {
    expect(emptyDraft('https://shop.example.com', 'sam@example.com')).toEqual({
      serverUrl: 'https://shop.example.com',
      email: 'sam@example.com',
      password: '',
    });
    expect(emptyDraft(null).serverUrl).toBe('');
  });

  it('marks each field with the sentence main would answer, before anything is sent', () => {
    expect(checkDraft({ serverUrl: 'shop.example.com', email: 'sam', password: '' })).toEqual({
      serverUrl: 'Enter the backend address, starting with https:// (or http:// on this computer).',
      email: 'Enter your work email address.',
      password: 'Enter your password.',
    });
    expect(checkDraft({ serverUrl: ' http://127.0.0.1:8787 ', email: ' Sam@Example.com ', password: 'x' })).toEqual({});
  });

  it('puts main’s field errors on their fields and the cursor on the first', () => {
    const problem = problemFrom({
      ok: false,
      code: 'INVALID_INPUT',
      message: 'Some of the details are not valid.',
      fields: { email: 'Enter your work email address.', password: 'Enter your password.' },
    });
    expect(problem).toEqual({
      kind: 'fields',
      errors: { email: 'Enter your work email address.', password: 'Enter your password.' },
      banner: null,
    });
    expect(focusAfter(problem)).toBe('email');
  });

  it('keeps a field error it has no field for in the banner', () => {
    const problem = problemFrom({ ok: false, code: 'INVALID_INPUT', message: 'x', fields: { email: 'Bad.', deviceName: 'Too long.' } });
    expect(problem).toMatchObject({ kind: 'fields', banner: 'Too long.' });
  });

  it('sends a wrong password back to the password field, with main’s sentence', () => {
    const problem = problemFrom({ ok: false, code: 'UNAUTHENTICATED', message: 'That email and password do not match.' });
    expect(problem).toEqual({ kind: 'credentials', banner: 'That email and password do not match.' });
    expect(focusAfter(problem)).toBe('password');
  });

  it('shows too many attempts with the wait main gives, and moves the cursor nowhere', () => {
    const problem = problemFrom({ ok: false, code: 'RATE_LIMITED', message: 'Too many attempts. Try again in 45 seconds.' });
    expect(problem).toEqual({ kind: 'rate_limited', banner: 'Too many attempts. Try again in 45 seconds.' });
    expect(focusAfter(problem)).toBeNull();
  });

  it('sends an unreachable backend back to the address field', () => {
    const problem = problemFrom({ ok: false, code: 'UNREACHABLE', message: 'The shop backend at https://shop.example.com did not answer.' });
    expect(problem.kind).toBe('server');
    expect(focusAfter(problem)).toBe('serverUrl');
  });
});
