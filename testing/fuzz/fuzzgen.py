"""Program generators and drivers for the fuzz targets.

Each fuzz input is a string of decisions: `Choices` reads one byte per decision
(zeros past the end), so every input, however short, yields one finite program,
and libFuzzer's mutations of the bytes become mutations of the program.

  vm_program(data)      a module-level program over ints, floats, strings,
                        lists, dicts, sets, objects, closures and generators;
                        each statement records its result or exception type in
                        `_out`, so the printed `_out` can be compared with
                        CPython's (check_vm_vs_cpython.py).
  tracer_program(data)  a function that mutates a dict, a list, an object's
                        attributes, a closure cell and globals holding tensors,
                        with graph breaks and data-dependent branches, plus a
                        driver that runs it eagerly and under torch.compile on
                        fresh copies of the same state and compares everything.

fuzz_vm / fuzz_tracer are the entry points the libFuzzer targets call; run this
file (`vm run testing/fuzz/fuzzgen.py vm|tracer|compile [--print] FILE...`) to
print and replay saved inputs.
"""

import sys
import warnings


class Choices:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def byte(self):
        if self.pos >= len(self.data):
            return 0
        b = self.data[self.pos]
        self.pos += 1
        return b

    def below(self, n):
        return self.byte() % n

    def pick(self, seq):
        return seq[self.below(len(seq))]

    def more(self):
        return self.pos < len(self.data)


# ---- Programs for the VM ---------------------------------------------------

VM_PRELUDE = '''\
import re as _re
_out = []
def _weight(v, budget):
    # Nodes of `v` counted as a tree (shared parts once per path), long
    # strings as several: a structure built as [x, x] repeatedly doubles, and
    # printing or comparing it would take exponential time.
    stack = [v]
    n = 0
    while stack and n <= budget:
        u = stack.pop()
        n += 1
        if type(u) in (list, tuple, dict, set, frozenset) and len(u) > budget:
            return budget + 1
        if type(u) in (list, tuple, set, frozenset):
            stack.extend(u)
        elif type(u) is dict:
            # Keys too: a key made from the repr of the others grows
            # several times over each round.
            stack.extend(u.keys())
            stack.extend(u.values())
        elif isinstance(u, C):
            stack.extend(vars(u).values())
        elif type(u) in (str, bytes, bytearray):
            # repr() of nested strings doubles their backslashes each time.
            n += len(u) // 32
    return n
def _c(v):
    # Keeps every stored value small, so that no program runs long.
    if type(v) is int and not -2**256 < v < 2**256:
        return v % 2**256
    if _weight(v, 400) > 400:
        return type(v).__name__
    if type(v) in (str, bytes, bytearray, list, tuple) and len(v) > 48:
        return v[:48]
    if type(v) is list:
        # A copy: through an alias (i1 = l1), `i1 += zip(l1)` would extend a
        # list with an iterator over itself, forever.
        return v[:]
    if type(v) is dict and len(v) > 48:
        return dict(list(v.items())[:48])
    return v
def _g():
    # Bounds every variable again, once per loop round: through an alias
    # (i1 = l1) a list can grow in place where no assignment clamps it.
    g = globals()
    for name in ('i0', 'i1', 'i2', 'f0', 'f1', 's0', 's1', 'b0', 'l0', 'l1',
                 'd0', 't0', 'p0', 'o0', 'o1'):
        if name in g:
            g[name] = _c(g[name])
def _m(v):
    # An iterator over the very list it extends (`l1 += zip(l1)`,
    # `l0.extend(iter(l0))`) never ends, in CPython too: at most 64 items.
    if hasattr(type(v), '__next__'):
        return _first64(v)
    return v
def _first64(it):
    for n, x in enumerate(it):
        if n >= 64:
            return
        yield x
def _k(v):
    # Sizes and repeat counts stay small.
    return v % 5 if type(v) is int else v
def _h(v):
    # hash() of objects hashed by address differs from run to run.
    h = hash(v)
    return h if type(v) in (int, float, str, bytes, bool, type(None)) else 0
def _r(v, depth=0):
    # A repr that depends neither on set order nor on addresses.
    if depth > 4:
        return '...'
    if isinstance(v, (set, frozenset)):
        return type(v).__name__ + str(sorted(_r(x, depth + 1) for x in v))
    if isinstance(v, (list, tuple)):
        return type(v).__name__ + str([_r(x, depth + 1) for x in v[:64]])
    if isinstance(v, dict):
        return str([(_r(k, depth + 1), _r(x, depth + 1)) for k, x in v.items()])
    if type(v) is float and v != v:
        return 'nan'
    try:
        text = repr(v)
    except ValueError as e:
        # An int past sys.get_int_max_str_digits(), in CPython too.
        return '<%s: %s>' % (type(v).__name__, type(e).__name__)
    return _re.sub(r' at 0x[0-9a-f]+', '', text)
class C:
    n = 0
    def __init__(self, a):
        self.a = a
        self.b = [a]
        C.n += 1
    def __repr__(self):
        return 'C(%r)' % (self.a,)
    def __eq__(self, other):
        return isinstance(other, C) and self.a == other.a
    def __hash__(self):
        return 7
    def __len__(self):
        return len(self.b)
    def m(self, x):
        self.a = x
        return self
    @property
    def p(self):
        return self.b[-1] if self.b else None
class D(C):
    def __init__(self, a):
        super().__init__(a)
        self.d = {'k': a}
    def m(self, x):
        return super().m(_c(x * 2))
class Ctx:
    def __init__(self, swallow):
        self.swallow = swallow
    def __enter__(self):
        _out.append('enter')
        return self
    def __exit__(self, t, v, tb):
        _out.append(('exit', t.__name__ if t else None))
        return self.swallow
def gen(n):
    for k in range(_k(n) if type(n) is int else 2):
        got = yield k * 2
        if got is not None:
            _out.append(('sent', _r(got)))
    return 'done'
i0 = 3
i1 = -7
i2 = 2**70
f0 = 1.5
f1 = -0.0
s0 = 'ab'
s1 = 'x\\u00e9\\U0001f600'
b0 = b'by\\x00'
l0 = [1, 2, 3]
l1 = ['a', 1.0, None]
d0 = {'a': 1, 'b': [2], 3: 'c'}
t0 = {1, 2, 'z'}
p0 = (1, 'x', (2.5,))
o0 = C(1)
o1 = D('q')
'''

