import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  MAX_MESSAGE_LENGTH,
  renderKeyboard,
  renderReply,
  splitText,
} from '../../../adapters/telegram/index.ts';
import { parseTelegramHtml } from './fake-bot-api.ts';

describe('telegram render', () => {
  it('should escape markup and entities so any text parses back to itself', () => {
    const text = '<b>x</b> & "引号" a<b & c>d &amp;';
    const html = escapeHtml(text);
    expect(html).toBe('&lt;b&gt;x&lt;/b&gt; &amp; &quot;引号&quot; a&lt;b &amp; c&gt;d &amp;amp;');
    expect(parseTelegramHtml(html)).toBe(text);
  });

  it('should leave short text whole and split long text at clause, then line, then sentence boundaries', () => {
    expect(splitText('短文本')).toEqual(['短文本']);
    const clause = (n: number) =>
      `${n}. ${'创新中心的年度研发费用总额占成本费用支出总额的比例应不低于30%。'.repeat(20)}`;
    const text = Array.from({ length: 12 }, (_, i) => clause(i + 1)).join('\n\n');
    expect(text.length).toBeGreaterThan(MAX_MESSAGE_LENGTH);
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      expect(p).toMatch(/^\d+\. /); // every piece starts at a clause
    }
    expect(parts.join('\n\n')).toBe(text);

    const oneLine = '这是一句话。'.repeat(1000);
    const sentences = splitText(oneLine);
    for (const p of sentences) {
      expect(p.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      expect(p.endsWith('。')).toBe(true);
    }
    expect(sentences.join('')).toBe(oneLine);
  });

  it('should never cut a surrogate pair when it must cut hard', () => {
    const emoji = '😀'.repeat(3000);
    const parts = splitText(emoji);
    expect(parts.join('')).toBe(emoji);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    for (const p of parts) expect(/^[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(p)).toBe(true);
  });

  it('should put the keyboard on the last message of a split reply, short labels side by side', () => {
    const reply = {
      text: `${'甲'.repeat(4000)}\n${'乙'.repeat(500)}`,
      choices: [
        { label: '是', value: 'elig:a:1:0' },
        { label: '否', value: 'elig:a:1:1' },
        { label: '不清楚', value: 'elig:a:1:2' },
        { label: '三（二）7 创新中心的年度研发费用总额占成本费用…', value: 'clause:yjxf-2017-139/3.2.7' },
      ],
    };
    const rendered = renderReply(reply);
    expect(rendered.messages).toHaveLength(2);
    expect(rendered.messages[0]?.keyboard).toBeUndefined();
    expect(rendered.messages[1]?.keyboard?.inline_keyboard).toEqual([
      [
        { text: '是', callback_data: 'elig:a:1:0' },
        { text: '否', callback_data: 'elig:a:1:1' },
        { text: '不清楚', callback_data: 'elig:a:1:2' },
      ],
      [{ text: '三（二）7 创新中心的年度研发费用总额占成本费用…', callback_data: 'clause:yjxf-2017-139/3.2.7' }],
    ]);
    expect(renderKeyboard([{ label: 'x', value: 'long' }], () => '~t').inline_keyboard[0]?.[0]).toEqual({
      text: 'x',
      callback_data: '~t',
    });
  });
});
