# Small whole programs mixing features: a tokenizer + recursive-descent
# calculator, a JSON-like serializer, a priority-queue Dijkstra, a bank
# account simulation with exceptions, text statistics, and a tiny VM.

print("-- calculator")


def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("num", float(text) if "." in text else int(text)))
            i = j
        elif ch.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            tokens.append(("name", src[i:j]))
            i = j
        elif ch in "+-*/()^%,":
            tokens.append(("op", ch))
            i += 1
        else:
            raise SyntaxError(f"unexpected character {ch!r} at {i}")
    tokens.append(("end", None))
    return tokens


class Parser:
    FUNCS = {"max": max, "min": min, "abs": abs}

    def __init__(self, src, env):
        self.tokens = tokenize(src)
        self.pos = 0
        self.env = env

    def peek(self):
        return self.tokens[self.pos]

    def take(self, kind=None, value=None):
        tok = self.tokens[self.pos]
        if (kind and tok[0] != kind) or (value and tok[1] != value):
            raise SyntaxError(f"expected {value or kind}, got {tok[1]!r}")
        self.pos += 1
        return tok

    def expr(self):
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            v = v + self.term() if op == "+" else v - self.term()
        return v

    def term(self):
        v = self.factor()
        while self.peek()[0] == "op" and self.peek()[1] in "*/%":
            op = self.take()[1]
            rhs = self.factor()
            v = v * rhs if op == "*" else v / rhs if op == "/" else v % rhs
        return v

    def factor(self):
        base = self.unary()
        if self.peek() == ("op", "^"):
            self.take()
            return base ** self.factor()
        return base

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return -self.unary()
        return self.atom()

    def atom(self):
        kind, value = self.peek()
        if kind == "num":
            self.take()
            return value
        if kind == "name":
            self.take()
            if self.peek() == ("op", "("):
                self.take()
                args = [self.expr()]
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.expr())
                self.take("op", ")")
                return self.FUNCS[value](*args)
            return self.env[value]
        if (kind, value) == ("op", "("):
            self.take()
            v = self.expr()
            self.take("op", ")")
            return v
        raise SyntaxError(f"unexpected token {value!r}")


env = {"x": 3, "y": 4.5}
for src in ("1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-x ^ 2", "10 / 4", "17 % 5 + y",
            "max(1, x, 2) * min(7, 8)", "abs(-2.5) + 1", "1 +", "2 * (3", "4 $ 4", "zz + 1"):
    try:
        print(f"{src!r:30} = {Parser(src, env).expr()!r}")
    except (SyntaxError, KeyError, ZeroDivisionError) as e:
        print(f"{src!r:30} ! {type(e).__name__}: {e}")

print("-- serializer")


def dumps(obj, indent=0):
    pad = "  " * indent
    if obj is None:
        return "null"
    if obj is True or obj is False:
        return "true" if obj else "false"
    if isinstance(obj, (int, float)):
        return repr(obj)
    if isinstance(obj, str):
        out = ['"']
        for ch in obj:
            if ch in '"\\':
                out.append("\\" + ch)
            elif ch == "\n":
                out.append("\\n")
            elif ord(ch) < 32 or ord(ch) > 126:
                out.append("\\u%04x" % ord(ch))
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        inner = (",\n").join(pad + "  " + dumps(v, indent + 1) for v in obj)
        return "[\n" + inner + "\n" + pad + "]"
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = sorted(obj.items())
        inner = ",\n".join(f"{pad}  {dumps(str(k))}: {dumps(v, indent + 1)}" for k, v in items)
        return "{\n" + inner + "\n" + pad + "}"
    raise TypeError(f"cannot serialize {type(obj).__name__}")


print(dumps({"name": "mini\"dynamo\"", "tags": ["vm", "jit", ("t", 1)], "ok": True,
             "none": None, "ratio": 0.25, "nested": {"e": [], "d": {}, "u": "é\n"}}))