VARS = ['i0', 'i1', 'i2', 'f0', 'f1', 's0', 's1', 'b0', 'l0', 'l1', 'd0',
        't0', 'p0', 'o0', 'o1']
LISTS = ['l0', 'l1']
DICTS = ['d0', 'o1.d']
LITERALS = ['0', '1', '-1', '7', '255', '2**64', '-2**63', '10**20', '0.5',
            '-2.25', '1e300', 'float("inf")', 'float("nan")', "''", "'abc'",
            "'\\u0394x'", "b'\\xff'", 'None', 'True', 'False', '()', '[]',
            '{}', '(1,)', '[0, 1]', "{'a': 2}", 'frozenset({3})', '3j',
            "...", "'%s'", "'{}'"]
BINOPS = ['+', '-', '/', '//', '%', '&', '|', '^', '<', '<=', '==', '!=',
          '>', 'in', 'not in', 'is', 'is not', 'and', 'or']
UNARY = ['-', '+', '~', 'not ']
CALLS1 = ['len', 'abs', 'bool', 'str', 'repr', '_h', 'int', 'float', 'list',
          'tuple', 'sorted', 'min', 'max', 'sum', 'any', 'all', 'reversed',
          'iter', 'type', 'callable', 'ascii', 'hex', 'oct', 'bin', 'ord',
          'set', 'frozenset', 'dict', 'bytes', 'bytearray', 'round', 'divmod_',
          'enumerate', 'zip', 'chr', 'isinstance_', 'getattr_']
METHODS = ['upper()', 'lower()', 'split()', "split('a')", 'strip()',
           "replace('a', 'bb')", "join(['1', '2'])", "find('b')", 'count(1)',
           'index(1)', 'encode()', 'decode()', 'keys()', 'values()', 'items()',
           "get('a', 0)", 'copy()', 'isdigit()', "startswith('a')",
           "format(1, 'x')", 'bit_length()', 'hex()', 'is_integer()',
           'as_integer_ratio()', 'conjugate()', 'title()', 'casefold()',
           "partition('b')", 'swapcase()', "center(5, '*')", 'splitlines()']


