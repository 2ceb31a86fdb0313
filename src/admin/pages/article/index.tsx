/**
 * 文章编辑 (organizers), `?id=<articleId>` to edit, no id to write a new one: title, 栏目, related
 * contest, cover, body, attachments, 置顶 and the publish time in Beijing time; 保存草稿 keeps it from
 * readers, 发布 publishes it, at once or, when the time is in the future, as 定时发布. With no id, the first
 * save creates the article and later saves edit it (its id is kept in the page, the query stays empty).
 *
 * The preview shows the text in the box as it is typed, not a saved copy: saving a published article
 * to see a preview would publish the change. It is built as RichText nodes with the server's allowlist
 * (src/admin/lib/article-html.ts), so nothing typed runs in the organizer's browser, and it names what
 * it leaves out (e.g. 「script」标签, onerror 属性). The server sanitizes again on every save and is the
 * authority: after a save the box holds the stored, cleaned HTML, so what the organizer sees next is
 * what readers get. Images uploaded in this session show from the device; stored ones through the
 * links admin.article.get returns with the article (fileLinks).
 */
import '../../lib/actions';
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
import { ArticleForm } from './components/ArticleForm';
import '../../styles/admin.scss';
import './index.scss';

export default function AdminArticlePage() {
  const access = useAreaAccess('admin');
  const { id: openedId = '' } = usePageParams();
  const contests = useCloudQuery('contest.list', {}, { enabled: access.allowed });
  const existing = useCloudQuery('admin.article.get', { id: openedId }, { enabled: access.allowed && openedId !== '' });
  return (
    <View className="admin-wide">
      <PageShell
        title={openedId === '' ? '写文章' : '编辑文章'}
        {...shellFor(access, contests, openedId !== '' ? existing : null)}
      >
        {contests.data && (openedId === '' || existing.data) ? (
          <ArticleForm
            initial={existing.data?.article ?? null}
            contests={contests.data.items.map((c) => ({ value: c.id, label: c.name }))}
            serverNow={contests.data.now}
          />
        ) : null}
      </PageShell>
    </View>
  );
}
