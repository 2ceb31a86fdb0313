/** 成绩: no results are published through the API yet; the empty state is the honest answer. */
import { PageShell } from '../../components/PageShell';

export default function ResultsPage() {
  return <PageShell title="成绩公布" empty emptyText="暂无已公布的成绩" />;
}