class VmGen:
    def __init__(self, data):
        self.ch = Choices(data)
        self.lines = []
        self.fn = 0

    def expr(self, depth=0):
        ch = self.ch
        if depth >= 3:
            return ch.pick(VARS) if ch.below(3) else ch.pick(LITERALS)
        k = ch.below(16)
        e = lambda: self.expr(depth + 1)
        if k <= 2:
            return ch.pick(VARS)
        if k == 3:
            return ch.pick(LITERALS)
        if k == 4:
            return '(%s %s %s)' % (e(), ch.pick(BINOPS), e())
        if k == 5:
            op = ch.pick(['*', '**', '<<', '>>'])
            return '(%s %s _k(%s))' % (e(), op, e())
        if k == 6:
            return '(%s%s)' % (ch.pick(UNARY), e())
        if k == 7:
            f = ch.pick(CALLS1)
            if f == 'divmod_':
                return 'divmod(%s, %s)' % (e(), e())
            if f == 'isinstance_':
                return 'isinstance(%s, %s)' % (
                    e(), ch.pick(['int', 'str', '(list, tuple)', 'C', 'D']))
            if f == 'getattr_':
                return 'getattr(%s, %r, %s)' % (
                    e(), ch.pick(['a', 'b', 'p', 'real', 'append', 'x']), e())
            if f in ('chr', 'bytes', 'bytearray'):
                return '%s(_k(%s))' % (f, e())
            if f in ('list', 'tuple', 'sorted', 'set', 'frozenset', 'min',
                     'max', 'sum', 'any', 'all', 'enumerate', 'zip'):
                return '%s(%s)' % (f, e())
            return '%s(%s)' % (f, e())
        if k == 8:
            return '%s[%s]' % (e(), e())
        if k == 9:
            return '%s[%s:%s:%s]' % (e(), ch.pick(['', '1', '-2', 'i1']),
                                     ch.pick(['', '2', '-1']),
                                     ch.pick(['', '1', '-1', '2']))
        if k == 10:
            return '(%s).%s' % (e(), ch.pick(METHODS))
        if k == 11:
            return '(%s if %s else %s)' % (e(), e(), e())
        if k == 12:
            kind = ch.below(4)
            it = ch.pick(['range(4)', 'l0', 'p0', 's0', 'd0', 'gen(3)',
                          'sorted(t0, key=repr)'])
            if kind == 0:
                return '[%s for v in %s if v]' % (self.expr_v(depth), it)
            if kind == 1:
                return '{repr(v): %s for v in %s}' % (self.expr_v(depth), it)
            if kind == 2:
                return 'sum(1 for v in %s if %s)' % (it, self.expr_v(depth))
            return '{v for v in %s if isinstance(v, int)}' % it
        if k == 13:
            return '(lambda x, y=%s: %s)(%s)' % (e(), ch.pick(
                ['x', 'y', '(x, y)', 'x + y', '[x] * 2']), e())
        if k == 14:
            kind = ch.below(4)
            # 3.11's f-strings cannot nest quotes: names only inside.
            if kind == 0:
                return "f'{%s!r:>8}|{%s}'" % (ch.pick(VARS), ch.pick(VARS))
            if kind == 1:
                return "'%%s-%%r' %% (%s, %s)" % (e(), e())
            if kind == 2:
                return "'{0}:{1!r}'.format(%s, %s)" % (e(), e())
            return "f'{%s:.3}{%s=}'" % (ch.pick(VARS), ch.pick(VARS))
        return '[%s, %s]' % (e(), e()) if ch.below(2) else '{%s: %s}' % (
            e(), e())

    def expr_v(self, depth):
        return self.ch.pick(['v', 'v * 2', 'repr(v)', 'v == 1', '(v, %s)' %
                             self.expr(depth + 2)])

    def emit(self, indent, line):
        self.lines.append('    ' * indent + line)

    def guarded(self, indent, line):
        self.emit(indent, 'try:')
        self.emit(indent + 1, line)
        self.emit(indent, 'except Exception as e:')
        self.emit(indent + 1, '_out.append(type(e).__name__)')

    def stmt(self, indent, depth):
        ch = self.ch
        # Compound statements (10 and up) only two levels deep: with the try
        # around each statement that stays under CPython's 20 nested blocks.
        k = ch.below(22 if depth < 2 else 10)
        e = self.expr
        if k <= 2:
            self.guarded(indent, '%s = _c(%s)' % (ch.pick(VARS[:13]), e()))
        elif k == 3:
            self.guarded(indent, '_out.append(_r(%s))' % e())
        elif k == 4:
            v = ch.pick(VARS[:11])
            self.guarded(indent, '%s %s= _m(%s)' % (v, ch.pick(
                ['+', '-', '|', '&', '//', '%']), e()))
            self.guarded(indent, '%s = _c(%s)' % (v, v))
        elif k == 5:
            l = ch.pick(LISTS)
            op = ch.pick(['append(%s)', 'insert(%s, 0)', 'pop()', 'sort()',
                          'reverse()', 'extend(_m(%s))', 'remove(%s)', 'clear()',
                          '__setitem__(0, %s)'])
            self.guarded(indent, '%s.%s' % (l, op % e() if '%s' in op else op))
            self.guarded(indent, '%s[:] = _c(%s)' % (l, l))
        elif k == 6:
            d = ch.pick(DICTS)
            op = ch.pick(['[%s] = %s', '.pop(%s, None)', '.setdefault(%s, %s)',
                          '.update({%s: %s})', '.popitem()', '.clear()',
                          '.get(%s)', '[%s] += %s'])
            # Fill the holes in one pass: an expression may contain '%s'.
            parts = op.split('%s')
            text = d + parts[0] + ''.join(e() + p for p in parts[1:])
            self.guarded(indent, text)
            self.guarded(indent, '%s = _c(%s)' % (d, d))
        elif k == 7:
            self.guarded(indent, ch.pick(['t0.add(%s)', 't0.discard(%s)',
                                          't0 ^= {%s}', 't0 -= {%s}']) % e())
            # A set of strings made from its own repr doubles each time.
            self.guarded(indent, 't0 = _c(t0)')
        elif k == 8:
            self.guarded(indent, ch.pick([
                'o0.a = %s', 'o1.m(%s)', 'o0.b.append(%s)', 'setattr(o1, "c", _c(%s))',
                'del o0.b[%s]', 'o0 = C(%s)', 'o1 = D(%s)']) % e())
            self.guarded(indent, 'o0.a = _c(o0.a); o0.b = _c(o0.b); '
                         'o1.a = _c(o1.a)')
        elif k == 9:
            self.guarded(indent, ch.pick([
                'del d0[%s]', 'del l0[%s]', 'del o1.c; _out.append(_r(%s))',
                'assert %s, "why"', 'raise ValueError(%s)',
                'i0, *l1 = %s', '(i1, f0), s0 = %s']) % e())
        elif k == 10:
            self.emit(indent, 'if %s:' % e())
            self.block(indent + 1, depth)
            if ch.below(2):
                self.emit(indent, 'elif %s:' % e())
                self.block(indent + 1, depth)
            self.emit(indent, 'else:')
            self.block(indent + 1, depth)
        elif k == 11:
            # At most 4 rounds: loops nest three deep.
            self.emit(indent, 'for v in %s:' % ch.pick(
                ['range(_k(%s))' % e(), 'l0[:4]', 'p0[:4]', 'gen(3)',
                 'sorted(d0, key=repr)[:4]', 'enumerate(s1[:4])',
                 'zip(l0, s0[:4])', 'reversed(l1[-4:])']))
            self.emit(indent + 1, '_out.append(_r(v)); _g()')
            self.block(indent + 1, depth)
            if ch.below(3) == 0:
                self.emit(indent + 1, 'if %s: break' % e())
        elif k == 12:
            # One counter per loop: an inner loop that raises must not
            # reset the outer one's.
            self.fn += 1
            n = 'n%d' % self.fn
            self.emit(indent, '%s = 0' % n)
            self.emit(indent, 'while %s < 3:' % n)
            self.emit(indent + 1, '%s += 1; _g()' % n)
            self.block(indent + 1, depth)
            self.emit(indent + 1, 'if %s: continue' % e())
        elif k == 13:
            self.emit(indent, 'try:')
            self.block(indent + 1, depth)
            if ch.below(2):
                self.emit(indent + 1, 'raise %s(%s)' % (ch.pick(
                    ['KeyError', 'ValueError', 'TypeError', 'StopIteration']),
                    e()))
            self.emit(indent, 'except (KeyError, IndexError) as err:')
            self.emit(indent + 1, '_out.append(("caught", _r(err.args)))')
            self.emit(indent, 'except Exception as err:')
            self.emit(indent + 1, '_out.append(("other", type(err).__name__))')
            if ch.below(2):
                self.emit(indent, 'else:')
                self.block(indent + 1, depth)
            self.emit(indent, 'finally:')
            self.emit(indent + 1, '_out.append("finally")')
        elif k == 14:
            self.emit(indent, 'try:')
            self.emit(indent + 1, 'with Ctx(%s) as c:' % ch.pick(['True', 'False']))
            self.block(indent + 2, depth)
            self.emit(indent, 'except Exception as err:')
            self.emit(indent + 1, '_out.append(("with", type(err).__name__))')
        elif k == 15:
            self.fn += 1
            name = 'fn%d' % self.fn
            self.emit(indent, 'def %s(a, b=%s, *rest, **kw):' % (name, e()))
            self.emit(indent + 1, 'nonlocal_box = [a]')
            self.emit(indent + 1, 'def inner(x):')
            self.emit(indent + 2, 'nonlocal a')
            self.emit(indent + 2, 'a = _c(%s)' % ch.pick(['x', 'a', '(x, a)',
                                                          '[a, b]']))
            self.emit(indent + 2, 'return a')
            self.block(indent + 1, depth, fresh=True)
            self.emit(indent + 1, 'return (inner(%s), a, b, rest, sorted(kw))' %
                      ch.pick(['b', 'rest', 'nonlocal_box', 'kw']))
            self.guarded(indent, '_out.append(_r(%s(%s)))' % (name, ch.pick(
                ['%s', '%s, 1', '%s, b=2', '*[%s, 1, 2]', '%s, x=3',
                 '**{"a": %s}']) % e()))
        elif k == 16:
            self.emit(indent, 'match %s:' % e())
            self.emit(indent + 1, 'case %s:' % ch.pick(
                ['[x, *rest]', '{"a": x}', 'C(a=x)', 'int(x) if x > 1',
                 '(1 | 2) as x', 'str() as x', '[1, 2, x]', '{"b": [x]}']))
            self.emit(indent + 2, '_out.append(("case", _r(x)))')
            self.emit(indent + 1, 'case _:')
            self.emit(indent + 2, '_out.append("no case")')
        elif k == 17:
            self.guarded(indent, 'g = gen(%s); _out.append((next(g), g.send(%s), '
                         'list(g)))' % (e(), e()))
        elif k == 18:
            self.fn += 1
            self.emit(indent, 'class K%d(%s):' % (self.fn, ch.pick(['C', 'D'])))
            self.emit(indent + 1, 'z = %s' % e())
            self.emit(indent + 1, 'def m(self, x):')
            self.emit(indent + 2, 'return (super().m(x), self.z)')
            self.guarded(indent, '_out.append(_r(K%d(%s).m(%s)[1]))' % (
                self.fn, e(), e()))
        elif k == 19:
            self.guarded(indent, '_out.append(_r(sorted(%s, key=repr, '
                         'reverse=%s)))' % (e(), ch.pick(['True', 'False'])))
        elif k == 20:
            self.emit(indent, 'def gfn():')
            self.emit(indent + 1, 'global i0, s0')
            self.emit(indent + 1, 'i0 = _c(%s)' % e())
            self.emit(indent + 1, 's0 = str(%s)[:8]' % e())
            self.guarded(indent, 'gfn()')
        else:
            self.guarded(indent, '_out.append(_r(eval(%r)))' % e())

    def any_stmt(self, indent, depth):
        # Compound statements raise from their heads too (`if 1 / 0:`).
        self.emit(indent, 'try:')
        self.stmt(indent + 1, depth)
        self.emit(indent, 'except Exception as e:')
        self.emit(indent + 1, '_out.append(("stmt", type(e).__name__))')

    def block(self, indent, depth, fresh=False):
        n = 1 + self.ch.below(2)
        for _ in range(n):
            self.any_stmt(indent, depth + 1)

    def program(self):
        count = 0
        while self.ch.more() and count < 24:
            self.any_stmt(0, 0)
            count += 1
        self.lines.append('_out.append(_r([%s]))' % ', '.join(VARS))
        self.lines.append('_out.append(C.n)')
        return '\n'.join(self.lines) + '\n'


