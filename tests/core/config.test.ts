import { describe, expect, it } from 'vitest';
import { ConfigError, hasPlatformToken, loadConfig } from '../../src/index.ts';

describe('loadConfig', () => {
  it('should apply the documented defaults to an empty environment', () => {
    const c = loadConfig({});
    expect(c.STORE_URL).toBe('sqlite://./data/bot.sqlite');
    expect(c.PORT).toBe(8080);
    expect(c.LANG_DEFAULT).toBe('zh-CN');
    expect(c.DIALOG_TTL_DAYS).toBe(90);
    expect(hasPlatformToken(c)).toBe(false);
  });

  it('should name the variable and the accepted values when one is wrong', () => {
    expect(() => loadConfig({ LANG_DEFAULT: 'fr' })).toThrow(ConfigError);
    expect(() => loadConfig({ LANG_DEFAULT: 'fr' })).toThrow(/LANG_DEFAULT.*zh-CN or en/);
    expect(() => loadConfig({ PORT: '99999' })).toThrow(/PORT/);
    for (const bad of ['0', '-5', '1e309', 'NaN', '2.5', 'ninety']) {
      expect(() => loadConfig({ DIALOG_TTL_DAYS: bad }), bad).toThrow(/DIALOG_TTL_DAYS.*days/);
    }
    expect(loadConfig({ DIALOG_TTL_DAYS: '30' }).DIALOG_TTL_DAYS).toBe(30);
  });

  it('should treat an empty or blank token as not set', () => {
    expect(hasPlatformToken(loadConfig({ TELEGRAM_BOT_TOKEN: '' }))).toBe(false);
    expect(hasPlatformToken(loadConfig({ TELEGRAM_BOT_TOKEN: '   ' }))).toBe(false);
    expect(hasPlatformToken(loadConfig({ TELEGRAM_BOT_TOKEN: '123:abc' }))).toBe(true);
  });
});
