/** 新建届次: a name and a year; the new edition is chosen for this contest. */
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { editionInput } from '@core/contest/schemas';
import { validate } from '@core/validation';
import { useCloudAction } from '../../../../hooks/useCloudAction';

export function NewEdition({ onCreated }: { onCreated: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [problem, setProblem] = useState<string | null>(null);
  const createAction = useCloudAction('admin.edition.upsert');
  const busy = createAction.busy;
  if (!open) {
    return (
      <Text className="edition-new admin-link" onClick={() => setOpen(true)}>
        新建届次
      </Text>
    );
  }
  const create = async () => {
    if (busy) return;
    createAction.reset();
    const checked = validate(editionInput, { name, year: year.trim() === '' ? undefined : Number(year) });
    if (!checked.ok) {
      setProblem(checked.errors.name ?? checked.errors.year ?? Object.values(checked.errors)[0] ?? '请检查届次信息');
      return;
    }
    setProblem(null);
    const result = await createAction.run(checked.value);
    if (!result) return;
    setOpen(false);
    setName('');
    onCreated(result.id);
  };
  const error = problem ?? createAction.error?.message ?? null;
  return (
    <View className="edition-form">
      <Input
        className="edition-name admin-input"
        value={name}
        maxlength={40}
        placeholder="届次名称，如：第十届"
        onInput={(e) => setName(e.detail.value)}
      />
      <Input
        className="edition-year admin-input"
        type="number"
        value={year}
        maxlength={4}
        placeholder="年份"
        onInput={(e) => setYear(e.detail.value)}
      />
      <Button
        className="edition-create button button--primary"
        size="mini"
        disabled={busy}
        onClick={() => void create()}
      >
        {busy ? '正在创建…' : '创建'}
      </Button>
      <Button className="edition-cancel button" size="mini" disabled={busy} onClick={() => setOpen(false)}>
        取消
      </Button>
      {error ? <View className="edition-error field-error">{error}</View> : null}
    </View>
  );
}
