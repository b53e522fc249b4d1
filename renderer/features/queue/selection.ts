/**
 * Which queue rows are ticked for a bulk action. Kept apart from the highlighted row (the
 * keyboard cursor): a packer moves through the list and ticks as they go.
 */
export interface Checked {
  /** Ticked order ids; a new Set on every change so React sees it. */
  ids: ReadonlySet<number>;
  /** Where a range (Shift+click, Shift+↓/↑) starts: the last row ticked or unticked. */
  anchorId: number | null;
}

export const NO_CHECKED: Checked = { ids: new Set(), anchorId: null };

/** Tick or untick one row; it becomes the anchor of the next range. */
export function toggleChecked(checked: Checked, id: number): Checked {
  const ids = new Set(checked.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchorId: id };
}

/**
 * Shift+click: tick every row between the anchor and `id`, both included. Without an anchor
 * (or one no longer shown) it ticks just `id`.
 */
export function checkRange(checked: Checked, rowIds: readonly number[], id: number): Checked {
  const to = rowIds.indexOf(id);
  if (to === -1) return checked;
  const anchor = checked.anchorId === null ? -1 : rowIds.indexOf(checked.anchorId);
  const from = anchor === -1 ? to : anchor;
  const ids = new Set(checked.ids);
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) ids.add(rowIds[i]!);
  return { ids, anchorId: id };
}

/**
 * Shift+↓/↑ from the row at `cursor`: returns the new cursor and ticks. Moving away from the
 * anchor ticks the rows passed over; moving back towards it unticks the row left behind, so a
 * range grows and shrinks as in a file manager.
 */
export function extendChecked(
  checked: Checked,
  rowIds: readonly number[],
  cursor: number,
  delta: 1 | -1,
): { checked: Checked; cursor: number } {
  if (rowIds.length === 0) return { checked, cursor };
  const from = Math.min(Math.max(cursor, 0), rowIds.length - 1);
  const to = Math.min(Math.max(from + delta, 0), rowIds.length - 1);
  let anchor = checked.anchorId === null ? -1 : rowIds.indexOf(checked.anchorId);
  // A range starts here when there is no anchor, or the current row is not part of one.
  if (anchor === -1 || !checked.ids.has(rowIds[from]!)) anchor = from;
  const ids = new Set(checked.ids);
  if (Math.abs(to - anchor) < Math.abs(from - anchor)) {
    ids.delete(rowIds[from]!);
  } else {
    ids.add(rowIds[from]!);
    ids.add(rowIds[to]!);
  }
  return { checked: { ids, anchorId: rowIds[anchor]! }, cursor: to };
}

/** Ctrl/Cmd+A: every loaded row. */
export function checkAll(rowIds: readonly number[]): Checked {
  return { ids: new Set(rowIds), anchorId: rowIds[0] ?? null };
}

/**
 * After a refetch: keep the ticks of rows still listed. Orders that left the tab (shipped, put
 * on hold) drop out rather than being acted on unseen.
 */
export function keepListed(checked: Checked, rowIds: readonly number[]): Checked {
  if (checked.ids.size === 0) return checked;
  const listed = new Set(rowIds);
  const ids = new Set([...checked.ids].filter((id) => listed.has(id)));
  const anchorId = checked.anchorId !== null && listed.has(checked.anchorId) ? checked.anchorId : null;
  if (ids.size === checked.ids.size && anchorId === checked.anchorId) return checked;
  return { ids, anchorId };
}

/** Ticked ids in list order, for calls and reports that should read top to bottom. */
export function checkedInOrder(checked: Checked, rowIds: readonly number[]): number[] {
  return rowIds.filter((id) => checked.ids.has(id));
}
