import type { Permission } from './define.js';

export type StaffRole = 'seller' | 'admin';

const ROLE_PERMISSIONS: Record<StaffRole, ReadonlySet<Permission>> = {
  seller: new Set<Permission>(['orders.read', 'orders.fulfill', 'orders.hold', 'orders.note', 'notifications.read', 'notifications.retry']),
  admin: new Set<Permission>([
    'orders.read',
    'orders.fulfill',
    'orders.hold',
    'orders.note',
    'customers.manage',
    'notifications.read',
    'notifications.retry',
    'settings.manage',
  ]),
};

export function roleHas(role: StaffRole, permission: Permission): boolean {
  return permission === 'public' || ROLE_PERMISSIONS[role].has(permission);
}
