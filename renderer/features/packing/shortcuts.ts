/**
 * Every key the packing station answers to, for the help overlay. They work with the cursor in
 * the scan field (function keys and Alt combinations), because at a station it always is.
 * PackScreen binds exactly these; keep the two in step.
 */
export const PACK_SHORTCUTS: { keys: string; action: string }[] = [
  { keys: 'F2', action: 'Open the packing station (from anywhere); there, put the cursor in the scan field' },
  { keys: 'Enter', action: 'Scan: a packing slip opens its order, an item ticks one unit, a tracking label fills in tracking' },
  { keys: 'Esc', action: 'Clear the scan field; on an empty one, back to the queue (F2 returns); in another field, back to the scan field' },
  { keys: 'F4', action: 'Put the cursor in the tracking number field' },
  { keys: 'Enter (in tracking)', action: 'Confirm the tracking number and move to Ship' },
  { keys: 'F8', action: 'Ship the parcel' },
  { keys: 'F9', action: 'Override verification with a reason (ships unverified units)' },
  { keys: 'Alt+O', action: 'Other carrier: name it and give its https tracking link' },
  { keys: 'Alt+Q', action: 'Change the quantities in this parcel (partial shipment)' },
  { keys: 'Alt+E', action: 'Email the customer, or not' },
  { keys: 'Alt+N', action: 'Skip to the next order in To pack' },
  { keys: 'Alt+L', action: 'Leave this order (gives up the claim)' },
  { keys: 'T (in the warning)', action: 'Take over an order another station is packing' },
  { keys: '? or F1 (empty field)', action: 'Show every shortcut' },
];
