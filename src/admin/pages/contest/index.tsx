/**
 * 赛事设置 (organizers), `?id=<contestId>` to edit, no id to create: name, kind, edition (with a small
 * 新建届次 form), host region, hosts and organizers, groups, fields and districts, the registration window
 * in Beijing time, stages, rules and awards per group (components/ContestForm.tsx).
 */
import '../../lib/actions';
import { useState } from 'react';
import { View } from '@tarojs/components';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
// The shared components' styles first, in the one order of the admin pages (the subpackage's common
// stylesheet can hold only one); the form's cards import them again, each in its own order.
import '../../components/CheckRow';
import '../../components/ChoiceSelect';
import '../../components/DateTimeField';
import '../../components/FormRow';
import { ContestForm } from './components/ContestForm';
import { draftFromContest, emptyDraft, type ContestDraft } from './contest-form';
import '../../styles/admin.scss';
import './index.scss';

export default function AdminContestPage() {
  const access = useAreaAccess('admin');
  const { id = '' } = usePageParams();
  const contests = useCloudQuery('contest.list', {}, { enabled: access.allowed });
  const existing = useCloudQuery('contest.get', { id }, { enabled: access.allowed && id !== '' });
  const editions = contests.data?.editions ?? [];

  // Untouched, the form shows what is stored (or an empty contest of the newest edition); the first
  // edit takes a copy of that, so a reload of the lists never overwrites typing.
  const [edited, setEdited] = useState<ContestDraft | null>(null);
  const stored =
    id === '' ? emptyDraft(editions[0]?.id ?? '') : existing.data ? draftFromContest(existing.data.contest) : null;
  const draft = edited ?? stored;

  return (
    <View className="admin-wide">
      <PageShell
        title={id === '' ? '新建赛事' : '赛事设置'}
        {...shellFor(access, contests, id !== '' ? existing : null)}
      >
        {draft ? (
          <ContestForm
            id={id}
            draft={draft}
            editions={editions}
            onChange={setEdited}
            onEditionsChanged={contests.reload}
            onSaved={existing.reload}
          />
        ) : null}
      </PageShell>
    </View>
  );
}
