import { Badge, Group, Paper, Text, TextInput } from '@mantine/core';
import { memo, useRef, type KeyboardEvent } from 'react';
import { classifyBurst } from '../../../shared/domain/scan.js';
import { useHelp } from '../../stores/help.js';
import { useRoute } from '../../stores/route.js';
import classes from './packing.module.css';
import { usePacking } from './store.js';

export const SCAN_FIELD_ID = 'pack-scan';

const OUTCOME_COLOR = { tick: 'teal', tracking: 'teal', order: 'blue', info: 'gray', refused: 'red' } as const;
const OUTCOME_LABEL = { tick: 'Verified', tracking: 'Tracking', order: 'Order', info: 'Note', refused: 'Refused' } as const;

/**
 * The station's scan field. It times every key press so the station can tell a keyboard-wedge
 * scanner from a person typing, and hands the code to the packing store on Enter.
 */
// Memoised: the panel around it renders for every scan's line and flash, the field never needs to.
const ScanField = memo(function ScanField() {
  // Uncontrolled: a scan is 10-20 keys in a few ms, and none of them needs a React render.
  const input = useRef<HTMLInputElement>(null);
  const charTimes = useRef<number[]>([]);
  const edited = useRef(false);
  const hasOrder = usePacking((s) => s.order !== null);

  const reset = () => {
    charTimes.current = [];
    edited.current = false;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const { key } = event;
    if (key === 'Enter') {
      event.preventDefault();
      // The event's own time, not "now": a busy frame must not make a scanner look like typing.
      const burst = classifyBurst({ charTimes: charTimes.current, enterAt: event.timeStamp, edited: edited.current });
      const code = event.currentTarget.value;
      event.currentTarget.value = '';
      reset();
      usePacking.getState().scan(code, burst.source, burst.medianGapMs);
      return;
    }
    const empty = event.currentTarget.value === '';
    if (key === 'Escape') {
      event.preventDefault();
      // A second Esc, on an empty field, steps back to the queue; the order stays open here for F2.
      if (empty) useRoute.getState().backToQueue();
      event.currentTarget.value = '';
      reset();
      return;
    }
    if ((key === '?' || key === 'F1') && empty) {
      // No barcode starts with "?": with an empty field it means help, as everywhere else.
      event.preventDefault();
      useHelp.getState().setOpen(true);
      return;
    }
    if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) charTimes.current.push(event.timeStamp);
    else if (key === 'Backspace' || key === 'Delete' || key.startsWith('Arrow')) edited.current = true;
  };

  return (
    <TextInput
      id={SCAN_FIELD_ID}
      className={classes.scanInput}
      label={hasOrder ? 'Scan an item, or another packing slip' : 'Scan a packing slip to start'}
      description="Scanner or keyboard: type the code and press Enter."
      placeholder={hasOrder ? 'Item barcode or SKU' : 'Order number, e.g. SH-1035600'}
      ref={input}
      defaultValue=""
      onChange={(event) => {
        if (event.currentTarget.value === '') reset();
      }}
      onPaste={() => {
        edited.current = true;
      }}
      onKeyDown={onKeyDown}
      autoComplete="off"
      spellCheck={false}
      autoFocus
      data-testid="scan-field"
    />
  );
});

function LastScanLine() {
  const last = usePacking((s) => s.lastScan);
  if (last === null) {
    return (
      <Text size="sm" c="dimmed">
        Nothing scanned yet.
      </Text>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap" data-testid="last-scan" data-outcome={last.outcome} data-source={last.source}>
      <Badge color={OUTCOME_COLOR[last.outcome]} variant="filled" radius="sm">
        {OUTCOME_LABEL[last.outcome]}
      </Badge>
      <Badge
        color={last.source === 'scanner' ? 'indigo' : 'gray'}
        variant="light"
        radius="sm"
        data-testid="scan-source"
        data-median-gap={last.medianGapMs ?? undefined}
        title={last.medianGapMs === null ? undefined : `${Math.round(last.medianGapMs)} ms between keys`}
      >
        {last.source === 'scanner' ? 'Scanner' : 'Typed'}
      </Badge>
      {last.code !== '' && (
        <Text size="sm" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {last.code}
        </Text>
      )}
      <Text size="sm" fw={600} c={last.outcome === 'refused' ? 'red.8' : undefined} role={last.outcome === 'refused' ? 'alert' : undefined} data-testid="scan-message">
        {last.message}
      </Text>
    </Group>
  );
}

/** The scan field and what the last scan did: green for a tick, red flash and buzz for a refusal. */
export function ScanPanel() {
  const last = usePacking((s) => s.lastScan);
  const signal = last === null ? 'none' : last.outcome === 'refused' ? 'error' : last.outcome === 'info' ? 'none' : 'success';
  const flash = signal === 'error' ? classes.flashError : signal === 'success' ? classes.flashSuccess : undefined;
  return (
    <Paper
      p="sm"
      radius="sm"
      className={classes.scanPanel}
      data-signal={signal}
      data-testid="scan-panel"
      component="section"
      aria-label="Scan"
    >
      {/* Keyed by the scan so the flash restarts each time, without remounting the field (and its focus). */}
      <div key={last?.seq ?? 0} className={`${classes.flash} ${flash ?? ''}`} aria-hidden="true" />
      <div className={classes.above}>
        <ScanField />
        <div style={{ marginTop: 8 }}>
          <LastScanLine />
        </div>
      </div>
    </Paper>
  );
}