def vm_program(data):
    """The program's own statements; VM_PRELUDE runs before them."""
    return VmGen(data).program()


_prelude = []


def _quiet(run):
    # Generated code may well say `x is 1` or `None[0]`, or eval() such text:
    # the compilers' SyntaxWarnings are not part of what the runs compare.
    def quiet(source):
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', SyntaxWarning)
            return run(source)
    return quiet


@_quiet
def run_vm_program(source):
    """Runs a generated program after the prelude; returns its `_out` as text."""
    if not _prelude:
        _prelude.append(compile(VM_PRELUDE, '<prelude>', 'exec'))
    ns = {'__name__': '__fuzz__'}
    try:
        exec(_prelude[0], ns)
        code = compile(source, '<fuzz>', 'exec')
        exec(code, ns)
    except (RecursionError, MemoryError) as e:
        return 'stopped: ' + type(e).__name__
    return '\n'.join(str(x) for x in ns['_out'])


def fuzz_vm(data):
    run_vm_program(vm_program(data))


# ---- Programs for the tracer -----------------------------------------------

TRACER_SETUP = '''\
import torch
import torch._dynamo
class Box:
    pass
def setup():
    global G, GD, GL
    torch.manual_seed(0)
    G = torch.arange(4.0) - 1.5
    GD = {'g': torch.ones(4)}
    GL = [torch.full((4,), 2.0)]
    box = Box()
    box.a = torch.linspace(-1.0, 1.0, 4)
    box.n = 1
    d = {'k': torch.tensor([1.0, -2.0, 3.0, -4.0]), 'n': 2}
    lst = [torch.zeros(4), 3]
    x = torch.tensor([0.5, -1.5, 2.5, -3.5], requires_grad=%(grad)s)
    return x, d, lst, box
def opaque(v):
    # Something the tracer does not inline: a graph break.
    torch._dynamo.graph_break()
    return v
def make():
    c = torch.ones(4)
    def f(x, d, lst, box):
        global G, GD, GL
        nonlocal c
%(body)s
        return %(ret)s
    def cell():
        return c
    return f, cell
'''

