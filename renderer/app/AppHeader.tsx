import { Badge, Button, Group, Kbd, Title, Tooltip } from '@mantine/core';
import { UserMenu } from '../features/sign-in/UserMenu.js';
import { SyncAnnouncer, SyncIndicator } from '../features/sync/SyncIndicator.js';
import { useSession } from '../stores/session.js';

export function AppHeader({ onHelp }: { onHelp: () => void }) {
  const session = useSession((s) => s.session);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Title order={1} size="h4" fw={700}>
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
      <Group gap="md" wrap="nowrap">
        <SyncIndicator />
        <SyncAnnouncer />
        <UserMenu />
        <Button variant="subtle" size="compact-sm" color="gray" onClick={onHelp} rightSection={<Kbd size="xs" aria-hidden="true">?</Kbd>}>
          Shortcuts
        </Button>
      </Group>
    </Group>
  );
}
