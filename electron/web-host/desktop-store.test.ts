import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopAppName, desktopStorePath, desktopUserDataDir } from './desktop-store.js';

describe("the desktop app's user data folder, as Electron names it", () => {
  const homedir = '/home/ada';

  it('uses productName, else name', () => {
    expect(desktopAppName('{"name":"order-desk"}')).toBe('order-desk');
    expect(desktopAppName('{"name":"order-desk","productName":"Order Desk"}')).toBe('Order Desk');
    expect(() => desktopAppName('{"version":"1"}')).toThrow();
  });

  it('is $XDG_CONFIG_HOME or ~/.config on Linux', () => {
    expect(desktopUserDataDir('order-desk', { platform: 'linux', env: {}, homedir })).toBe('/home/ada/.config/order-desk');
    expect(desktopUserDataDir('order-desk', { platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, homedir })).toBe('/cfg/order-desk');
    // Chromium uses a relative one as it is, so from the working directory; an empty one is unset.
    expect(desktopUserDataDir('order-desk', { platform: 'linux', env: { XDG_CONFIG_HOME: 'cfg' }, homedir })).toBe(path.resolve('cfg', 'order-desk'));
    expect(desktopUserDataDir('order-desk', { platform: 'linux', env: { XDG_CONFIG_HOME: '' }, homedir })).toBe('/home/ada/.config/order-desk');
  });

  it('is Application Support on macOS and %APPDATA% on Windows', () => {
    expect(desktopUserDataDir('order-desk', { platform: 'darwin', env: {}, homedir })).toBe('/home/ada/Library/Application Support/order-desk');
    expect(desktopUserDataDir('order-desk', { platform: 'win32', env: { APPDATA: '/roaming' }, homedir })).toMatch(/roaming.order-desk$/);
  });
});

describe("the desktop app's store file", () => {
  it('is order-desk.sqlite in user data unless the settings name another', () => {
    expect(desktopStorePath('/cfg/order-desk', () => null)).toBe('/cfg/order-desk/order-desk.sqlite');
    expect(desktopStorePath('/cfg/order-desk', () => JSON.stringify({ dbPath: '/data/desk.sqlite' }))).toBe('/data/desk.sqlite');
    // An invalid dbPath falls back to the default, as the desktop app does.
    expect(desktopStorePath('/cfg/order-desk', () => JSON.stringify({ dbPath: 'relative.sqlite' }))).toBe('/cfg/order-desk/order-desk.sqlite');
  });

  it('refuses a settings file that is not JSON, as the desktop app does', () => {
    expect(() => desktopStorePath('/cfg/order-desk', () => '{oops')).toThrow(/settings file .*settings\.json could not be read/);
  });
});
