import { describe, expect, it } from 'vitest';
import { draftErrorsFrom, draftFrom, passwordAgainProblem, saveInputFrom, testSendInputFrom } from './settings-form.js';

const view = {
  mail: { host: 'smtp.example.com', port: 587, security: 'starttls' as const, user: 'desk', fromName: 'Alder', fromAddress: 'o@example.com', replyTo: null },
  sms: null,
  alertThreshold: 3,
  hasSmtpPassword: true,
  hasTwilioToken: false,
};

describe('saveInputFrom', () => {
  it('leaves untouched secrets out, sends removed ones as null and typed ones as they are', () => {
    const draft = draftFrom(view);
    expect(draft.password).toBe('');
    expect(saveInputFrom(draft)).not.toHaveProperty('smtpPassword');
    expect(saveInputFrom({ ...draft, password: 's3cret' }).smtpPassword).toBe('s3cret');
    expect(saveInputFrom({ ...draft, password: 's3cret', removePassword: true }).smtpPassword).toBeNull();
    expect(saveInputFrom({ ...draft, authToken: 'tok' }).twilioAuthToken).toBe('tok');
  });

  it('sends numbers that are not numbers as out-of-range values, for main to explain', () => {
    const input = saveInputFrom({ ...draftFrom(view), port: '58 7', alertThreshold: 'three' });
    expect(input.mail?.port).toBe(-1);
    expect(input.alertThreshold).toBe(0);
  });

  it('sends no mail settings when every mail field is blank, and blank optional ones as null', () => {
    const blank = { ...draftFrom({ ...view, mail: null }), port: '587' };
    expect(saveInputFrom(blank).mail).toBeNull();
    expect(saveInputFrom({ ...draftFrom(view), user: ' ', replyTo: '' }).mail).toMatchObject({ user: null, replyTo: null });
  });

  it('tests the form as typed, with the saved password unless a new one is typed', () => {
    expect(testSendInputFrom(draftFrom(view), 'me@example.com').draft.password).toBeNull();
    expect(testSendInputFrom({ ...draftFrom(view), password: 'new' }, 'me@example.com').draft.password).toBe('new');
  });
});

describe('draftErrorsFrom', () => {
  it("puts main's field errors on the form's inputs and keeps the rest as sentences", () => {
    expect(draftErrorsFrom({ 'mail.host': 'Bad host.', twilioAuthToken: 'Token.', to: 'To.', mystery: 'Other.' })).toEqual({
      errors: { host: 'Bad host.', authToken: 'Token.', to: 'To.' },
      other: ['Other.'],
    });
  });
});

describe('passwordAgainProblem', () => {
  it('asks for the password again as soon as host, port, security or user differ from the saved ones', () => {
    const draft = draftFrom(view);
    expect(passwordAgainProblem(view, draft)).toBeNull();
    expect(passwordAgainProblem(view, { ...draft, fromName: 'Renamed', host: ' SMTP.example.com ' })).toBeNull();
    for (const changed of [{ security: 'none' as const }, { port: '25' }, { host: 'relay.example.net' }, { user: 'other' }]) {
      expect(passwordAgainProblem(view, { ...draft, ...changed })).toMatch(/^Enter the password again: the server settings changed/);
    }
  });

  it('is satisfied by a typed password, a removed one, no sign-in, or none saved', () => {
    const moved = { ...draftFrom(view), security: 'none' as const };
    expect(passwordAgainProblem(view, { ...moved, password: 'typed' })).toBeNull();
    expect(passwordAgainProblem(view, { ...moved, removePassword: true })).toBeNull();
    expect(passwordAgainProblem(view, { ...moved, user: '' })).toBeNull();
    expect(passwordAgainProblem({ ...view, hasSmtpPassword: false }, moved)).toBeNull();
  });
});