TRACER_DRIVER = '''\
def _same(a, b, path, seen_a, seen_b):
    if isinstance(a, torch.Tensor):
        if not isinstance(b, torch.Tensor):
            raise AssertionError('%s: tensor vs %r' % (path, type(b)))
        if (a.shape != b.shape or a.dtype != b.dtype or
                a.requires_grad != b.requires_grad or
                not torch.allclose(a.detach(), b.detach(), equal_nan=True)):
            raise AssertionError('%s: %r vs %r' % (path, a, b))
        return
    if type(a) is not type(b):
        raise AssertionError('%s: %r vs %r' % (path, type(a), type(b)))
    if isinstance(a, (list, dict, Box)):
        # A program can make cycles (lst.append(lst)): each object is
        # compared once, and where it recurs the two runs must agree.
        if id(a) in seen_a or id(b) in seen_b:
            if seen_a.get(id(a)) != seen_b.get(id(b)):
                raise AssertionError('%s: cycles differ' % path)
            return
        seen_a[id(a)] = seen_b[id(b)] = len(seen_a)
    if isinstance(a, (list, tuple)):
        if len(a) != len(b):
            raise AssertionError('%s: length %d vs %d' % (path, len(a), len(b)))
        for i, (u, v) in enumerate(zip(a, b)):
            _same(u, v, '%s[%d]' % (path, i), seen_a, seen_b)
    elif isinstance(a, dict):
        if list(a) != list(b):
            raise AssertionError('%s: keys %r vs %r' % (path, list(a), list(b)))
        for k in a:
            _same(a[k], b[k], '%s[%r]' % (path, k), seen_a, seen_b)
    elif isinstance(a, Box):
        _same(vars(a), vars(b), path + '.__dict__', seen_a, seen_b)
    elif a != b:
        raise AssertionError('%s: %r vs %r' % (path, a, b))

def _aliases(objs):
    # Which of the reachable objects are the same object: a pattern that must
    # agree between the two runs.
    ids = {}
    pattern = []
    def walk(v, path):
        if isinstance(v, (torch.Tensor, list, dict, Box)):
            if id(v) in ids:
                pattern.append((path, ids[id(v)]))
                return
            pattern.append((path, ids.setdefault(id(v), len(ids))))
        if isinstance(v, (list, tuple)):
            for i, u in enumerate(v):
                walk(u, path + (i,))
        elif isinstance(v, dict):
            for k, u in v.items():
                walk(u, path + (k,))
        elif isinstance(v, Box):
            walk(vars(v), path + ('.',))
    walk(objs, ())
    return pattern

def _run(fn, cell, state):
    try:
        out = ('ok', fn(*state))
    except Exception as e:
        out = ('raised', type(e).__name__)
    return [out, list(state), G, GD, GL, cell()]

def check():
    # Fresh closures each run (the function's cell is state too); the compiled
    # code is cached on the shared code object, so later calls run cached
    # code behind guards.
    for call in range(CALLS):
        f, cell = make()
        eager = _run(f, cell, setup())
        f, cell = make()
        got = _run(torch.compile(f, backend='eager'), cell, setup())
        _same(eager, got, 'call %d' % call, {}, {})
        if _aliases(eager) != _aliases(got):
            raise AssertionError('call %d: aliasing %r vs %r' % (
                call, _aliases(eager), _aliases(got)))
check()
'''

