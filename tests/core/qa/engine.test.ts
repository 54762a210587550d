import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../../src/messages/index.ts';
import { createQaEngine, extractListItems, toAskJson } from '../../../src/qa/index.ts';
import { qaReply } from '../../../src/qa/reply.ts';
import { knowledge } from '../../helpers/conversation.ts';

const kb = knowledge();
const qa = createQaEngine(kb);
const own = readFileSync(new URL('../../qa/questions.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; q: string; gold: string[]; type: string });

describe('Q&A engine', () => {
  it('should answer 研发费用占比 from 三（二）7', () => {
    const r = qa.ask('研发费用占比有什么要求');
    expect(r.abstained).toBe(false);
    expect(r.answers[0]?.clause.id).toBe('3.2.7');
  });

  it('should cut every lead from its clause text, never compose one', () => {
    let leads = 0;
    for (const item of own) {
      const r = qa.ask(item.q);
      if (!r.lead) continue;
      leads++;
      expect(r.answers[0]?.clause.text.includes(r.lead), `${item.id}: ${r.lead}`).toBe(true);
    }
    expect(leads).toBeGreaterThan(5);
  });

  it('should lead with the figure when a figure is asked and the clause states it', () => {
    expect(qa.ask('组建资金最少要投入多少钱').lead).toContain('1000万元');
    expect(qa.ask('研发人员占职工总数的比例要多少').lead).toContain('30%');
    expect(qa.ask('多久考核评估一次').lead).toContain('每三年');
  });

  it('should list the priority fields as items of 三（四）', () => {
    const r = qa.ask('重点领域有哪些');
    expect(r.answers[0]?.clause.id).toBe('3.4');
    expect(r.items).toContain('集成电路');
    expect(r.items).toContain('生物医药');
    for (const item of r.items ?? []) expect(kb.clause('3.4')?.text).toContain(item);
  });

  it('should abstain on a question the plan has nothing about', () => {
    for (const q of [
      '重庆明天会下雨吗？',
      '怎么用Python读取Excel文件？',
      '个人所得税怎么汇算',
      '重庆市2017年的地区生产总值是多少？',
    ]) {
      const r = qa.ask(q);
      expect(r.abstained, q).toBe(true);
      expect(r.answers).toEqual([]);
    }
  });

  it('should tell a pinyin typo of the plan words from an unrelated word that only sounds like one', () => {
    const typo = qa.ask('考核评古多久一次');
    expect(typo.answers[0]?.clause.id).toBe('4.3');
    // 手机 sounds like a pair of the plan (shou ji) but shares no character with it.
    const r = qa.ask('推荐部手机');
    expect(r.abstained).toBe(true);
    expect(r.reason).toBe('unknown_terms');
    // A short question made mostly of a typo (烤评 for 考评) is read by its sound, not diluted by it.
    expect(qa.ask('多久烤评一回嘛').answers[0]?.clause.id).toBe('4.3');
  });

  it('should abstain on a near miss and name the nearest clause as a suggestion', () => {
    const r = qa.ask('认定后的专项支持资金具体给多少钱？');
    expect(r.abstained).toBe(true);
    expect(r.reason).toBe('detail_missing');
    expect(r.suggestions.map((c) => c.id)).toContain('4.2');
    const json = toAskJson(r, false);
    expect(json.answers).toEqual([]);
    expect(json.suggestions).toContain('4.2');
  });

  it('should abstain on a scope the plan leaves open even when a neighbouring clause ranks first', () => {
    const r = qa.ask('外资控股的企业可以作为创新中心的牵头单位吗？');
    expect(r.abstained).toBe(true);
    expect(r.suggestions.map((c) => c.id)).toContain('3.3.1');
  });

  it('should answer a question in two parts by the part the plan settles, and abstain when it settles none', () => {
    const r = qa.ask('专项支持给几年，每年多少钱？');
    expect(r.answers[0]?.clause.id).toBe('4.2');
    expect(r.lead).toContain('前三年');
    const background = qa.ask('我们计划联合几家企业组建创新中心，请问组建资金最低要投入多少？');
    expect(background.answers[0]?.clause.id).toBe('3.1.4');
    expect(background.lead).toContain('1000万元');
    expect(qa.ask('公示几天，期间有没有异议处理的时限？').abstained).toBe(true);
  });

  it('should abstain on a definition the plan does not give, but answer what it asks the parties to settle', () => {
    for (const q of ['中小企业咋界定', '科技人员的含义是什么']) {
      const r = qa.ask(q);
      expect(r.abstained, q).toBe(true);
      expect(r.asked?.kind, q).toBe('definition');
    }
    expect(qa.ask('成员单位的责权利怎么界定').answers[0]?.clause.id).toBe('3.2.2');
  });

  it('should abstain on the specifics of rules the plan leaves to a later document, naming that clause', () => {
    const r = qa.ask('考核评估具体有哪些指标，怎么打分？');
    expect(r.abstained).toBe(true);
    expect(r.suggestions[0]?.id).toBe('4.3');
    // Whether such rules exist is what the clause does say (另行制定).
    expect(qa.ask('考核评估有没有具体办法？').answers[0]?.clause.id).toBe('4.3');
    expect(qa.ask('考核评估多少分算及格？').abstained).toBe(true);
    // Failing is a consequence the clause states.
    expect(qa.ask('考评不及格要被停多久').lead).toContain('三年内不再纳入');
    // 打分 stands for the evaluation itself: how often it comes, and what failing it brings, are stated.
    const often = qa.ask('市经信委隔多久来检查打分一次？');
    expect(often.abstained).toBe(false);
    expect(often.lead).toContain('每三年');
    expect(qa.ask('中心要是在定期打分里没过关，会落个什么下场？').answers[0]?.clause.id).toBe('4.3');
    expect(qa.ask('考核评估打分的标准是啥').abstained).toBe(true);
  });

  it('should answer a question whose background only tells of a subject the plan never touches', () => {
    const r = qa.ask('我们公司去年贷款扩了产线，研发人员要占多少比例？');
    expect(r.abstained).toBe(false);
    expect(r.answers[0]?.clause.id).toBe('3.2.6');
    expect(qa.ask('我们公司想贷款，研发人员要占多少比例？').reason).toBe('uncovered_topic');
    // A partner in another city is no other city's policy.
    expect(qa.ask('我们想联合北京的高校一起搞创新中心，可以不？').abstained).toBe(false);
  });

  it('should quote a question typed after a space that the plan never touches as left open', () => {
    const r = toAskJson(qa.ask('组建资金最低多少 能分期交吗'), false);
    expect(r.answers[0]?.clause).toBe('3.1.4');
    expect(r.lead).toContain('1000万元');
    expect(r.openParts).toEqual(['能分期交吗']);
  });

  it('should read an A-not-A question (认不认) as yes or no, and 好久考核一回 as how often', () => {
    const shares = qa.ask('有家成员单位想拿几项发明专利作价入股，不出现金，这种方式认不认？');
    expect(shares.abstained).toBe(false);
    expect(shares.answers[0]?.clause.id).toBe('3.1.4');
    const often = qa.ask('认定了是不是就一劳永逸了？好久考核一回嘛？');
    expect(often.answers[0]?.clause.id).toBe('4.3');
    expect(often.lead).toContain('每三年');
  });

  it('should read a center run by one person alone (一个人说了算) as a question on its board', () => {
    expect(qa.ask('中心由某高校课题组长一个人说了算，没设董事会，这符合运行要求吗？').answers[0]?.clause.id).toBe(
      '3.2.1',
    );
  });

  it('should abstain on subjects the plan never touches, whatever else the question names', () => {
    for (const q of [
      '认定为市级创新中心后能享受什么税收减免？',
      '专利许可转让的收益怎么纳税？',
      '公司想注册商标去哪申请',
      // Labour matters and permits for a plant: the staff and the plant are the plan's words, the topic is not.
      '中心的员工辞职了，经济补偿怎么算？',
      '新厂房的环评要找谁批',
      '牵头公司的营业执照咋个办理？',
      // Filing changes after recognition, or where a company must be registered: the plan is silent.
      '创新中心认定以后如果股东发生变更，需要向市经济信息委备案吗？',
      '牵头单位是不是必须是在重庆注册的企业，外地企业能牵头吗？',
      '中心认定以后，如果有股东想退出，需不需要报市经信委批准？',
      // Foreign ownership, and one company in several centers: the plan says nothing of either.
      '外资控股的企业能不能当创新中心的牵头单位？',
      '同一家企业最多可以牵头组建几家市级制造业创新中心？',
      // Another city's policy.
      '成都有没有类似的市级制造业创新中心认定政策？',
      // The plan says what follows a failed evaluation (三年内不再纳入), never that support is paid back.
      '考核评估不合格的话，之前拿到的专项资金要不要退回去？',
      'What tax benefits do recognised innovation centers enjoy?',
      'How do we open a capital account for the center company?',
    ]) {
      const r = qa.ask(q);
      expect(r.abstained, q).toBe(true);
      expect(r.reason, q).toBe('uncovered_topic');
    }
  });

  it('should not answer a figure with one of another kind: granted vs invested money, per unit vs total, shares', () => {
    // The plan states what members invest (1000万元), never what the government grants.
    expect(qa.ask('组建资金最少要投入多少钱').lead).toContain('1000万元');
    expect(qa.ask('培育这些中心市财政总共投入多少钱？').abstained).toBe(true);
    expect(qa.ask('How much must the members invest to set up a center?').lead).toContain('1000万元');
    expect(qa.ask('How much funding does each center get after recognition?').abstained).toBe(true);
    // 10-15个 is a total, not a number per field.
    expect(qa.ask('每个重点领域各培育几个创新中心？').abstained).toBe(true);
    expect(qa.ask('股东里高校能占多大股份？').abstained).toBe(true);
    expect(qa.ask('2020年以后的建设目标是什么？').abstained).toBe(true);
    // A time limit is not answered by 持续 or 长期; a fund's size is an amount.
    expect(qa.ask('组建资金要多长时间内到位？').abstained).toBe(true);
    expect(qa.ask('市里配套的扶持资金规模有多大？').abstained).toBe(true);
  });

  it('should not name organisations or the present state, which a 2017 plan cannot', () => {
    for (const q of [
      '目前已经认定的市级制造业创新中心有哪些？',
      '现在已经认定的市级创新中心有哪几家？',
      '建设目标中提到的1-2家国家级中心是哪两家？',
      // What was done in a year after the plan came out.
      '我是记者，想问下2018年第一批认定了哪几家中心？',
    ]) {
      expect(qa.ask(q).reason, q).toBe('current_state');
    }
    // A target year the plan sets is no later state.
    expect(qa.ask('我们单位参考了本方案，方案提出到2020年要培育多少个市级创新中心？').answers[0]?.clause.id).toBe(
      '1.2',
    );
    // It does name the programme it relies on.
    expect(qa.ask('方案提到的海外英才计划叫什么名字？').answers[0]?.clause.id).toBe('5.4');
  });

  it('should read a question word after 不管/无论/不看 as asking nothing', () => {
    for (const q of [
      '无论成员单位出资多少，专利收益都平均分，这样行不行',
      '专利收益打算平均分，不看各自投了多少，符合方案吗？',
    ]) {
      const r = qa.ask(q);
      expect(r.abstained, q).toBe(false);
      expect(r.answers[0]?.clause.id, q).toBe('3.2.9');
    }
  });

  it('should abstain on the criteria of a term the plan uses without defining', () => {
    const r = qa.ask('“优秀创新型企业”具体按什么标准来评判？');
    expect(r).toMatchObject({ abstained: true, reason: 'detail_missing' });
    expect(r.suggestions[0]?.id).toBe('3.1.2');
  });

  it('should read whom a yes/no question brings in (拉几家) as several, not as asking how many', () => {
    const r = qa.ask('依托公司的股东里头，要不要拉几家同行业的创新型企业进来？');
    expect(r.abstained).toBe(false);
    expect(r.answers[0]?.clause.id).toBe('3.1.2');
    // Without the yes/no form it asks how many, which the plan does not say.
    expect(qa.ask('要找几家单位？').abstained).toBe(true);
  });

  it('should read who has the final say (拍板) and writing the plan (动笔写方案) through the glossary', () => {
    expect(qa.ask('最后谁拍板？').answers[0]?.clause.id).toBe('4.2');
    // The research direction keeps its own clause, whoever decides it.
    expect(qa.ask('研究方向最后谁拍板？').answers[0]?.clause.id).toBe('3.2.5');
    expect(qa.ask('应该先跟合作伙伴签合作协议，还是先动笔写建设方案？').answers[0]?.clause.id).toBe('4.1');
    expect(qa.ask('我们写中心筹建的方案，里头需要讲清楚哪些东西？').answers[0]?.clause.id).toBe('4.1');
  });

  it('should read figurative wording through the glossary (扶上马送一程, 把舵, 总方向盘)', () => {
    expect(qa.ask('区县对这些中心要“扶上马送一程”，具体能在哪些方面搭把手？').answers[0]?.clause.id).toBe('5.2');
    expect(qa.ask('中心的研究往哪个方向使劲，由谁来把舵？').answers[0]?.clause.id).toBe('3.2.5');
    expect(qa.ask('整个工程的“总方向盘”是啥？在创新这件事上，到底谁是主角？').answers[0]?.clause.id).toBe('1.1');
  });

  it('should read an approximate number (十几家) as the asker describing itself, not as asking for a list', () => {
    const own = qa.ask('我们这个联盟目前就二十几家企业，还没有科研院所，够条件吗？');
    expect(own.abstained).toBe(false);
    expect(own.answers[0]?.clause.id).toBe('3.1.3');
    expect(qa.ask('现在一共认定了几家市级创新中心？').reason).toBe('current_state');
    // 好几年, 这几个: a few, said of the asker's own situation.
    const alliance = qa.ask('我们想依托一个已经成立好几年的产业技术创新联盟来建中心，不重新组联盟，可以吗？');
    expect(alliance.abstained).toBe(false);
    expect(alliance.answers[0]?.clause.id).toBe('2.4');
    expect(qa.ask('要几年才能拿到支持').asked?.kind).toBe('duration');
  });

  it('should read 几 before a subject that acts together or opens a background piece as "several"', () => {
    // 几个部门会一起管 asks whether departments cooperate (五（一）), not how many (一行业一中心, 五（二）).
    expect(qa.ask('市里几个部门会一起抓创新中心这件事吗？').answers[0]?.clause.id).toBe('5.1');
    expect(qa.ask('市里头几个部门之间是咋个配合推这个创新中心的？').answers[0]?.clause.id).toBe('5.1');
    // 我们几家…合伙: the partners; 起步得砸多少钱 asks the founding capital, nothing left open.
    const start = toAskJson(qa.ask('我们几家企业想合伙搞个创新中心呢，起步得砸多少钱进去啊？'), false);
    expect(start.answers[0]?.clause).toBe('3.1.4');
    expect(start.lead).toContain('1000万元');
    expect(start.open).toBeUndefined();
    // The asking piece is the last one: whether shares may be paid in patents (三（一）4).
    expect(qa.ask('几家股东打算拿专利作价入股，少出点现金，这样行吗？').answers[0]?.clause.id).toBe('3.1.4');
    // A piece telling what was done (…几家企业…成立了有限公司，) names the partners.
    const done = qa.ask('我们联合上下游几家企业共同出资成立了有限公司，用它来依托建创新中心，这个架构合适吗？');
    expect(done.abstained).toBe(false);
    expect(done.answers[0]?.clause.id).toBe('3.1.2');
  });

  it('should read a figure asked in Chongqing dialect (给好多钱) as a figure the plan may not give', () => {
    const r = qa.ask('认定了以后专项支持给好多钱嘛');
    expect(r.abstained).toBe(true);
    expect(r.reason).toBe('detail_missing');
    expect(qa.ask('组建资金最少要投好多钱').lead).toContain('1000万元');
  });

  it('should not answer how long a procedure takes with how long support lasts', () => {
    for (const q of ['审批流程一般要多久？', 'How long does the approval process take?']) {
      const r = qa.ask(q);
      expect(r.abstained, q).toBe(true);
      expect(r.lead, q).toBeUndefined();
    }
    expect(qa.ask('认定以后支持多久').lead).toBe('前三年连续给予专项支持');
    // 支持好多年 asks how many years, not how much money.
    expect(qa.ask('认定下来过后，政府会连续支持好多年哦？').lead).toBe('前三年连续给予专项支持');
  });

  it('should not answer with the figures of another year', () => {
    expect(qa.ask('到2020年要培育多少个市级创新中心？').answers[0]?.clause.id).toBe('1.2');
    for (const q of ['到2025年要培育多少个市级创新中心？', '十四五期间要建几个创新中心']) {
      expect(qa.ask(q).abstained, q).toBe(true);
    }
    // The plan's own year names the plan.
    expect(qa.ask('2017年印发的这个方案，指导思想是什么').answers[0]?.clause.id).toBe('1.1');
  });

  it('should not read approximate numbers or "a few" as a question for a figure', () => {
    const small = qa.ask('我们是一家二十几个人的小厂，想用中心的共性技术，中心要往我们这边扩散吗');
    expect(small.answers[0]?.clause.id).toBe('3.2.10');
    expect(qa.ask('我们公司做了十几年轴承研发，也出色完成过行业重点项目，够格牵头不').answers[0]?.clause.id).toBe(
      '3.3.1',
    );
    // "按啥比例分" asks the basis of a split, which the plan gives; a subsidy rate it does not give.
    expect(qa.ask('专利赚的钱按啥比例分给成员').answers[0]?.clause.id).toBe('3.2.9');
    expect(qa.ask('大型科研仪器开放共享的补助按什么比例给？').abstained).toBe(true);
  });

  it('should match what a count question counts: centers yes, batches or experts no', () => {
    expect(qa.ask('到2020年要培育几个市级创新中心？').answers[0]?.clause.id).toBe('1.2');
    expect(qa.ask('市级创新中心一年受理几批申报？').abstained).toBe(true);
    expect(qa.ask('专家委员会至少要有几名专家？').abstained).toBe(true);
    // "一行业（领域）一中心" states one center per field, not a number of shareholders.
    expect(qa.ask('同一个领域里最多能认定几个中心？').answers[0]?.clause.id).toBe('5.2');
    expect(qa.ask('申报国家级中心时，对股东数量的最低要求是什么？').lead).toBeUndefined();
  });

  it('should read 几家 of partners acting together as "several", not as a question for a count', () => {
    expect(qa.ask('我们几个厂子，几家合伙出资，能用专利作价入股不？').answers[0]?.clause.id).toBe('3.1.4');
    expect(qa.ask('合伙的几家单位之间的责权利要写明白吗').answers[0]?.clause.id).toBe('3.2.2');
    // Asked with 需要 it is a count, which the plan does not give.
    expect(qa.ask('需要几家单位一起申报？').abstained).toBe(true);
    // Background before the question: "there are several".
    expect(qa.ask('有几家配套厂想用中心的共性技术，成果该怎么往中小企业扩散？').answers[0]?.clause.id).toBe('3.2.10');
    expect(qa.ask('我们和几所高校一起培养人才，方案鼓励哪种培养模式？').answers[0]?.clause.id).toBe('5.4');
  });

  it('should answer what a clause title means from that clause, though the plan defines no terms', () => {
    expect(qa.ask('方案里的产学研用协同创新机制指的是什么？').answers[0]?.clause.id).toBe('2.4');
    expect(qa.ask('中小企业怎么界定').abstained).toBe(true);
  });

  it('should lead with the issuer when asked who issued the plan, not with the addressees', () => {
    for (const q of ['这个文件是哪个单位发的', 'Who issued the plan?']) {
      const r = qa.ask(q);
      expect(r.answers[0]?.clause.id, q).toBe('notice');
      expect(r.lead, q).toBe('重庆市经济和信息化委员会');
    }
  });

  it('should lead with the piece of the clause that matches the question, synonyms included', () => {
    // 考评 is 考核评估: the evaluation every three years, not the yearly summary.
    expect(qa.ask('市经济信息委隔多长时间对认定的中心考评一次').lead).toBe('每三年定期进行考核评估');
    expect(qa.ask('文号是多少').lead).toBe('渝经信发〔2017〕139号');
    expect(qa.ask('落款日期是几号').lead).toBe('2017年12月5日');
  });

  it('should give the day the plan was issued only when asked about the plan, never as a deadline', () => {
    const issued = qa.ask('这个方案是哪天印发的');
    expect(issued.answers[0]?.clause.id).toBe('notice');
    expect(issued.lead).toBe('2017年12月5日');
    const deadline = qa.ask('大中型工业企业的年报哪天截止？');
    expect(deadline.abstained).toBe(true);
    expect(deadline.lead).toBeUndefined();
  });

  it('should abstain on where to hand something in and on the rate of a fee, which the plan does not give', () => {
    expect(qa.ask('申报材料去哪交').abstained).toBe(true);
    expect(qa.ask('海外专家来渝工作的生活费标准').abstained).toBe(true);
  });

  it('should meet a figure in a question with a range the plan states (10个 in 10-15个)', () => {
    expect(qa.ask('到哪年要建成10个中心').answers[0]?.clause.id).toBe('1.2');
  });

  it('should answer why the plan was issued from its preamble, also after a sentence of background', () => {
    expect(qa.ask('领导要我汇报一下，当时出这个实施方案是为了解决什么、想达到什么目的').answers[0]?.clause.id).toBe(
      'preamble',
    );
    expect(qa.ask('建创新中心要依托现成的平台，还是从零开始').answers[0]?.clause.id).toBe('1.3');
  });

  it('should settle a near tie between two clauses by the asking part, not the background', () => {
    // Experts in general (三（二）5) against bringing in talent from abroad (五（四）).
    expect(qa.ask('打算从国外请顶尖专家，有没有政策？').answers[0]?.clause.id).toBe('5.4');
  });

  it('should not count the unit of a number (3年后) as a word the plan does not know', () => {
    const r = qa.ask('满3年后还支持吗');
    expect(r.abstained).toBe(false);
    expect(r.answers[0]?.clause.id).toBe('4.3');
  });

  it('should read a sum of money or a percentage in a question as a mention of funds or of a share', () => {
    expect(qa.ask('我们几家准备凑800万组建中心，够不够？').answers[0]?.clause.id).toBe('3.1.4');
    // 拿…出来 is money put in, not money received; 大伙 names no topic.
    expect(qa.ask('搞这个中心大伙得拿多少钱出来').lead).toContain('1000万元');
    // A head count is a mention of staff; the asker's own numbers match nothing and weigh nothing.
    expect(qa.ask('全厂400个人，研发120人，达标没').answers[0]?.clause.id).toBe('3.2.6');
    // A percentage is a mention of a share; 了吧 asks for confirmation, a yes/no question.
    expect(qa.ask('我们的研发人员有35%，超过要求了吧').answers[0]?.clause.id).toBe('3.2.6');
  });

  it('should answer a head count against a stated total with the share the plan sets', () => {
    const r = qa.ask('我们公司200名员工，搞研发的至少要几个人？');
    expect(r.answers[0]?.clause.id).toBe('3.2.6');
    expect(r.lead).toContain('30%');
    // A bare 几个 beside the head count counts people too; 几个单位 counts something else.
    expect(qa.ask('我们公司员工一百人，搞研发的得有几个？').lead).toContain('30%');
    expect(qa.ask('我们公司100人，要联合几个单位？').lead).toBeUndefined();
    // Without a total, a head count is a number the plan does not give.
    expect(qa.ask('研发队伍至少要有多少人？').abstained).toBe(true);
  });

  it('should not answer how many papers, copies or forms with a figure of another kind', () => {
    for (const q of ['工程师职称评审需要发表几篇论文？', '申报材料要准备几份？']) {
      const r = qa.ask(q);
      expect(r.abstained, q).toBe(true);
      expect(r.lead, q).toBeUndefined();
    }
  });

  it('should decline to write or translate a text, even on the plan topics', () => {
    for (const q of [
      '帮我写一份个人年度工作总结',
      '请把这段话翻译成英文：研发费用占比不低于30%',
      '给我起草一个创新中心建设方案',
    ]) {
      const r = qa.ask(q);
      expect(r.abstained, q).toBe(true);
      expect(r.reason, q).toBe('task_request');
    }
    // Asking what a text must contain is a question about the plan.
    expect(qa.ask('建设方案要写哪些内容？').answers[0]?.clause.id).toBe('4.1');
  });

  it('should look clauses up directly by number or label', () => {
    for (const [q, id] of [
      ['3.2.6', '3.2.6'],
      ['三（二）6是什么', '3.2.6'],
      ['三(一)4', '3.1.4'],
      ['四（三）', '4.3'],
      ['4', '4'],
      ['印发通知', 'notice'],
    ] as const) {
      const r = qa.ask(q);
      expect(r.abstained, q).toBe(false);
      expect(r.answers[0]?.clause.id, q).toBe(id);
    }
  });

  it('should tell the user a clause number does not exist and which numbers do', () => {
    const r = qa.ask('9.9.9');
    expect(r).toMatchObject({ abstained: true, reason: 'no_such_clause', reference: '9.9.9', answers: [] });
    const text = qaReply(knowledge(), messagesFor('zh-CN'), r).text;
    expect(text).toContain('方案中没有编号为 9.9.9 的条款');
    expect(text).toContain('3.2.1–3.2.10');
    expect(text).toContain('5.1–5.5');
    expect(qaReply(knowledge(), messagesFor('zh-CN'), qa.ask('六（一）是什么')).text).toContain(
      '没有编号为 六（一） 的条款',
    );
  });

  it('should present the whole section under a heading that has no text of its own', () => {
    const r = qa.ask('三（一）');
    expect(r.abstained).toBe(false);
    expect(r.section?.clauses.map((c) => c.id)).toEqual(['3.1.1', '3.1.2', '3.1.3', '3.1.4']);
    const reply = qaReply(knowledge(), messagesFor('zh-CN'), r);
    expect(reply.text).toContain('三（一）基本条件');
    expect(reply.text).toContain('依据：三（一）4');
  });

  it('should answer an English question through the glossary and abstain on unknown English', () => {
    const r = qa.ask('What share of employees must be R&D staff?');
    expect(r.abstained).toBe(false);
    expect(r.answers[0]?.clause.id).toBe('3.2.6');
    expect(qa.ask('What is the weather like in Paris tomorrow?').abstained).toBe(true);
    // One glossary term of two words is enough for a terse question; one known word alone is not.
    expect(qa.ask('key sectors list?').answers[0]?.clause.id).toBe('3.4');
    expect(qa.ask('tax rate').abstained).toBe(true);
  });

  it('should read the unit and the kind of an English question for a figure', () => {
    for (const q of ['How many days is the publicity period?', 'How large is the subsidy for a recognised center?']) {
      const r = qa.ask(q);
      expect(r.abstained, q).toBe(true);
      expect(r.reason, q).toBe('detail_missing');
    }
    expect(qa.ask('Which government body is in charge of implementing the program?').answers[0]?.clause.id).toBe('4');
    expect(qa.ask('Are there good schools for expat kids?').reason).toBe('uncovered_topic');
  });

  it('should apply the same checks to an English question: present state, writing requests, dividing IP income', () => {
    expect(qa.ask('Who is the current director of the commission?').reason).toBe('current_state');
    expect(qa.ask('How many centers have been recognised so far?').abstained).toBe(true);
    expect(qa.ask('Write me a summary of my year-end work report.').reason).toBe('task_request');
    expect(qa.ask('How is the income from intellectual property split among the members?').answers[0]?.clause.id).toBe(
      '3.2.9',
    );
  });

  it('should emit the ask --json shape with scores best first and at most 5 answers', () => {
    const json = toAskJson(qa.ask('牵头单位要求'), false);
    expect(Object.keys(json).sort()).toEqual(['abstained', 'answers', 'presented', 'question']);
    expect(json.answers.length).toBeLessThanOrEqual(5);
    const scores = json.answers.map((a) => a.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const a of json.answers) {
      expect(kb.clause(a.clause)?.text).toBe(a.text);
      expect(a).not.toHaveProperty('doc');
    }
  });
});

describe('extractListItems', () => {
  it('should find no list in a clause without an enumeration', () => {
    expect(extractListItems('创新中心应是企业法人形态，可采取“公司+联盟”等模式运行。')).toEqual([]);
  });
});

describe('questions about other documents the plan only cites', () => {
  const expectOtherDocument = (questions: string[]): void => {
    for (const q of questions) {
      const r = qa.ask(q);
      expect(r.abstained, q).toBe(true);
      expect(r.reason, q).toBe('other_document');
    }
  };

  it('should abstain when asked what another document requires', () => {
    expectOtherDocument([
      '省级制造业创新中心升级为国家级需要满足哪些条件？',
      '渝委发〔2016〕29号文件里有哪些具体扶持政策？',
    ]);
  });

  it('should abstain when asked how another programme is recognised or what it requires', () => {
    expectOtherDocument([
      '高新技术企业认定需要满足什么条件？',
      '专精特新企业怎么申报？',
      '国家级制造业创新中心的申报条件有哪些？',
      // The plan names the talent programme it implements without setting its rules.
      '鸿雁计划引进海外人才的申报条件有哪些？',
      'What are the application conditions of the Hongyan Plan?',
      // Asking to join it, the verb before its name.
      '我们还想同时申报企业技术中心，可以吗',
    ]);
  });

  it('should still answer how another programme relates to this plan when the plan settles it', () => {
    const r = qa.ask('国家重点实验室能算进联盟覆盖的市级及以上创新平台吗？');
    expect(r.abstained).toBe(false);
    expect(r.answers[0]?.clause.id).toBe('3.1.3');
  });

  it('should still answer who organises the bid for national level, which the plan settles', () => {
    const r = qa.ask('市级中心想争创国家级制造业创新中心，由谁来组织？');
    expect(r.abstained).toBe(false);
    expect(r.answers[0]?.clause.id).toBe('4');
  });

  it('should still answer which document the plan cites, from the clause that names it', () => {
    const r = qa.ask('方案开头引用的工信厅科〔2017〕64号是个什么文件？');
    expect(r.abstained).toBe(false);
    expect(r.answers[0]?.clause.id).toBe('preamble');
  });

  it('should look up a cited document number typed alone, but not a number the plan never cites', () => {
    expect(qa.ask('工信厅科〔2017〕64号').answers[0]?.clause.id).toBe('preamble');
    expect(qa.ask('工信部〔2019〕1号').reason).toBe('other_document');
  });
});
