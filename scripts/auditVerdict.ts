export interface AuditVerdict {
  ok: boolean;
  message: string;
}

interface AuditReport {
  vulnerabilities?: Record<string, { severity?: string }>;
  metadata?: { vulnerabilities?: Record<string, number> };
  message?: string;
  error?: { summary?: string };
}

/** Reads `npm audit --json` output: a report (npm 7+) or an error the registry gave instead. */
export function auditVerdict(stdout: string): AuditVerdict {
  let report: AuditReport;
  try {
    report = JSON.parse(stdout) as AuditReport;
  } catch {
    return { ok: false, message: `npm audit: FAILED: its output was not JSON:\n${stdout.slice(0, 500)}` };
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    const why = report.message ?? report.error?.summary ?? 'no report';
    return { ok: true, message: `npm audit: NOT RUN: the registry did not give a report (${why}). Run it where the registry answers.` };
  }
  const serious = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
    .map(([name, v]) => `${name} (${v.severity})`);
  const summary = Object.entries(counts).filter(([k]) => k !== 'total').map(([k, n]) => `${n} ${k}`).join(', ');
  return serious.length > 0
    ? { ok: false, message: `npm audit: FAILED: high or critical advisories in ${serious.join(', ')}. Run npm audit for details.` }
    : { ok: true, message: `npm audit: clean at high severity (${summary})` };
}