T_EXPR = ['x', 'd["k"]', 'lst[0]', 'box.a', 'c', 'G', 'GD["g"]', 'GL[0]',
          'x * 2', '(x + 1)', 'torch.relu(x)', 'x.sin()', 'd["k"] * box.a',
          '(c - G)', 'x[1:]', 'x.sum()', 'torch.ones(4)', 'x.view(2, 2)',
          'x.t() if x.dim() == 2 else x', 'x.clone()', 'torch.cat([x, c])[:4]']
T_SCALAR = ['d["n"]', 'box.n', 'lst[1]', 'len(lst)', 'len(d)', '2', '0.5']


class TracerGen:
    def __init__(self, data):
        self.ch = Choices(data)
        self.lines = []

    def t(self):
        ch = self.ch
        a = ch.pick(T_EXPR)
        if ch.below(3) == 0:
            op = ch.pick(['+', '*', '-'])
            right = T_EXPR + T_SCALAR
            if op == '*' and 'x' in a:
                # No x * x: when x is the int 3 (lst[0] after lst.reverse()),
                # squaring it in nested loops makes a 26-million-bit int,
                # seconds per multiply in CPython as well.
                right = [e for e in right if 'x' not in e]
            a = '(%s %s %s)' % (a, op, ch.pick(right))
        return a

    def emit(self, indent, line):
        self.lines.append('    ' * indent + line)

    def stmt(self, indent, depth):
        ch = self.ch
        k = ch.below(24)
        if depth >= 2 and k in (11, 12, 13, 18):
            k = 0  # compound statements only two levels deep
        t = self.t
        if k <= 1:
            self.emit(indent, 'x = %s' % t())
        elif k == 2:
            self.emit(indent, 'd[%s] = %s' % (ch.pick(['"k"', '"new"', '"z"']),
                                              t()))
        elif k == 3:
            self.emit(indent, ch.pick(['d.pop("k", None)', 'd.pop("new", None)',
                                       'd.clear()', 'd.update(u=x)',
                                       'd.setdefault("s", x)',
                                       'd["n"] = d.get("n", 0) + 1',
                                       'del d["n"]' if ch.below(2) else
                                       'd.popitem()']))
        elif k == 4:
            self.emit(indent, ch.pick(['lst.append(%s)', 'lst[0] = %s',
                                       'lst.insert(0, %s)', 'lst.extend([%s])',
                                       'lst[1:] = [%s]']) % t())
        elif k == 5:
            self.emit(indent, ch.pick(['lst.pop()', 'lst.reverse()',
                                       'lst[1] = lst[1] + 1' if ch.below(2)
                                       else 'lst.clear()']))
        elif k == 6:
            self.emit(indent, ch.pick(['box.a = %s', 'box.b = %s',
                                       'box.n = box.n + 1; box.t = %s',
                                       'box.a.add_(1); _ = %s']) % t())
        elif k == 7:
            self.emit(indent, 'c = %s' % t())
        elif k == 8:
            self.emit(indent, ch.pick(['G = %s', 'GD["g"] = %s',
                                       'GD["h"] = %s', 'GL.append(%s)',
                                       'GL[0] = %s']) % t())
        elif k == 9:
            self.emit(indent, 'x = opaque(%s)' % t())
        elif k == 10:
            self.emit(indent, 'torch._dynamo.graph_break()')
        elif k == 11:
            self.emit(indent, 'if %s:' % ch.pick(
                ['x.sum() > 0', '(x > 1).any()', 'len(d) > 2', 'd["n"] == 2'
                 if ch.below(2) else '"k" in d', 'box.n > 1', 'lst',
                 'x.shape[0] == 4']))
            self.block(indent + 1, depth)
            self.emit(indent, 'else:')
            self.block(indent + 1, depth)
        elif k == 12:
            self.emit(indent, 'for i in range(%d):' % (1 + ch.below(3)))
            self.emit(indent + 1, 'x = x + i')
            self.block(indent + 1, depth)
        elif k == 13:
            self.emit(indent, 'with torch.no_grad():')
            self.block(indent + 1, depth)
        elif k == 14:
            self.emit(indent, 'y = %s' % t())
            self.emit(indent, 'd["y"] = y; lst.append(y)')
        elif k == 15:
            self.emit(indent, 'x = x.add_(1) if not x.requires_grad else x + 1')
        elif k == 16:
            self.emit(indent, 'x = %s' % ch.pick(
                ['x.mean() + x', 'x.reshape(-1)', 'torch.where(x > 0, x, -x)',
                 'x.abs().sqrt()', 'torch.stack([x, x]).sum(0)', 'x.float()',
                 'x.to(torch.float64).float()', 'x.exp().log()']))
        elif k == 17:
            self.emit(indent, 'box.n = box.n * 2; d["n"] = box.n')
        elif k == 18:
            self.emit(indent, 'try:')
            self.block(indent + 1, depth)
            self.emit(indent, 'except IndexError:')
            self.emit(indent + 1, 'x = x * 0')
        elif k == 19:
            self.emit(indent, 'for key in list(d):')
            self.emit(indent + 1, 'if key != "n": d[key] = d[key] + 1')
        elif k == 20:
            self.emit(indent, 'def helper(v):')
            self.emit(indent + 1, 'nonlocal c')
            self.emit(indent + 1, 'c = c + v')
            self.emit(indent + 1, 'return c * 2')
            self.emit(indent, 'x = helper(%s)' % t())
        elif k == 21:
            self.emit(indent, 'z = {"a": %s, "b": [%s, box]}' % (t(), t()))
            self.emit(indent, 'd["z"] = z')
        elif k == 22:
            self.emit(indent, 'box = Box(); box.a = %s; box.n = 0' % t())
            self.emit(indent, 'lst.append(box)')
        else:
            self.emit(indent, 'lst[0], d["k"] = d.get("k", x), lst[0]')

    def block(self, indent, depth):
        for _ in range(1 + self.ch.below(2)):
            self.stmt(indent, depth + 1)

    def program(self):
        ch = self.ch
        grad = ch.pick(['False', 'True'])
        calls = 1 + ch.below(3)
        count = 0
        while ch.more() and count < 12:
            self.stmt(2, 0)
            count += 1
        if not self.lines:
            self.emit(2, 'x = x + 1')
        ret = ch.pick(['x', '(x, d)', '(x, lst)', '[x, box]', 'd',
                       '(x.sum(), c)', '{"out": x, "d": d}'])
        setup = TRACER_SETUP % {'grad': grad, 'body': '\n'.join(self.lines),
                                'ret': ret}
        return setup + TRACER_DRIVER.replace('CALLS', str(calls))


