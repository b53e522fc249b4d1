import { Paper, Text, Timeline as MantineTimeline } from '@mantine/core';
import type { OrderDetail } from '../../../shared/contract/index.js';
import { formatDateTime, formatRelative } from '../../lib/format.js';
import classes from './order.module.css';
import { describeEvent, type TimelineText } from './timeline-text.js';

const BULLET_COLOR: Record<TimelineText['tone'], string> = {
  default: 'gray',
  success: 'teal',
  warning: 'orange',
  danger: 'red',
  note: 'blue',
};

export function Timeline({ order }: { order: OrderDetail }) {
  const events = [...order.events].sort((a, b) => b.at - a.at || b.id - a.id);
  const titles = new Map(order.items.map((item) => [item.id, item.title]));
  return (
    <section aria-label="Timeline">
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing has happened to this order yet.
        </Text>
      ) : (
        <MantineTimeline bulletSize={12} lineWidth={2} active={-1} classNames={{ item: classes.timelineItem }}>
          {events.map((event) => {
            const text = describeEvent(event, titles);
            return (
              <MantineTimeline.Item
                key={event.id}
                color={BULLET_COLOR[text.tone]}
                bullet={<span style={{ display: 'block', width: 6, height: 6, borderRadius: 3, background: `var(--mantine-color-${BULLET_COLOR[text.tone]}-6)` }} />}
                data-kind={event.kind}
              >
                <Text size="sm">
                  <Text span fw={600} size="sm">
                    {event.actorName}
                  </Text>{' '}
                  {text.title}
                </Text>
                {text.body !== undefined && (
                  <Paper bg={text.tone === 'note' ? 'blue.0' : 'orange.0'} px="xs" py={4} mt={4} radius="sm">
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {text.body}
                    </Text>
                  </Paper>
                )}
                <Text size="xs" c="dimmed" mt={2}>
                  {event.stationName ? `${event.stationName} · ` : ''}
                  <time dateTime={new Date(event.at).toISOString()}>
                    {formatRelative(event.at)} ({formatDateTime(event.at)})
                  </time>
                </Text>
              </MantineTimeline.Item>
            );
          })}
        </MantineTimeline>
      )}
    </section>
  );
}
