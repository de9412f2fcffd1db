import { Button, Center, Text } from '@mantine/core';
import { LoadError } from './LoadError';

/** The parts of a paged (infinite) query the footer reads. */
interface PagedList {
  error: unknown;
  isError: boolean;
  isFetchNextPageError: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
  refetch: () => Promise<unknown>;
}

/** Under a paged list: how many are shown (announced), a failed page with Retry, then "Load more". */
export function ListFooter({ list, shown, loadMore }: { list: PagedList; shown: string; loadMore: string }) {
  return (
    <>
      <Text size="sm" mt="xs" role="status">
        {shown}
      </Text>
      {list.isError && (
        <LoadError error={list.error} onRetry={() => void (list.isFetchNextPageError ? list.fetchNextPage() : list.refetch())} />
      )}
      {list.hasNextPage && !list.isError && (
        <Center mt="md">
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {loadMore}
          </Button>
        </Center>
      )}
    </>
  );
}
