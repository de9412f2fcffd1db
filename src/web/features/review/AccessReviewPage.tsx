import { Alert, Anchor, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccessReview } from '../../../shared/review.js';
import type { Member } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useDialog } from '../../components/useDialog';
import { useCurrentMe } from '../auth/session';
import { AdminOnly } from '../settings/AdminOnly';
import { BulkDeactivateDialog } from './BulkDeactivateDialog';
import { ExpiringSoon } from './ExpiringSoon';
import { GROUP_ORDER, selectableGroup } from './groups';
import { useAccessReview } from './reviewApi';
import { ReviewGroupSection } from './ReviewGroupSection';
import { ReviewSummary } from './ReviewSummary';

/** Settings → Access review (CompanyAdmin only): who has access, who has not used it, and cleanup. */
export function AccessReviewPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('admin.review.title')} message={t('admin.review.adminOnly')}>
      <Review />
    </AdminOnly>
  );
}

function Review() {
  const { t } = useTranslation();
  const review = useAccessReview();
  return (
    <>
      <PageHeader title={t('admin.review.title')} description={t('admin.review.intro')} />
      {review.isPending ? (
        <Stack gap="md" role="status" aria-label={t('admin.review.loading')}>
          <Skeleton height={90} />
          <Skeleton height={200} />
        </Stack>
      ) : review.isError ? (
        <LoadError error={review.error} onRetry={() => void review.refetch()} />
      ) : (
        <ReviewBody review={review.data} />
      )}
    </>
  );
}

function ReviewBody({ review }: { review: AccessReview }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const confirm = useDialog<Member[]>();

  // Members who can be chosen, by id; a selection keeps only those still listed after a reload.
  const selectable = useMemo(() => {
    const byId = new Map<string, Member>();
    for (const group of GROUP_ORDER) {
      if (!selectableGroup(group)) continue;
      for (const m of review.groups[group]) if (m.id !== me.user.id) byId.set(m.id, m);
    }
    return byId;
  }, [review, me.user.id]);
  const chosen = [...selected].map((id) => selectable.get(id)).filter((m): m is Member => m !== undefined);

  const toggle = (ids: string[], checked: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      for (const id of ids) {
        if (checked) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  return (
    <>
      {review.singleAdminWarning && (
        <Alert color="orange" variant="light" c="dark.9" mb="lg" title={t('admin.review.singleAdmin.title')}>
          <Text size="sm">{t('admin.review.singleAdmin.body')}</Text>
          <Anchor component={Link} to="/settings/users" size="sm" fw={600} c="blue.9">
            {t('admin.review.singleAdmin.action')}
          </Anchor>
        </Alert>
      )}
      <ReviewSummary review={review} />
      <ExpiringSoon expiring={review.expiringSoon} />
      <Paper
        withBorder
        shadow="sm"
        p="sm"
        radius="md"
        mb="lg"
        pos="sticky"
        top={68}
        style={{ zIndex: 2 }}
        role="region"
        aria-label={t('admin.review.selectionLabel')}
      >
        <Group justify="space-between" gap="sm">
          <Text size="sm" fw={600} role="status">
            {t('admin.review.selectedCount', { count: chosen.length })}
          </Text>
          <Group gap="sm">
            {chosen.length > 0 && (
              <Button variant="default" size="sm" onClick={() => setSelected(new Set())}>
                {t('admin.review.clearSelection')}
              </Button>
            )}
            <Button color="red.9" size="sm" disabled={chosen.length === 0} onClick={() => confirm.open(chosen)}>
              {t('admin.review.deactivateSelected')}
            </Button>
          </Group>
        </Group>
      </Paper>
      {GROUP_ORDER.map((group) => (
        <ReviewGroupSection
          key={group}
          group={group}
          count={review.counts[group]}
          members={review.groups[group]}
          selfId={me.user.id}
          selected={selected}
          onToggle={toggle}
        />
      ))}
      <BulkDeactivateDialog
        members={confirm.target ?? []}
        opened={confirm.opened}
        version={confirm.version}
        onClose={confirm.close}
        onDone={(ids) => toggle(ids, false)}
      />
    </>
  );
}
