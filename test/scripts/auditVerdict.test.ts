import { describe, expect, it } from 'vitest';
import { auditVerdict } from '../../scripts/auditVerdict.ts';

// The shapes `npm audit --json` prints (npm 7 and later): a report, or the registry's refusal.
const report = (vulnerabilities: Record<string, { severity: string }>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 0, critical: 0, total: 1 }, dependencies: { prod: 40, dev: 300, total: 340 } },
  });
const refused = JSON.stringify({
  message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  statusCode: 405,
  error: { summary: '', detail: '' },
});

describe('the security audit', () => {
  it('passes when no advisory is high or critical', () => {
    expect(auditVerdict(report({ 'some-dev-tool': { severity: 'moderate' } }))).toEqual({
      ok: true,
      message: 'npm audit: clean at high severity (0 info, 0 low, 1 moderate, 0 high, 0 critical)',
    });
  });

  it('fails and names the packages when an advisory is high or critical', () => {
    const verdict = auditVerdict(report({ axios: { severity: 'high' }, minimist: { severity: 'critical' }, other: { severity: 'low' } }));
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toContain('axios (high), minimist (critical)');
  });

  it('says NOT RUN, never clean, when the registry refuses the audit endpoint', () => {
    const verdict = auditVerdict(refused);
    expect(verdict.message).toMatch(/^npm audit: NOT RUN: .*405 Method Not Allowed/);
    expect(verdict.message).not.toContain('clean');
  });

  it('fails on output it cannot read', () => {
    expect(auditVerdict('npm ERR! something else').ok).toBe(false);
  });
});
