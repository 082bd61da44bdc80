#!/usr/bin/env python3
"""The core's folders are layers: a file includes headers only from its own
folder and the folders its layer may use; only store/ touches SQLite; no two
modules include each other, directly or round a circle; the GUI never
includes GTK into the core and never reaches up into the window.

    check-layers.py SOURCE_ROOT     checks app/
    check-layers.py --self-test     shows that each kind of violation is caught
"""

import os
import re
import sys
import tempfile

# What each folder of app/core may include from, besides itself. The same
# table heads each folder's meson.build.
LAYERS = {
    'values': [],
    'sheets': ['values'],
    'rules': ['values'],
    'evidence': ['values'],
    'store': ['values', 'rules', 'evidence'],
    'imports': ['values', 'sheets', 'rules', 'store'],
    'scanning': ['values', 'evidence', 'store'],
    'reports': ['values', 'sheets', 'rules', 'evidence', 'store', 'scanning'],
    'certificates': ['values', 'rules', 'store', 'reports'],
    'exchange': ['values', 'sheets', 'rules', 'evidence', 'store', 'imports',
                 'certificates'],
}

# Headers made by the build, not part of any folder.
GENERATED = {'xs-core-resources.h', 'config.h'}

INCLUDE = re.compile(r'^\s*#\s*include\s+[<"]([^">]+)[">]', re.M)


def module_of(name):
    """xs-backup-private.h, xs-backup.c and xs-backup.h are one module."""
    base = os.path.basename(name)
    base = re.sub(r'\.(c|h)$', '', base)
    return re.sub(r'-private$', '', base)


def check(root):
    problems = []
    core = os.path.join(root, 'app', 'core')
    header_folder = {}
    sources = []
    for folder, _, names in os.walk(core):
        for name in sorted(names):
            if not name.endswith(('.c', '.h')):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(folder, core)
            part = rel.split(os.sep)[0] if rel != '.' else None
            sources.append((path, part))
            if name.endswith('.h'):
                header_folder[name] = part

    edges = {}
    for path, part in sources:
        shown = os.path.relpath(path, root)
        if part is None:
            problems.append(f'{shown}: a core file outside the folders; '
                            'move it into the folder of its part')
            continue
        if part not in LAYERS:
            problems.append(f'{shown}: folder {part}/ is not in the layer table')
            continue
        with open(path, encoding='utf-8') as f:
            text = f.read()
        for header in INCLUDE.findall(text):
            if header.startswith(('gtk/', 'adwaita')):
                problems.append(f'{shown}: the core includes {header}')
            if header == 'sqlite3.h' and part != 'store':
                problems.append(f'{shown}: includes sqlite3.h outside store/')
            name = os.path.basename(header)
            if name in GENERATED or name not in header_folder:
                continue
            other = header_folder[name]
            if other != part and other not in LAYERS[part]:
                problems.append(f'{shown}: {part}/ includes {other}/{name}, '
                                f'which is not below it')
            if module_of(name) != module_of(path):
                edges.setdefault(module_of(path), set()).add(module_of(name))
        if part != 'store' and re.search(r'\bsqlite3_[a-z_0-9]+\s*\(', text):
            problems.append(f'{shown}: calls SQLite outside store/')

    problems += [f'app/core: modules include each other in a circle: {c}'
                 for c in circles(edges)]

    gui = os.path.join(root, 'app', 'gui')
    for folder, _, names in os.walk(gui):
        for name in sorted(names):
            if not name.endswith(('.c', '.h')):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding='utf-8') as f:
                text = f.read()
            if re.search(r'\bsqlite3_|\b(SELECT|INSERT INTO|DELETE FROM)\b', text):
                problems.append(f'{os.path.relpath(path, root)}: SQL in the GUI')
    return problems


def circles(edges):
    """Each circle of the module graph once, as 'a -> b -> a'."""
    found = set()
    result = []
    state = {}
    stack = []

    def visit(node):
        state[node] = 'open'
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 'open':
                loop = stack[stack.index(nxt):]
                key = frozenset(loop)
                if key not in found:
                    found.add(key)
                    result.append(' -> '.join(loop + [nxt]))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 'done'

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return result


def self_test():
    with tempfile.TemporaryDirectory() as root:
        def put(path, text):
            full = os.path.join(root, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, 'w', encoding='utf-8') as f:
                f.write(text)

        put('app/core/values/xs-date.h', '#pragma once\n')
        put('app/core/values/xs-date.c', '#include "xs-date.h"\n')
        put('app/core/store/xs-db.h', '#include "xs-date.h"\n')
        put('app/core/store/xs-db.c', '#include <sqlite3.h>\n#include "xs-db.h"\n')
        if check(root):
            print('not ok: a clean tree was refused:', check(root))
            return 1
        cases = {
            'reaching up': ('app/core/values/xs-text.c', '#include "xs-db.h"\n'),
            'sqlite outside the store':
                ('app/core/reports/xs-p.c', '#include <sqlite3.h>\n'),
            'a file outside the folders': ('app/core/xs-loose.c', '\n'),
            'SQL in the GUI':
                ('app/gui/xs-view.c', 'q = "SELECT id FROM trainee";\n'),
        }
        for what, (path, text) in cases.items():
            put(path, text)
            if not check(root):
                print(f'not ok: {what} went unnoticed')
                return 1
            os.remove(os.path.join(root, path))
        put('app/core/store/xs-a.c', '#include "xs-b.h"\n')
        put('app/core/store/xs-a.h', '\n')
        put('app/core/store/xs-b.c', '#include "xs-a.h"\n')
        put('app/core/store/xs-b.h', '\n')
        if not any('circle' in p for p in check(root)):
            print('not ok: a circle went unnoticed')
            return 1
    print('ok: the check catches each kind of violation and passes a clean tree')
    return 0


def main():
    if len(sys.argv) == 2 and sys.argv[1] == '--self-test':
        return self_test()
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    problems = check(sys.argv[1])
    for p in problems:
        print(p)
    if problems:
        return 1
    print('ok: the core keeps its layers and the GUI holds no SQL')
    return 0


if __name__ == '__main__':
    sys.exit(main())
