import type { PullResponse } from '../../shared/contract/sync-protocol.js';

/**
 * A stored doc's JSON text passed through as it is: a page of 1000 orders that need no cutting
 * (an admin's, or a seller's who runs every store on them) is then neither parsed nor re-encoded.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

const spliced = (head: Record<string, unknown>, key: string, json: string) => `${JSON.stringify(head).slice(0, -1)},"${key}":${json}}`;

/** The pull answer as JSON text, with RawJson data spliced in unchanged. */
export function pullResponseJson(response: PullResponse): string {
  if (response.status !== 'ok') return JSON.stringify(response);
  const rows = response.rows.map((row) => {
    if (typeof row === 'object' && row !== null && 'data' in row && row.data instanceof RawJson) {
      const { data, ...rest } = row;
      return spliced(rest, 'data', data.text);
    }
    return JSON.stringify(row);
  });
  const { rows: _rows, ...rest } = response;
  return spliced(rest, 'rows', `[${rows.join(',')}]`);
}
