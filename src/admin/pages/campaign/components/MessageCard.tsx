/** The message as the user's WeChat shows it (the template's title, then each field), before and after sending. */
import { Text, View } from '@tarojs/components';

export function MessageCard(props: { title: string; lines: ReadonlyArray<{ label: string; value: string }> }) {
  return (
    <View className="message-card">
      <Text className="message-card__title">{props.title}</Text>
      {props.lines.map((line) => (
        <View key={line.label} className="message-card__line">
          <Text className="message-card__label">{line.label}</Text>
          <Text className="message-card__value">{line.value}</Text>
        </View>
      ))}
      <View className="message-card__foot">
        <Text className="muted">进入小程序查看详情</Text>
        <Text className="muted">›</Text>
      </View>
    </View>
  );
}
