import { Badge, Tooltip } from '@mantine/core';

/** On an order with changes made here that the shop hasn't confirmed yet. */
export function UnsyncedBadge({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  return (
    <Tooltip label="Changed at this desk; the shop hasn't confirmed it yet. It is kept and sent when the shop answers." withArrow multiline w={260}>
      <Badge size={size} variant="outline" color="orange" radius="sm" style={{ flexShrink: 0 }} data-testid="unsynced-badge">
        Unsynced
      </Badge>
    </Tooltip>
  );
}
