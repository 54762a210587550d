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

describe('loadConfig: reminder settings', () => {
  it('should default the reminder settings as the spec documents them', () => {
    const c = loadConfig({});
    expect(c.ANNUAL_SUMMARY_DUE).toBe('01-31');
    expect(c.EVALUATION_EVERY_YEARS).toBe(3);
    expect(c.REMINDER_TIME).toBe('09:00');
    expect(c.REMINDER_STAGES_DAYS).toEqual([30, 7, 1, 0]);
    expect(c.REMINDER_OVERDUE_EVERY_DAYS).toBe(7);
    expect(c.REMINDER_OVERDUE_MAX).toBe(4);
    expect(c.STAFF_CHATS).toEqual([]);
    expect(c.ADMINS).toEqual([]);
  });

  it('should accept a day some year has and reject one no year has', () => {
    expect(loadConfig({ ANNUAL_SUMMARY_DUE: '02-29' }).ANNUAL_SUMMARY_DUE).toBe('02-29');
    expect(loadConfig({ ANNUAL_SUMMARY_DUE: '12-31' }).ANNUAL_SUMMARY_DUE).toBe('12-31');
    for (const bad of ['02-30', '04-31', '13-01', '00-10', '1-31', '01/31', 'Jan 31']) {
      expect(() => loadConfig({ ANNUAL_SUMMARY_DUE: bad }), bad).toThrow(/ANNUAL_SUMMARY_DUE.*MM-DD/);
    }
  });

  it('should read the reminder time, the stages and the overdue cadence, refusing nonsense', () => {
    expect(loadConfig({ REMINDER_TIME: '23:59' }).REMINDER_TIME).toBe('23:59');
    for (const bad of ['24:00', '9:00', '09:60', 'nine']) {
      expect(() => loadConfig({ REMINDER_TIME: bad }), bad).toThrow(/REMINDER_TIME.*HH:MM/);
    }
    expect(loadConfig({ REMINDER_STAGES_DAYS: '0, 7,30,7' }).REMINDER_STAGES_DAYS).toEqual([30, 7, 0]);
    for (const bad of ['30,-1', 'a,b', '30,,7', '1000']) {
      expect(() => loadConfig({ REMINDER_STAGES_DAYS: bad }), bad).toThrow(/REMINDER_STAGES_DAYS/);
    }
    expect(loadConfig({ REMINDER_OVERDUE_MAX: '0' }).REMINDER_OVERDUE_MAX).toBe(0);
    expect(() => loadConfig({ REMINDER_OVERDUE_EVERY_DAYS: '0' })).toThrow(/REMINDER_OVERDUE_EVERY_DAYS/);
    expect(() => loadConfig({ EVALUATION_EVERY_YEARS: '2.5' })).toThrow(/EVALUATION_EVERY_YEARS.*years/);
  });

  it('should read staff chats and admins as validated reference lists', () => {
    const c = loadConfig({ STAFF_CHATS: 'telegram:-1001234, slack:C0123,console:local', ADMINS: 'telegram:42' });
    expect(c.STAFF_CHATS).toEqual(['telegram:-1001234', 'slack:C0123', 'console:local']);
    expect(c.ADMINS).toEqual(['telegram:42']);
    expect(() => loadConfig({ STAFF_CHATS: 'telegram:1,whatsapp:2' })).toThrow(/STAFF_CHATS.*whatsapp:2/);
    expect(() => loadConfig({ ADMINS: '42' })).toThrow(/ADMINS.*not a user reference/);
  });
});

describe('loadConfig: Telegram settings', () => {
  it('should read the API root without its trailing slash and refuse a non-URL', () => {
    expect(loadConfig({}).TELEGRAM_API_ROOT).toBeUndefined();
    expect(loadConfig({ TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' }).TELEGRAM_API_ROOT).toBe('http://127.0.0.1:8081');
    expect(() => loadConfig({ TELEGRAM_API_ROOT: 'api.telegram.org' })).toThrow(/TELEGRAM_API_ROOT.*URL/);
    expect(() => loadConfig({ TELEGRAM_API_ROOT: 'ftp://x.example' })).toThrow(/TELEGRAM_API_ROOT/);
  });

  it('should require a well-formed secret with the webhook URL', () => {
    const url = 'https://bot.example.cn/telegram/hook';
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_URL: url })).toThrow(/TELEGRAM_WEBHOOK_SECRET is required/);
    for (const bad of ['has space', 'x'.repeat(257), 'ä', 'a/b']) {
      expect(() => loadConfig({ TELEGRAM_WEBHOOK_URL: url, TELEGRAM_WEBHOOK_SECRET: bad }), bad).toThrow(
        /TELEGRAM_WEBHOOK_SECRET.*A–Z/,
      );
    }
    const c = loadConfig({ TELEGRAM_WEBHOOK_URL: url, TELEGRAM_WEBHOOK_SECRET: 'aB3_-' });
    expect(c.TELEGRAM_WEBHOOK_URL).toBe(url);
    expect(c.TELEGRAM_WEBHOOK_SECRET).toBe('aB3_-');
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_URL: 'not a url', TELEGRAM_WEBHOOK_SECRET: 'abc' })).toThrow(
      /TELEGRAM_WEBHOOK_URL/,
    );
  });

  it('should default the dedupe window to 24 hours and refuse nonsense', () => {
    expect(loadConfig({}).DEDUPE_TTL_HOURS).toBe(24);
    expect(loadConfig({ DEDUPE_TTL_HOURS: '48' }).DEDUPE_TTL_HOURS).toBe(48);
    for (const bad of ['0', '1.5', 'day']) {
      expect(() => loadConfig({ DEDUPE_TTL_HOURS: bad }), bad).toThrow(/DEDUPE_TTL_HOURS.*hours/);
    }
  });
});