try:
    dumps({1, 2})
except TypeError as e:
    print("TypeError", e)

print("-- shortest paths")


def dijkstra(graph, start):
    dist = {start: 0}
    prev = {}
    frontier = [(0, start)]
    while frontier:
        frontier.sort(reverse=True)
        d, node = frontier.pop()
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in graph.get(node, ()):
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                prev[nxt] = node
                frontier.append((nd, nxt))
    return dist, prev


graph = {"A": [("B", 7), ("C", 9), ("F", 14)], "B": [("A", 7), ("C", 10), ("D", 15)],
         "C": [("A", 9), ("B", 10), ("D", 11), ("F", 2)], "D": [("B", 15), ("C", 11), ("E", 6)],
         "E": [("D", 6), ("F", 9)], "F": [("A", 14), ("C", 2), ("E", 9)]}
dist, prev = dijkstra(graph, "A")
print(sorted(dist.items()))
node, path = "E", []
while node:
    path.append(node)
    node = prev.get(node)
print("->".join(reversed(path)))

print("-- bank simulation")


class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance {account.balance}")
        self.shortfall = amount - account.balance


class Account:
    _next_id = 1

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("wd", amount))

    def __repr__(self):
        return f"Account#{self.id}({self.owner}, {self.balance})"


def transfer(src, dst, amount):
    try:
        src.withdraw(amount)
    except InsufficientFunds as e:
        print("  transfer failed:", e, "shortfall", e.shortfall)
        return False
    else:
        dst.deposit(amount)
        return True
    finally:
        print(f"  audit: {src.owner}->{dst.owner} {amount}")


alice, bob = Account("alice", 100), Account("bob")
print(transfer(alice, bob, 30), transfer(bob, alice, 50), transfer(bob, alice, 30))
try:
    bob.deposit(-1)
except ValueError as e:
    print("ValueError", e)
print(alice, bob, alice.history, bob.history)

print("-- text statistics")
text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness"""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(len(words), len(freq), top)
print({n: sorted({w for w in words if len(w) == n}) for n in range(6, 12)})
lines = text.splitlines()
print([len(line) for line in lines], max(lines, key=len)[:20], sum(c.isupper() for c in text))

print("-- stack VM")


def run(program):
    stack, pc, out = [], 0, []
    labels = {ins[1]: i for i, ins in enumerate(program) if ins[0] == "label"}
    steps = 0
    while pc < len(program):
        op, *args = program[pc]
        pc += 1
        steps += 1
        if op == "push":
            stack.append(args[0])
        elif op == "add":
            b, a = stack.pop(), stack.pop()
            stack.append(a + b)
        elif op == "mul":
            b, a = stack.pop(), stack.pop()
            stack.append(a * b)
        elif op == "dup":
            stack.append(stack[-1])
        elif op == "swap":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op == "over":
            stack.append(stack[-2])
        elif op == "jnz":
            if stack.pop():
                pc = labels[args[0]]
        elif op == "print":
            out.append(stack[-1])
        elif op == "drop":
            stack.pop()
        elif op == "label":
            pass
        else:
            raise ValueError("bad op " + op)
    return out, stack, steps


factorial_program = [
    ("push", 1), ("push", 10),          # acc n
    ("label", "loop"),
    ("dup",), ("push", -1), ("add",),   # acc n n-1
    ("swap",),                          # acc n-1 n
    ("push", 0), ("swap",), ("drop",),  # keep shape simple
    ("over",), ("swap",), ("drop",),    # acc n-1 n-1
    ("swap",), ("drop",),               # acc n-1
    ("dup",), ("push", 1), ("add",),    # acc n-1 n
    ("swap",), ("drop",),               # acc n
    ("swap",), ("over",), ("mul",),     # n acc*n
    ("print",),
    ("swap",), ("push", -1), ("add",),  # acc n-1
    ("dup",), ("jnz", "loop"),
]
print(run(factorial_program))
