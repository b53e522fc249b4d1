import { Paper, Progress, Stack, Text } from '@mantine/core';
import type { SyncStatus } from '../../../shared/contract/index.js';
import { firstPullView } from './status-text.js';

/**
 * The first download of the store from the shop: how much has arrived, how long is left, and
 * what happens if it is cut short, so nobody waits in front of it wondering whether to quit.
 */
export function FirstPullProgress({ firstPull }: { firstPull: NonNullable<SyncStatus['firstPull']> }) {
  const view = firstPullView(firstPull);
  const known = view.percent !== null;
  return (
    <Paper withBorder p="sm" mb="sm" component="section" aria-label="First download of the store" data-testid="first-pull" style={{ flexShrink: 0 }}>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          Downloading this desk's orders from the shop
        </Text>
        <Progress.Root size="lg">
          <Progress.Section
            value={view.percent ?? 100}
            animated={!known}
            withAria={false}
            role="progressbar"
            aria-label="Orders downloaded"
            aria-valuemin={known ? 0 : undefined}
            aria-valuemax={known ? 100 : undefined}
            aria-valuenow={view.percent ?? undefined}
            aria-valuetext={view.text}
          />
        </Progress.Root>
        <Text size="sm" data-testid="first-pull-text">
          {view.text}
        </Text>
        <Text size="xs" c="dimmed">
          You can work with the orders that have arrived. If the download is interrupted (the desk closed, the network
          lost), it resumes where it stopped; nothing received is downloaded again.
        </Text>
      </Stack>
    </Paper>
  );
}
