/**
 * 隐私保护提示: shown over the page while a privacy API waits for the user's agreement (services/privacy.ts).
 * 同意 is WeChat's `agreePrivacyAuthorization` button (the only way WeChat accepts an agreement); 不同意 lets the
 * waiting call fail, which the page then says in its words. Nothing on H5: the browser asks for itself.
 */
import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { AGREE_BUTTON_ID, answerPrivacy, followPrivacy, openPrivacyGuide, privacyShown } from '../../services/privacy';
import './index.scss';

export function PrivacyPrompt() {
  const [waiting, setWaiting] = useState(false);
  useEffect(() => followPrivacy(setWaiting), []);
  useEffect(() => {
    if (waiting) privacyShown();
  }, [waiting]);
  if (!waiting || process.env.TARO_ENV === 'h5') return null;
  return (
    <View className="privacy-prompt">
      <View className="pp-card">
        <View className="pp-title">隐私保护提示</View>
        <View className="pp-text">
          选择文件、照片，复制或填写昵称前，请阅读并同意
          <Text className="privacy-prompt__link" onClick={openPrivacyGuide}>
            《隐私保护指引》
          </Text>
          。不同意仍可浏览。
        </View>
        <View className="pp-actions">
          <Button className="privacy-refuse button" onClick={() => answerPrivacy(false)}>
            不同意
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            className="privacy-agree button button--primary"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => answerPrivacy(true)}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}
