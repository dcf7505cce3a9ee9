#!/usr/bin/env python3
"""Checks that an entities/base.py declares exactly what its config.json says.

Usage: generate-check-base-py.py CONFIG BASE_PY

Reads base.py with `ast` only (PynamoDB need not be installed) and compares, by value, every
index class (name, kind, keys and their types, projection, non-key attributes, capacities)
and the BaseModel's key and index attributes with the config. Exits 1 with each difference.
"""
import ast
import json
import py_compile
import sys

TYPES = {'S': 'UnicodeAttribute', 'N': 'NumberAttribute', 'B': 'BinaryAttribute'}
PROJECTIONS = {'ALL': 'AllProjection', 'KEYS_ONLY': 'KeysOnlyProjection', 'INCLUDE': 'IncludeProjection'}


def key(k):
    if k is None:
        return None
    return (k, 'S') if isinstance(k, str) else (k['name'], k.get('type', 'S'))


def expected(config):
    tc = config.get('tableConfig', {})
    pk = key(tc.get('partitionKey', 'pk'))
    sk = key(tc['sortKey']) if 'sortKey' in tc else ('sk', 'S')
    provisioned = tc.get('billingMode') == 'PROVISIONED'
    indexes = {}
    for g in tc.get('globalSecondaryIndexes', []):
        cap = (g.get('readCapacity', tc.get('readCapacity')), g.get('writeCapacity', tc.get('writeCapacity')))
        indexes[g['indexName']] = ('GlobalSecondaryIndex', key(g['partitionKey']), key(g.get('sortKey')),
                                   PROJECTIONS[g.get('projectionType', 'ALL')], g.get('nonKeyAttributes'),
                                   cap if provisioned else None)
    for l in tc.get('localSecondaryIndexes', []):
        indexes[l['indexName']] = ('LocalSecondaryIndex', pk, key(l['sortKey']),
                                   PROJECTIONS[l.get('projectionType', 'ALL')], l.get('nonKeyAttributes'), None)
    return pk, sk, indexes, tc.get('timeToLiveAttribute')


def literal(node):
    return ast.literal_eval(node)


def attribute(stmt):
    """(python name, dynamodb name, type, role) of `x = UnicodeAttribute(...)`, else None."""
    if not (isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call) and isinstance(stmt.value.func, ast.Name)):
        return None
    kw = {k.arg: literal(k.value) for k in stmt.value.keywords}
    var = stmt.targets[0].id
    role = 'hash' if kw.get('hash_key') else 'range' if kw.get('range_key') else 'null' if kw.get('null') else None
    if stmt.value.func.id == 'BinaryAttribute' and kw.get('legacy_encoding') is not False:
        raise SystemExit(f'{var}: BinaryAttribute without legacy_encoding=False')
    return var, kw.get('attr_name', var), stmt.value.func.id, role


def actual_index(cls):
    meta = next(s for s in cls.body if isinstance(s, ast.ClassDef) and s.name == 'Meta')
    fields = {s.targets[0].id: s.value for s in meta.body if isinstance(s, ast.Assign)}
    projection = fields['projection']
    non_key = literal(projection.args[0]) if projection.args else None
    cap = None
    if 'read_capacity_units' in fields:
        cap = (literal(fields['read_capacity_units']), literal(fields['write_capacity_units']))
    keys = {a[3]: (a[1], {v: k for k, v in TYPES.items()}[a[2]]) for a in filter(None, map(attribute, cls.body))}
    return literal(fields['index_name']), (cls.bases[0].id, keys.get('hash'), keys.get('range'),
                                           projection.func.id, non_key, cap)


def main(config_path, base_path):
    py_compile.compile(base_path, doraise=True)
    with open(config_path, encoding='utf-8') as f:
        config = json.load(f)
    with open(base_path, encoding='utf-8') as f:
        tree = ast.parse(f.read(), base_path)
    pk, sk, want_indexes, ttl = expected(config)
    classes = {c.name: c for c in tree.body if isinstance(c, ast.ClassDef)}
    errors = []
    index_classes = {n: c for n, c in classes.items() if c.bases and getattr(c.bases[0], 'id', '').endswith('SecondaryIndex')}
    got_indexes = dict(actual_index(c) for c in index_classes.values())
    for name in sorted(set(want_indexes) | set(got_indexes)):
        if want_indexes.get(name) != got_indexes.get(name):
            errors.append(f'index {name!r}: expected {want_indexes.get(name)}, found {got_indexes.get(name)}')
    base = classes.get('BaseModel')
    if base is None:
        errors.append('no class BaseModel')
    else:
        attrs = [a for a in map(attribute, base.body) if a]
        by_role = {}
        for var, name, typ, role in attrs:
            by_role.setdefault(role, []).append((name, {v: k for k, v in TYPES.items()}.get(typ, typ)))
        if by_role.get('hash') != [pk]:
            errors.append(f'BaseModel hash key: expected {pk}, found {by_role.get("hash")}')
        if by_role.get('range') != ([sk] if sk else None):
            errors.append(f'BaseModel range key: expected {sk}, found {by_role.get("range")}')
        nullable = {n for n, _ in by_role.get('null', [])}
        for idx in want_indexes.values():
            for k in (idx[1], idx[2]):
                if k and k not in (pk, sk) and k[0] not in nullable:
                    errors.append(f'BaseModel lacks nullable attribute {k[0]!r}')
        if ttl is not None and ('TTLAttribute' not in {t for _, _, t, _ in attrs} or ttl not in nullable):
            errors.append(f'BaseModel lacks TTLAttribute {ttl!r}')
        instances = {s.value.func.id for s in base.body if isinstance(s, ast.Assign) and isinstance(s.value, ast.Call)
                     and isinstance(s.value.func, ast.Name) and s.value.func.id in index_classes}
        if instances != set(index_classes):
            errors.append(f'BaseModel instantiates {sorted(instances)}, index classes are {sorted(index_classes)}')
        if not any(a[2] == 'DiscriminatorAttribute' for a in attrs):
            errors.append('BaseModel has no DiscriminatorAttribute')
    for e in errors:
        print(f'{base_path}: {e}', file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
