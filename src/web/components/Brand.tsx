import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';

/** The product name, linking home. "Peikly" is never translated. */
export function Brand() {
  return (
    <Anchor component={Link} to="/" underline="never" c="blue.9" fw={700} fz="lg">
      <Group gap={6} wrap="nowrap">
        <img src="/favicon.svg" alt="" width={24} height={24} />
        <span>Peikly</span>
      </Group>
    </Anchor>
  );
}
