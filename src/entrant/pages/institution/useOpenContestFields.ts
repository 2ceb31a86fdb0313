import { useEffect, useState } from 'react';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { callCloud } from '../../../services/cloud';

/** The industry fields of every contest open for sign-up now; contest.list has no fields, so one contest.get each. */
export function useOpenContestFields(enabled: boolean): string[] {
  const list = useCloudQuery('contest.list', {}, { enabled });
  const [fields, setFields] = useState<string[]>([]);
  useEffect(() => {
    const open = (list.data?.items ?? []).filter((c) => c.registration.status === 'open');
    if (open.length === 0) return;
    let current = true;
    Promise.allSettled(open.map((c) => callCloud('contest.get', { id: c.id }))).then((answers) => {
      const all = answers.flatMap((a) => (a.status === 'fulfilled' ? a.value.contest.fields : []));
      if (current) setFields([...new Set(all)]);
    });
    return () => {
      current = false;
    };
  }, [list.data]);
  return fields;
}
