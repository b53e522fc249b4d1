import { Badge, Button, Group, Kbd, Text, Title, Tooltip } from '@mantine/core';
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
        {session && (
          <Text size="sm" data-testid="session-info">
            <Text span fw={600} size="sm">
              {session.user.name}
            </Text>{' '}
            <Text span c="dimmed" size="sm">
              ({session.user.role === 'admin' ? 'Admin' : 'Seller'}) · Station {session.station.name}
            </Text>
          </Text>
        )}
        <Button variant="subtle" size="compact-sm" color="gray" onClick={onHelp} rightSection={<Kbd size="xs" aria-hidden="true">?</Kbd>}>
          Shortcuts
        </Button>
      </Group>
    </Group>
  );
}
