/** 新闻: no news action exists yet, so the page says so rather than showing placeholders. */
import { PageShell } from '../../components/PageShell';

export default function NewsPage() {
  return <PageShell title="新闻公告" empty emptyText="暂无新闻公告" />;
}
