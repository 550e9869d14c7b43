import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; [key: string]: unknown };
  [key: string]: unknown;
}

interface Kustomization {
  resources?: string[];
  nameSuffix?: string;
  configMapGenerator?: { name: string; files: string[] }[];
  patches?: { path: string }[];
}

/** The fields this stand-in renders; any other is refused, so the recipes cannot drift past what the test checks. */
const RENDERED = new Set(['apiVersion', 'kind', 'resources', 'nameSuffix', 'configMapGenerator', 'patches']);

type Tree = Record<string, unknown>;
const isMap = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

function readObjects(path: string): KubernetesObject[] {
  return parseAllDocuments(readFileSync(path, 'utf8')).map((doc) => doc.toJS() as KubernetesObject);
}

/** A strategic merge limited to maps: kustomize merges some lists by key, so a patch holding a list is refused. */
function mergeMaps(target: Tree, patch: Tree, path: string): void {
  for (const [key, value] of Object.entries(patch)) {
    if (Array.isArray(value)) throw new Error(`${path}.${key}: this stand-in for kustomize does not merge lists`);
    if (isMap(value) && isMap(target[key])) mergeMaps(target[key], value, `${path}.${key}`);
    else target[key] = value;
  }
}

/** Points every configMap volume at the generated ConfigMap's new name. */
function renameConfigMapVolumes(object: KubernetesObject, renamed: Map<string, string>): void {
  const podSpec = (((object['spec'] as Tree | undefined)?.['jobTemplate'] as Tree | undefined)?.['spec'] as Tree | undefined)?.['template'] as
    | { spec?: { volumes?: { configMap?: { name: string } }[] } }
    | undefined;
  for (const volume of podSpec?.spec?.volumes ?? []) {
    if (volume.configMap) volume.configMap.name = renamed.get(volume.configMap.name) ?? volume.configMap.name;
  }
}

/**
 * `kustomize build <dir>` for the few fields the Kubernetes recipe uses: resources
 * (files or bases), nameSuffix, configMapGenerator with files (named with a content
 * hash, as kustomize does, and referenced from the CronJob's volumes), and patches
 * by path as strategic merges of maps. No npm package renders Kustomize.
 */
export function renderKustomization(dir: string): KubernetesObject[] {
  const kustomization = readObjects(join(dir, 'kustomization.yaml'))[0] as unknown as Kustomization & Tree;
  const unknown = Object.keys(kustomization).filter((key) => !RENDERED.has(key));
  if (unknown.length > 0) throw new Error(`${dir}/kustomization.yaml: ${unknown.join(', ')} not rendered by this stand-in for kustomize`);

  const objects = (kustomization.resources ?? []).flatMap((resource) => {
    const path = join(dir, resource);
    return statSync(path).isDirectory() ? renderKustomization(path) : readObjects(path);
  });
  for (const { path } of kustomization.patches ?? []) {
    for (const patch of readObjects(join(dir, path))) {
      const target = objects.find((o) => o.kind === patch.kind && o.metadata.name === patch.metadata.name);
      if (!target) throw new Error(`${path}: no ${patch.kind} named ${patch.metadata.name} to patch`);
      mergeMaps(target, patch, patch.kind);
    }
  }

  const suffix = kustomization.nameSuffix ?? '';
  for (const object of objects) object.metadata.name += suffix;
  const renamed = new Map<string, string>();
  for (const generator of kustomization.configMapGenerator ?? []) {
    const data = Object.fromEntries(generator.files.map((file) => [basename(file), readFileSync(join(dir, file), 'utf8')]));
    const hash = createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 10);
    const name = `${generator.name}${suffix}-${hash}`;
    renamed.set(generator.name, name);
    objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });
  }
  for (const object of objects) renameConfigMapVolumes(object, renamed);
  return objects;
}