def tracer_program(data):
    return TracerGen(data).program()


class Divergence(Exception):
    pass


@_quiet
def run_tracer_program(source):
    import torch
    ns = {'__name__': '__fuzz__'}
    try:
        exec(compile(source, '<fuzz>', 'exec'), ns)
    except AssertionError as e:
        raise Divergence(str(e)) from None
    finally:
        # The compiled variants can keep the program's globals alive (a
        # guarded global function refers to them): a million programs would
        # not fit in memory.
        torch._dynamo.reset()
    # Global state the program may switch must be back as it was (a leak
    # shows only in a later program, which is hard to trace back).
    if not torch.is_grad_enabled():
        torch.set_grad_enabled(True)
        raise Divergence('grad mode left disabled')


def fuzz_tracer(data):
    source = tracer_program(data)
    try:
        run_tracer_program(source)
    except Divergence:
        sys.stderr.write(source)
        raise


def main(argv):
    if len(argv) < 3 or argv[1] not in ('vm', 'tracer', 'compile'):
        sys.stderr.write(
            'usage: fuzzgen.py vm|tracer|compile [--print] FILE...\n')
        return 2
    show = '--print' in argv
    for path in argv[2:]:
        if path == '--print':
            continue
        with open(path, 'rb') as f:
            data = f.read()
        print('==', path.rsplit('/', 1)[-1])
        if argv[1] == 'compile':
            # The compile target's inputs: compile errors are expected, a
            # crash is not.
            try:
                compile(data, path, 'exec')
                print('compiled')
            except (SyntaxError, ValueError, RecursionError,
                    MemoryError) as e:
                print(type(e).__name__)
        elif argv[1] == 'vm':
            source = vm_program(data)
            if show:
                print(VM_PRELUDE + source)
            print(run_vm_program(source))
        else:
            source = tracer_program(data)
            if show:
                print(source)
            run_tracer_program(source)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
