// Frozen: never edit a shipped migration. Add a new dated file instead.
export const up = String.raw`
-- What the customer wrote when asking to return items: it arrives with every pulled order and
-- had no column to land in, so a desk would have dropped it.
ALTER TABLE return_requests ADD COLUMN description TEXT NOT NULL DEFAULT '';
`;
