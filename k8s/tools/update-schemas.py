#!/usr/bin/env python3
"""Pins the schemas the k8s module validates against (k8s/src/test/resources/schemas/).

Reads each file from a local git clone of its source repository at a fixed tag or commit (git show REV:PATH), drops
every `description` text (the bulk of the files; validation never reads it) and writes the result. Nothing else is
changed, so a pinned file is its source minus descriptions. Needs python3 with PyYAML.

  python3 k8s/tools/update-schemas.py \
      --kubernetes-json-schema ~/src/kubernetes-json-schema \
      --strimzi ~/src/strimzi-kafka-operator --cnpg ~/src/cloudnative-pg \
      --barman-cloud ~/src/plugin-barman-cloud --keycloak ~/src/keycloak-k8s-resources \
      --prometheus-operator ~/src/prometheus-operator

To move to another release: change the revision below, run the script, run ./mvnw verify -pl k8s and update the
table in schemas/README.md (revision and commit).
"""
import argparse
import json
import os
import subprocess
import sys

import yaml

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'test', 'resources', 'schemas')

KUBERNETES_VERSION = 'v1.32.2'
# <kind>-<group>-<version>.json of yannh/kubernetes-json-schema's <version>-standalone-strict (every $ref inlined,
# additionalProperties false): the built-in kinds an overlay may use
KUBERNETES_KINDS = [
    'configmap-v1', 'secret-v1', 'service-v1', 'serviceaccount-v1', 'namespace-v1', 'persistentvolumeclaim-v1',
    'deployment-apps-v1',
    'poddisruptionbudget-policy-v1', 'horizontalpodautoscaler-autoscaling-v2',
    'networkpolicy-networking-v1', 'ingress-networking-v1', 'role-rbac-v1', 'rolebinding-rbac-v1',
]

# (option, revision, [paths]) of the operators' CustomResourceDefinitions
CRDS = [
    ('strimzi', '1.2.0', [
        'packaging/install/cluster-operator/040-Crd-kafka.yaml',
        'packaging/install/cluster-operator/043-Crd-kafkatopic.yaml',
        'packaging/install/cluster-operator/044-Crd-kafkauser.yaml',
        'packaging/install/cluster-operator/045-Crd-kafkanodepool.yaml',
    ]),
    ('cnpg', 'v1.30.0', [
        'config/crd/bases/postgresql.cnpg.io_clusters.yaml',
        'config/crd/bases/postgresql.cnpg.io_scheduledbackups.yaml',
        'config/crd/bases/postgresql.cnpg.io_backups.yaml',
        'config/crd/bases/postgresql.cnpg.io_databases.yaml',
    ]),
    ('barman_cloud', 'v0.14.0', [
        'config/crd/bases/barmancloud.cnpg.io_objectstores.yaml',
    ]),
    ('keycloak', '26.0.0', [
        'kubernetes/keycloaks.k8s.keycloak.org-v1.yml',
        'kubernetes/keycloakrealmimports.k8s.keycloak.org-v1.yml',
    ]),
    ('prometheus_operator', 'v0.93.0', [
        'example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml',
        'example/prometheus-operator-crd/monitoring.coreos.com_podmonitors.yaml',
        'example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml',
    ]),
]


def strip_descriptions(node):
    if isinstance(node, dict):
        # a property *named* description is a schema (a dict), never a string: only the annotation goes
        return {k: strip_descriptions(v) for k, v in node.items() if not (k == 'description' and isinstance(v, str))}
    if isinstance(node, list):
        return [strip_descriptions(v) for v in node]
    return node


def git_show(repo, rev, path):
    return subprocess.check_output(['git', '-C', repo, 'show', f'{rev}:{path}'])


def git_commit(repo, rev):
    return subprocess.check_output(['git', '-C', repo, 'rev-parse', f'{rev}^{{commit}}'], text=True).strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--kubernetes-json-schema', required=True,
                        help='clone of yannh/kubernetes-json-schema (or a copy with the same layout)')
    parser.add_argument('--kubernetes-json-schema-rev', default='HEAD')
    for option, _, _ in CRDS:
        parser.add_argument('--' + option.replace('_', '-'), required=True)
    args = parser.parse_args()

    k8s_out = os.path.join(OUT, 'kubernetes', KUBERNETES_VERSION)
    os.makedirs(k8s_out, exist_ok=True)
    repo = args.kubernetes_json_schema
    print(f'kubernetes-json-schema {git_commit(repo, args.kubernetes_json_schema_rev)}')
    for name in KUBERNETES_KINDS:
        schema = json.loads(git_show(repo, args.kubernetes_json_schema_rev,
                                     f'{KUBERNETES_VERSION}-standalone-strict/{name}.json'))
        with open(os.path.join(k8s_out, name + '.json'), 'w') as f:
            json.dump(strip_descriptions(schema), f, indent=1)
            f.write('\n')

    for option, rev, paths in CRDS:
        repo = getattr(args, option)
        print(f'{option} {rev} {git_commit(repo, rev)}')
        out = os.path.join(OUT, 'crds', option.replace('_', '-'))
        os.makedirs(out, exist_ok=True)
        for path in paths:
            crd = yaml.safe_load(git_show(repo, rev, path))
            with open(os.path.join(out, os.path.basename(path).replace('.yml', '.yaml')), 'w') as f:
                f.write(f'# {option} {rev}: {path}, descriptions removed (k8s/tools/update-schemas.py)\n')
                yaml.safe_dump(strip_descriptions(crd), f, sort_keys=False, width=120)
    return 0


if __name__ == '__main__':
    sys.exit(main())
