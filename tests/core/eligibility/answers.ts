/** Shared answers for the eligibility tests. */

/** Answers that meet every criterion. */
export const ALL_MET: Record<string, string> = {
  '3.1.1': '是',
  '3.1.2-legal-person': '是',
  '3.1.2-capital': '是',
  '3.1.2-shareholders': '有',
  '3.1.3': '都有',
  '3.1.4': '实缴1200万元',
  '3.2.1': '是',
  '3.2.5': '有',
  '3.2.6': '员工120人，科技人员40人',
  '3.2.7': '35%',
  '3.2.8': '是',
  '3.2.9': '已建立',
  '3.2.10': '有',
  '3.3.1': '是',
  '3.3.2': '是',
  '3.3.3': '是',
  '3.3.4': '是',
  '3.4': '芯片',
};
