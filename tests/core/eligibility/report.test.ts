import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadCriteria } from '../../../src/eligibility/criteria.ts';
import { evaluate } from '../../../src/eligibility/evaluate.ts';
import { reportDocx, reportMarkdown } from '../../../src/eligibility/report.ts';
import { knowledge } from '../../helpers/conversation.ts';
import { ALL_MET } from './answers.ts';

const kb = knowledge();
const criteria = loadCriteria(kb);
const zh = { verifiedFields: [], locale: 'zh-CN' } as const;
const failing = { ...ALL_MET, '3.1.4': '800万', '3.2.6': '不清楚', '3.3.1': '否' };

/** The visible text of a .docx: the runs of word/document.xml, one paragraph per line. */
async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

describe('report', () => {
  it('should state the verdict, the disclaimer and every criterion with its clause in Markdown', () => {
    const md = reportMarkdown(evaluate(criteria, failing, zh), criteria, kb, 'zh-CN');
    expect(md).toContain('**结论：暂不符合**');
    expect(md).toContain('自测结果仅供参考，不代表认定结论');
    expect(md).toContain('渝经信发〔2017〕139号');
    for (const c of criteria) {
      expect(md).toContain(c.title['zh-CN']);
      expect(md).toContain(`依据：${kb.clause(c.clause)?.label}`);
    }
    expect(md).toContain('❌ 全部组建资金实际投入不低于1000万元（含研发设备投入）');
    expect(md).toContain('❔ 科技人员占企业职工总数的比例不低于30%');
    expect(md).toContain('⚠️ 牵头单位');
    expect(md).toContain('✅ 创新中心是企业法人形态');
    expect(md).toContain('800万元，未达到“不低于1000万元”');
  });

  it('should give advice for every ❌, ❔ and ⚠️ and none for ✅', () => {
    const e = evaluate(criteria, failing, zh);
    const md = reportMarkdown(e, criteria, kb, 'zh-CN');
    for (const c of criteria) {
      const status = e.criteria.find((r) => r.id === c.id)?.status;
      const has = md.includes(c.advice['zh-CN']);
      expect(has, c.id).toBe(status !== 'met');
    }
  });

  it('should list the next steps of 四（一）–四（三）, each citing its clause', () => {
    const md = reportMarkdown(evaluate(criteria, ALL_MET, zh), criteria, kb, 'zh-CN');
    expect(md).toContain('**结论：符合基本条件**');
    for (const label of ['四（一）', '四（二）', '四（三）']) expect(md).toContain(`依据：${label}`);
    for (const words of ['建设方案', '提交市经济信息委', '材料初审、专家论证、现场考核、综合评估', '向社会公示']) {
      expect(md).toContain(words);
    }
    expect(md).toContain('前三年连续给予专项支持');
    expect(md).toContain('每年向市经济信息委报送工作总结');
    expect(md).toContain('每三年定期进行考核评估');
  });

  it('should say 信息不足 when required answers are missing', () => {
    const md = reportMarkdown(evaluate(criteria, {}, zh), criteria, kb, 'zh-CN');
    expect(md).toContain('**结论：信息不足**');
  });

  it('should write the English report with locale en', () => {
    const e = evaluate(criteria, failing, { verifiedFields: [], locale: 'en' });
    const md = reportMarkdown(e, criteria, kb, 'en');
    expect(md).toContain('**Result: does not meet them yet**');
    expect(md).toContain('for reference only');
    expect(md).toContain('Basis: 三（一）4');
    expect(md).toContain('Next steps');
  });

  it('should write a .docx that parses back with the verdict line and every criterion', async () => {
    const bytes = await reportDocx(evaluate(criteria, failing, zh), criteria, kb, 'zh-CN');
    expect(bytes).toBeInstanceOf(Uint8Array);
    // A .docx is a zip file.
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    const text = await docxText(bytes);
    expect(text).toContain('制造业创新中心组建条件自测报告');
    expect(text).toContain('结论：暂不符合');
    expect(text).toContain('自测结果仅供参考，不代表认定结论。');
    for (const c of criteria) {
      expect(text, c.id).toContain(c.title['zh-CN']);
      expect(text, c.id).toContain(`依据：${kb.clause(c.clause)?.label}`);
    }
    expect(text).toContain('800万元，未达到“不低于1000万元”');
    expect(text).toContain('依据：四（三）');
    expect(text).toContain('前三年连续给予专项支持');
  });
});
