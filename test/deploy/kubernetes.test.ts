import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CronJob, type ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import { ConfigMap, type IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSchedule } from '#cli/daemon/parseSchedule.ts';
import { loadConfig } from '#config/loadConfig.ts';
import { renderKustomization, type KubernetesObject } from '../helpers/renderKustomization.ts';

const BASE = 'deploy/kubernetes/base';
const OVERLAY = 'deploy/kubernetes/overlays/example';
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
/** The Dockerfile's numeric user, which runAsNonRoot needs. */
const imageUser = /^USER (\d+):(\d+)$/m.exec(readFileSync('Dockerfile', 'utf8'));

/** Validated against the batch/v1 CronJob schema that kubernetes-models compiles from Kubernetes' OpenAPI document. */
function cronJob(object: KubernetesObject): ICronJob {
  const job = new CronJob(object as unknown as ICronJob);
  job.validate();
  return job;
}

function theOne(objects: KubernetesObject[], kind: string): KubernetesObject {
  const found = objects.filter((o) => o.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0]!;
}

describe('the Kubernetes CronJob', () => {
  const job = cronJob(theOne(renderKustomization(BASE), 'CronJob'));
  const pod = job.spec.jobTemplate.spec!.template.spec!;
  const container = pod.containers[0]!;

  it('is a valid batch/v1 CronJob', () => {
    expect(() => cronJob(parse(readFileSync(join(BASE, 'cronjob.yaml'), 'utf8')) as KubernetesObject)).not.toThrow();
    expect(() => parseSchedule(job.spec.schedule)).not.toThrow();
  });

  it('never runs two syncs at once, gives up on a start it missed, and retries a failure once', () => {
    expect(job.spec.concurrencyPolicy).toBe('Forbid');
    expect(job.spec.startingDeadlineSeconds).toBeGreaterThan(0);
    expect(job.spec.jobTemplate.spec!.backoffLimit).toBe(1);
    expect(job.spec.jobTemplate.spec!.podFailurePolicy!.rules[0]).toMatchObject({ action: 'FailJob', onExitCodes: { values: [2] } });
  });

  it('runs a pinned image, the package version, as the image\'s numeric non-root user', () => {
    expect(container.image).toBe(`registry.example.com/backbone-sync:${version}`);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect([String(pod.securityContext!.runAsUser), String(pod.securityContext!.runAsGroup)]).toEqual([imageUser?.[1], imageUser?.[2]]);
  });

  it('cannot escalate, holds no capabilities, and writes only to its temp volume', () => {
    expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    const tmp = container.volumeMounts!.find((m) => m.mountPath === '/tmp')!;
    expect(pod.volumes!.find((v) => v.name === tmp.name)!.emptyDir).toBeDefined();
    expect(container.volumeMounts!.filter((m) => !m.readOnly).map((m) => m.mountPath)).toEqual(['/tmp']);
  });

  it('requests memory for a 10,000-epic first sync and limits it above the benchmark\'s largest, and takes its tokens from a Secret', () => {
    const mebibytes = (quantity: unknown) => Number(/^(\d+)Mi$/.exec(String(quantity))![1]);
    const { memory } = JSON.parse(readFileSync('bench/results.json', 'utf8')) as { memory: { epics: number; first: { peakRssMb: number } }[] };
    const peakAt = (epics: number) => memory.find((m) => m.epics === epics)!.first.peakRssMb;
    expect(mebibytes(container.resources!.requests!['memory'])).toBeGreaterThanOrEqual(peakAt(10_000));
    expect(mebibytes(container.resources!.limits!['memory'])).toBeGreaterThan(Math.max(...memory.map((m) => m.first.peakRssMb)) * 1.5);
    expect(mebibytes(container.resources!.limits!['memory'])).toBeGreaterThan(mebibytes(container.resources!.requests!['memory']));
    expect(container.resources!.limits!['cpu']).toBeDefined();
    expect(container.env ?? []).toEqual([]);
    expect(container.envFrom).toEqual([{ secretRef: { name: 'backbone-sync-tokens' } }]);
  });
});

describe('one CronJob per portfolio, from the Kustomize overlay', () => {
  const objects = renderKustomization(OVERLAY);
  const job = cronJob(theOne(objects, 'CronJob'));
  const configMap = new ConfigMap(theOne(objects, 'ConfigMap') as unknown as IConfigMap);

  it('renders a valid CronJob and ConfigMap, named for the portfolio, on its own schedule', () => {
    configMap.validate();
    expect(job.metadata!.name).toBe('backbone-sync-payments');
    expect(job.spec.schedule).not.toBe(cronJob(theOne(renderKustomization(BASE), 'CronJob')).spec.schedule);
    expect(() => parseSchedule(job.spec.schedule)).not.toThrow();
  });

  it('mounts the portfolio\'s config where the command reads it, and the config is valid on the bundled rules', async () => {
    const pod = job.spec.jobTemplate.spec!.template.spec!;
    expect(pod.volumes!.find((v) => v.configMap)!.configMap!.name).toBe(configMap.metadata!.name);
    const args = pod.containers[0]!.args!;
    const configPath = args[args.indexOf('--config') + 1]!;
    const mount = pod.containers[0]!.volumeMounts!.find((m) => configPath.startsWith(`${m.mountPath}/`))!;
    const key = configPath.slice(mount.mountPath.length + 1);
    // The config alone in a folder, as the ConfigMap mounts it.
    const path = join(mkdtempSync(join(tmpdir(), 'backbone-configmap-')), key);
    writeFileSync(path, configMap.data![key]!);
    const loaded = await loadConfig(path);
    expect(loaded.bundledMappings).toBe(true);
  });
});
