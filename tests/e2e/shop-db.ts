/** Which database the shop backend of the sync specs runs on: a worker option set per Playwright project. */
export type ShopDb = 'sqlite' | 'postgres';
