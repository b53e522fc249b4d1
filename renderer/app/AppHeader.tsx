import { Badge, Box, Button, Group, Kbd, Title, Tooltip } from '@mantine/core';
import { UserMenu } from '../features/sign-in/UserMenu.js';
import { SyncAnnouncer, SyncIndicator } from '../features/sync/SyncIndicator.js';
import { useSession } from '../stores/session.js';

export function AppHeader({ onHelp }: { onHelp: () => void }) {
  const session = useSession((s) => s.session);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Title order={1} size="h4" fw={700} style={{ whiteSpace: 'nowrap' }}>
          Order Desk
        </Title>
        {session?.demo && (
          <Tooltip label="These orders are sample data. Nothing here reaches real customers." withArrow>
            <Badge color="orange" variant="filled" size="lg" radius="sm" data-testid="demo-badge">
              Demo data
            </Badge>
          </Tooltip>
        )}
      </Group>
      <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
        <SyncIndicator />
        <SyncAnnouncer />
        <UserMenu />
        {/* The sync line needs the room on a narrow window: the key alone says it there. */}
        <Button
          variant="subtle"
          size="compact-sm"
          color="gray"
          onClick={onHelp}
          aria-label="Shortcuts"
          rightSection={<Kbd size="xs" aria-hidden="true">?</Kbd>}
          style={{ flexShrink: 0 }}
        >
          <Box component="span" visibleFrom="lg">
            Shortcuts
          </Box>
        </Button>
      </Group>
    </Group>
  );
}
