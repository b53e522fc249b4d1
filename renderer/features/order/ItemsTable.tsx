import { Badge, Table, Text } from '@mantine/core';
import type { OrderDetail } from '../../../shared/contract/index.js';
import { formatMoney } from '../../../shared/domain/money.js';
import { plural } from '../../lib/format.js';

export function ItemsTable({ order }: { order: OrderDetail }) {
  const storeCount = new Set(order.items.map((item) => item.storeId)).size;
  return (
    <>
      <Table striped={false} highlightOnHover withTableBorder verticalSpacing={6} fz="sm">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>SKU</Table.Th>
            <Table.Th ta="right">Qty</Table.Th>
            <Table.Th ta="right">Packed</Table.Th>
            <Table.Th ta="right">Shipped</Table.Th>
            <Table.Th ta="right">Price</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Text size="sm" fw={500} span>
                  {item.title}
                </Text>
                {item.isDigital && (
                  <Badge size="xs" variant="outline" color="violet" ml={6}>
                    Digital
                  </Badge>
                )}
                {item.returnedQuantity > 0 && (
                  <Badge size="xs" variant="light" color="grape" ml={6}>
                    {item.returnedQuantity} returned
                  </Badge>
                )}
                {storeCount > 1 && (
                  <Text size="xs" c="dimmed">
                    {item.storeName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ff="monospace" fz="xs">
                {item.sku}
              </Table.Td>
              <Table.Td ta="right">{item.quantity}</Table.Td>
              <Table.Td ta="right" c={item.isDigital ? 'dimmed' : undefined}>
                {item.isDigital ? '—' : item.packedQuantity}
              </Table.Td>
              <Table.Td ta="right" c={item.isDigital ? 'dimmed' : undefined}>
                {item.isDigital ? '—' : item.fulfilledQuantity}
              </Table.Td>
              <Table.Td ta="right">{formatMoney(item.unitPriceCents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {order.hiddenItemCount > 0 && (
        <Text size="sm" c="dimmed" mt={6}>
          {plural(order.hiddenItemCount, 'item')} from other stores {order.hiddenItemCount === 1 ? 'is' : 'are'} hidden.
        </Text>
      )}
    </>
  );
}
