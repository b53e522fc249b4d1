import { Badge, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { ImportReport } from '../../../shared/contract/index.js';
import { plural } from '../../lib/format.js';
import { filterReportRows, type ReportFilter } from './csv-file.js';
import classes from './bulk.module.css';

const ROW_ESTIMATE = 30;

const STATUS_BADGE: Readonly<Record<ImportReport['rows'][number]['status'], { label: string; color: string }>> = {
  applied: { label: 'Applied', color: 'teal' },
  refused: { label: 'Refused', color: 'red' },
  not_reached: { label: 'Not reached', color: 'gray' },
};

function summarySentence(report: ImportReport): string {
  const shipped = `${plural(report.applied, 'order')} marked shipped.`;
  if (report.refused === 0) return report.notReached === 0 ? `Every line was applied: ${shipped}` : shipped;
  const them = report.refused === 1 ? 'it' : 'them';
  return `${shipped} ${plural(report.refused, 'line')} refused, and nothing was changed for ${them}; fix ${them} and import just those lines again.`;
}

/** Which lines a stopped import never got to, as the person can look them up in the file. */
function notReachedSentence(report: ImportReport): string {
  const lines = report.rows.filter((row) => row.status === 'not_reached').map((row) => row.line);
  if (lines.length === 0) return 'The import was stopped after its last line; every line was read.';
  const range = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines[0]} to ${lines.at(-1)}`;
  return `The import was stopped: ${range} (${plural(lines.length, 'line')}) were not reached and nothing was done with them. The lines before were applied or refused as listed.`;
}

/** An import's outcome, line by line; a long report scrolls as fast as a short one. */
export function ImportReportView({ report, onAnother, onDone }: { report: ImportReport; onAnother: () => void; onDone: () => void }) {
  const [filter, setFilter] = useState<ReportFilter>('all');
  const rows = filterReportRows(report, filter);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
    getItemKey: (index) => rows[index]?.line ?? index,
  });

  return (
    <Stack gap="sm" data-testid="import-report">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {report.fileName}
          </Text>
          <Badge color="teal" variant="light" data-testid="import-applied">
            {plural(report.applied, 'shipped', 'shipped')}
          </Badge>
          <Badge color={report.refused > 0 ? 'red' : 'gray'} variant="light" data-testid="import-refused">
            {plural(report.refused, 'refused', 'refused')}
          </Badge>
          {report.notReached > 0 && (
            <Badge color="gray" variant="light" data-testid="import-not-reached">
              {plural(report.notReached, 'not reached', 'not reached')}
            </Badge>
          )}
        </Group>
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(value) => setFilter(value as ReportFilter)}
          data={[
            { value: 'all', label: `All lines (${report.rows.length})` },
            { value: 'refused', label: `Refused only (${report.refused})` },
          ]}
          aria-label="Show lines"
        />
      </Group>
      {report.cancelled && (
        <Text size="sm" fw={600} data-testid="import-cancelled">
          {notReachedSentence(report)}
        </Text>
      )}
      <Text size="sm">
        {summarySentence(report)}
      </Text>

      <div className={classes.reportHead} aria-hidden="true">
        <span>Line</span>
        <span>Order</span>
        <span>Result</span>
        <span>Message</span>
      </div>
      <div ref={scrollRef} className={classes.reportList} role="table" aria-label="Import report" tabIndex={0}>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            {filter === 'refused' ? 'No line was refused.' : 'The file had no lines to import.'}
          </Text>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  className={classes.reportRow}
                  style={{ transform: `translateY(${item.start}px)` }}
                  role="row"
                  data-testid="import-row"
                  data-status={row.status}
                >
                  <span role="cell" className={classes.num}>
                    {row.line}
                  </span>
                  <span role="cell" className={classes.order}>
                    {row.orderNumber ?? '—'}
                  </span>
                  <span role="cell">
                    <Badge size="xs" variant="light" color={STATUS_BADGE[row.status].color}>
                      {STATUS_BADGE[row.status].label}
                    </Badge>
                  </span>
                  <span role="cell">{row.message}</span>
                </div>
              );
            })}
          </div>
        )}
      </div>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onAnother}>
          Import another file
        </Button>
        <Button onClick={onDone} data-autofocus>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
