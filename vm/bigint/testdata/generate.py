#!/usr/bin/python3.11
"""Writes golden.txt: BigInt cases with the results CPython 3.11 gives.

Run from anywhere with the reference interpreter (the seed is fixed, so the output is
reproducible):

    /usr/bin/python3.11 vm/bigint/testdata/generate.py

Format: one case per line, tab-separated: the operation, its operands, then the
expected result(s). Ints are written as hex() ("-0x1f"), floats as float.hex(), byte
strings and parse inputs as hex of their (UTF-8) bytes. An expected error is
"!ExceptionType: message".
"""
import math
import os
import random
import sys

assert sys.version_info[:2] == (3, 11), "generate with python3.11"
sys.set_int_max_str_digits(0)

rng = random.Random(20240611)
lines = []

LIMB_PATTERNS = [0, 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE]


def H(n):
    return hex(n)


def emit(*fields):
    lines.append("\t".join(str(f) for f in fields))


def err(e):
    return f"!{type(e).__name__}: {e}"


def call(f, fmt=H):
    try:
        r = f()
    except (ValueError, OverflowError, ZeroDivisionError, MemoryError) as e:
        return [err(e)]
    if isinstance(r, tuple):
        return [fmt(x) for x in r]
    return [fmt(r)]


def digits_count():
    # Mostly short numbers, a tail up to ~300 digits.
    r = rng.random()
    if r < 0.4:
        return rng.randint(1, 20)
    if r < 0.8:
        return rng.randint(20, 60)
    return rng.randint(60, 300)


def edge_values():
    out = [0, 1, -1, 2, -2, 10, -10]
    for k in (31, 32, 33, 52, 53, 54, 62, 63, 64, 65, 95, 96, 97, 127, 128, 129,
              255, 256, 1000, 1023, 1024, 1025):
        for d in (-1, 0, 1):
            out.append(2**k + d)
            out.append(-(2**k + d))
    for k in (9, 10, 18, 19, 20, 38, 100):
        out.append(10**k)
        out.append(-(10**k) + 1)
    return out


EDGES = edge_values()


def rand_int(ndigits=None):
    r = rng.random()
    if r < 0.12:
        return rng.choice(EDGES)
    if r < 0.25:
        # Limb patterns that stress carries and division corrections.
        n = rng.randint(1, 12)
        v = 0
        for _ in range(n):
            limb = rng.choice(LIMB_PATTERNS + [rng.getrandbits(32)])
            v = (v << 32) | limb
        return v if rng.random() < 0.5 else -v
    d = ndigits or digits_count()
    v = rng.randrange(10 ** (d - 1), 10**d) if d > 1 else rng.randrange(10)
    return v if rng.random() < 0.5 else -v


def rand_nonzero():
    while True:
        v = rand_int()
        if v:
            return v


def gen_binary_ops(count):
    for _ in range(count):
        a, b = rand_int(), rand_int()
        emit("add", H(a), H(b), H(a + b))
        emit("sub", H(a), H(b), H(a - b))
        emit("mul", H(a), H(b), H(a * b))
        emit("cmp", H(a), H(b), (a > b) - (a < b))
        op = rng.choice(["and", "or", "xor"])
        r = {"and": a & b, "or": a | b, "xor": a ^ b}[op]
        emit(op, H(a), H(b), H(r))


def gen_division(count):
    for i in range(count):
        a = rand_int()
        r = rng.random()
        if r < 0.03:
            b = 0
        elif r < 0.5:
            # Divisor a bit shorter than the dividend: the common multi-limb case.
            bits = max(1, abs(a).bit_length() - rng.randint(0, 200))
            b = rng.getrandbits(bits) | 1
            b = b if rng.random() < 0.5 else -b
        else:
            b = rand_nonzero() if rng.random() < 0.95 else 0
        emit("floordiv", H(a), H(b), *call(lambda: a // b))
        emit("mod", H(a), H(b), *call(lambda: a % b))
        emit("divmod", H(a), H(b), *call(lambda: divmod(a, b)))
    # Found by simulating Algorithm D on 32-bit limbs: each needs the rare
    # "add back" step after an overestimated quotient digit.
    add_back = [
        (0xffffffff00000000fffffffe80000000fffffffe, 0x10000000000000001),
        (0xfffffffefffffffe00000001fffffffe800000000000000100000000,
         0xfffffffefffffffe8d9f0711ffffffff),
        (0xfffffffeffffffff7fffffff25893ed5fffffffffffffffe,
         0xfffffffefffffffffb7dbd41),
        (0x84470fdfffffffffffffffe7fffffff, 0x7ffffffffffffffffffffffe),
        (0xfffffffe0000000080000000fffffffe00000000fffffffe80000000,
         0xfffffffeffffffff800000007fffffff),
    ]
    for a, b in add_back:
        for sa, sb in ((1, 1), (-1, 1), (1, -1)):
            x, y = sa * a, sb * b
            emit("divmod", H(x), H(y), *call(lambda: divmod(x, y)))
    # Quotients exactly near a limb boundary and exact multiples.
    for _ in range(40):
        b = rand_nonzero()
        q = rand_int()
        a = b * q + rng.choice([0, 1, -1])
        emit("divmod", H(a), H(b), *call(lambda: divmod(a, b)))


def gen_truediv(count):
    def one(a, b):
        emit("truediv", H(a), H(b), *call(lambda: a / b, float.hex))

    for _ in range(count):
        one(rand_int(), rand_int() if rng.random() < 0.97 else 0)
    for _ in range(40):
        # Subnormal and underflow region: |a/b| near 2**-1074.
        a = rng.getrandbits(rng.randint(1, 80)) | 1
        b = rng.getrandbits(rng.randint(1070, 1160)) | (1 << 1069)
        one(a if rng.random() < 0.5 else -a, b)
    for _ in range(30):
        # Overflow region: |a/b| near 2**1024.
        b = rng.getrandbits(rng.randint(1, 100)) | 1
        a = rng.getrandbits(b.bit_length() + rng.randint(1020, 1028))
        one(a, b if rng.random() < 0.5 else -b)
    for _ in range(30):
        # Exact halfway quotients: ties must round to even.
        m = (rng.getrandbits(53) | (1 << 53)) * 2 + 1
        k = rng.randint(0, 60)
        one(m << k, 1 << (k + rng.randint(0, 5)))
        one(m * 3, 3 << rng.randint(0, 8))


def gen_pow(count):
    for _ in range(count):
        a = rand_int(rng.randint(1, 40))
        e = rng.randint(0, 60) if abs(a) > 1000 else rng.randint(0, 300)
        while e > 1 and abs(a).bit_length() * e > 2500:
            e //= 2
        emit("pow", H(a), H(e), H(a**e))
    for a in (0, 1, -1, 2, -2, 3, 2**32, -(2**31)):
        for e in (0, 1, 2, 63, 64, 65, 200):
            emit("pow", H(a), H(e), H(a**e))
    for _ in range(count):
        a = rand_int()
        e = rand_int(rng.randint(1, 40))
        m = rand_int(rng.randint(1, 60)) if rng.random() < 0.97 else 0
        if rng.random() < 0.1:
            m = rng.choice([1, -1, 2, -2])
        emit("powmod", H(a), H(e), H(m), *call(lambda: pow(a, e, m)))
    for _ in range(40):
        # Negative exponents: inverses for coprime bases, errors otherwise.
        m = rand_nonzero()
        a = rand_int()
        e = -rng.randint(1, 50)
        if rng.random() < 0.3:
            g = rng.randint(2, 30)
            a, m = a * g, m * g
        emit("powmod", H(a), H(e), H(m), *call(lambda: pow(a, e, m)))
    for a, e, m in [(2, -1, 1), (3, -1, -1), (0, -1, 5), (0, 0, 1), (0, 0, -1),
                    (5, 0, 7), (5, 0, -7), (-3, 3, 7), (-3, 3, -7), (4, -1, 6)]:
        emit("powmod", H(a), H(e), H(m), *call(lambda: pow(a, e, m)))


def gen_shifts(count):
    for _ in range(count):
        a = rand_int()
        n = rng.choice([0, 1, 31, 32, 33, 63, 64, 65, rng.randint(0, 400)])
        if rng.random() < 0.03:
            n = -rng.randint(1, 5)
        emit("lshift", H(a), H(n), *call(lambda: a << n))
        emit("rshift", H(a), H(n), *call(lambda: a >> n))
    for a in (0, 1, -1, 5, -5):
        emit("rshift", H(a), H(2**70), *call(lambda: a >> 2**70))
    emit("lshift", H(0), H(2**70), H(0))
    emit("lshift", H(0), H(-1), err(ValueError("negative shift count")))


def gen_unary(count):
    values = EDGES + [rand_int() for _ in range(count)]
    for a in values[: len(EDGES) + 20]:
        emit("neg", H(a), H(-a))
        emit("abs", H(a), H(abs(a)))
    for a in values:
        emit("invert", H(a), H(~a))
        emit("bit_length", H(a), a.bit_length())
        emit("bit_count", H(a), a.bit_count())
        emit("hash", H(a), hash(a))
        emit("fits", H(a), int(-(2**63) <= a < 2**63))
        emit("float", H(a), *call(lambda: float(a), float.hex))


def gen_float_edges():
    max_exact = (2**53 - 1) << 971  # DBL_MAX
    for a in [max_exact, max_exact + (1 << 969) - 1, max_exact + (1 << 969),
              max_exact + (1 << 970), 2**1024 - 1, 2**1024, 2**53 + 1, 2**53 + 3,
              2**54 + 2, 2**54 + 6, 2**64 - 1, 2**64 + 2**11, 2**64 + 2**11 + 1,
              2**64 + 3 * 2**11, (2**53 + 1) << 100, ((2**53 + 1) << 100) + 1]:
        for s in (1, -1):
            emit("float", H(s * a), *call(lambda: float(s * a), float.hex))
    for _ in range(60):
        # Random values around halfway points.
        m = rng.getrandbits(53) | (1 << 52)
        k = rng.randint(1, 900)
        a = (2 * m + 1) << (k - 1)
        a += rng.choice([-1, 0, 1])
        emit("float", H(a), *call(lambda: float(a), float.hex))


def gen_from_float(count):
    specials = [0.0, -0.0, 0.5, -0.5, 0.999, 1.5, -1.5, 2.0**52 + 0.5, 2.0**63,
                -(2.0**63), 2.0**64, 1e300, -1e300, 1.7976931348623157e308,
                float("inf"), float("-inf"), float("nan"), 9.2233720368547748e18,
                -9.2233720368547758e18, 5e-324]
    vals = specials + [rng.uniform(-1, 1) * 10.0 ** rng.randint(0, 308)
                       for _ in range(count)]
    for x in vals:
        emit("int_float", float.hex(x), *call(lambda: int(x)))
    for _ in range(count // 2):
        a = rand_int()
        x = rng.choice([float(a) if abs(a) < 2**1000 else 1.5,
                        rng.uniform(-1, 1) * 10.0 ** rng.randint(0, 300),
                        float("inf"), float("-inf"), float("nan")])
        if abs(a) < 2**900 and rng.random() < 0.3:
            x = float(a) + rng.choice([0.5, -0.5, 0.25])
        c = None if math.isnan(x) else (a > x) - (a < x)
        emit("cmp_float", H(a), float.hex(x), "nan" if c is None else c)


def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    s = []
    m = abs(n)
    while m:
        m, d = divmod(m, base)
        s.append(digits[d])
    out = ("-" if n < 0 else "") + "".join(reversed(s))
    assert int(out, base) == n
    return out


def gen_strings(count):
    values = EDGES + [rand_int() for _ in range(count)]
    for a in values:
        emit("str", H(a), str(a))
        if abs(a) < 2**300:
            emit("bin", H(a), bin(a))
        emit("oct", H(a), oct(a))
        emit("hex", H(a), hex(a))
        base = rng.randint(2, 36)
        emit("tostr", H(a), base, to_base(a, base))
    # Long decimal conversions.
    for d in (500, 1500, 3000):
        a = rng.randrange(10 ** (d - 1), 10**d)
        emit("str", H(a), str(a))
    for limit, a in [(640, 10**639), (640, 10**640), (640, -(10**640)),
                     (1000, 10**1000 - 1), (1000, 10**1000), (4300, 7**5089),
                     (4300, 7**5088), (0, 10**5000)]:
        sys.set_int_max_str_digits(limit)
        emit("str_limit", H(a), limit, *call(lambda: str(a), str))
    sys.set_int_max_str_digits(0)


UNICODE_SPACES = [" ", "\t", "\n", "\x0b", "\x0c", "\r", "\x85", "\xa0",
                  "\u2000", "\u2028", "\u3000", "\u1680"]
UNICODE_ZEROS = [0x660, 0x6F0, 0x966, 0xFF10, 0x1D7CE, 0x104A0, 0x1E950]


def random_literal():
    """A (text, base) pair: mostly valid, sometimes subtly broken."""
    n = rand_int(rng.randint(1, 60))
    base = rng.choice([0, 0, 10, 10, 2, 8, 16, 36, rng.randint(2, 36)])
    eff = base
    prefix = ""
    if base == 0:
        eff = rng.choice([10, 10, 16, 8, 2])
        prefix = {10: "", 16: "0x", 8: "0o", 2: "0b"}[eff]
    elif base in (2, 8, 16) and rng.random() < 0.4:
        prefix = {16: "0x", 8: "0o", 2: "0b"}[base]
    if prefix and rng.random() < 0.3:
        prefix = prefix.upper()
    if prefix and rng.random() < 0.2:
        prefix += "_"
    body = to_base(abs(n), eff)
    if rng.random() < 0.3:
        body = "".join(c.upper() if rng.random() < 0.5 else c for c in body)
    if eff == 10 and rng.random() < 0.15:
        zero = rng.choice(UNICODE_ZEROS)
        body = "".join(chr(zero + int(c)) if rng.random() < 0.5 else c
                       for c in body)
    if len(body) > 1 and rng.random() < 0.3:
        chars = list(body)
        k = min(len(body) - 1, rng.randint(1, 3))
        for i in sorted(rng.sample(range(1, len(body)), k),
                        reverse=True):
            chars.insert(i, "_")
        body = "".join(chars)
    sign = "-" if n < 0 else rng.choice(["", "", "+"])
    text = sign + prefix + body

    def ws():
        return "".join(rng.choice(UNICODE_SPACES)
                       for _ in range(rng.choice([0, 0, 1, 2])))
    text = ws() + text + ws()
    r = rng.random()
    if r < 0.25:
        # Break it: each of these is an invalid literal.
        breaks = [
            lambda t: t + "_",
            lambda t: "_" + t.strip(),
            lambda t: t.replace("_", "__", 1) if "_" in t else t + "__1",
            lambda t: t + "g",
            lambda t: t[: len(t) // 2] + " " + t[len(t) // 2:],
            lambda t: t + "\x00",
            lambda t: t + "\u200b",
            lambda t: "'" + t,
            lambda t: t + "\"'",
            lambda t: "é" + t,
            lambda t: sign + "",
            lambda t: t + "\x1c",
            lambda t: t + "\x7f",
            lambda t: t + "\U000e0001",
            lambda t: t + "\\",
        ]
        text = rng.choice(breaks)(text)
    return text, base


def gen_parse(count):
    cases = [random_literal() for _ in range(count)]
    fixed = ["0", "-0", "+0", "00", "0_0", "010", "0_1", "0x", "0x_", "0x__1",
             "0b2", "0o8", "1_", "_1", "1__0", " -1_0 ", "- 1", "+_1", "", " ",
             "-", "+", "0X1F", "0B11", "0O17", "0x_1f", "1e5", "1.0", "٣", "١٢٣",
             "\u30005\u3000", "\x855", "\x1c5", "12\x00", "a'b", "a\"b'", "\xa0x",
             "x" * 300, "'" * 250, "\U0001D7CF\U0001D7D0", "\t\n\x0b\x0c\r 7",
             "0" * 50, "9" * 400, "f" * 400, "1" + "_0" * 100]
    for text in fixed:
        for base in (0, 10, 16, 2, 8, 36) if len(text) < 100 else (0, 16):
            cases.append((text, base))
    for base in (1, 37, -1, 100):
        cases.append(("1", base))
    for text, base in cases:
        emit("parse", text.encode("utf-8").hex(), base, 0,
             *call(lambda: int(text, base)))
    # sys.set_int_max_str_digits interplay (limit only for non-power-of-2 bases).
    limit_cases = [("1" * 641, 10, 640), ("1" * 640, 10, 640),
                   ("1" * 700 + "x", 10, 640), ("1_" * 700, 10, 640),
                   ("0" * 700, 0, 640), ("0" + "1" * 700, 0, 640),
                   ("0x" + "1" * 700, 0, 640), ("1" * 700, 16, 640),
                   ("1" * 700, 7, 640), (" " + "1" * 701 + " ", 10, 700),
                   ("-" + "9" * 4301, 10, 4300)]
    for text, base, limit in limit_cases:
        sys.set_int_max_str_digits(limit)
        emit("parse", text.encode("utf-8").hex(), base, limit,
             *call(lambda: int(text, base)))
    sys.set_int_max_str_digits(0)


def gen_bytes(count):
    for _ in range(count):
        a = rand_int(rng.randint(1, 40))
        need = (a.bit_length() + 8) // 8
        length = max(0, need + rng.randint(-2, 3))
        if rng.random() < 0.03:
            length = -1
        order = rng.choice(["big", "little"])
        signed = rng.random() < 0.5
        emit("to_bytes", H(a), length, order, int(signed),
             *call(lambda: a.to_bytes(length, order, signed=signed), bytes.hex))
        data = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 40)))
        if data and rng.random() < 0.3:
            data = bytes([rng.choice([0x00, 0x80, 0xFF])]) + data
        emit("from_bytes", data.hex(), order, int(signed),
             H(int.from_bytes(data, order, signed=signed)))
    for a, length, signed in [(0, 0, 0), (0, 0, 1), (-1, 0, 1), (-128, 1, 1),
                              (-129, 1, 1), (127, 1, 1), (128, 1, 1), (255, 1, 0),
                              (256, 1, 0), (-1, 1, 0), (2**64 - 1, 8, 0),
                              (-(2**63), 8, 1), (2**63, 8, 1)]:
        for order in ("big", "little"):
            emit("to_bytes", H(a), length, order, signed,
                 *call(lambda: a.to_bytes(length, order, signed=bool(signed)),
                       bytes.hex))


def gen_gcd(count):
    for _ in range(count):
        g = rand_int(rng.randint(1, 30))
        a, b = rand_int() * g, rand_int() * g
        emit("gcd", H(a), H(b), H(math.gcd(a, b)))
    for a, b in [(0, 0), (0, 5), (-5, 0), (2**64, 2**32), (-(2**63), -(2**63))]:
        emit("gcd", H(a), H(b), H(math.gcd(a, b)))


def gen_large(count):
    # Sizes past the Karatsuba threshold (40 limbs, ~386 digits), balanced and not.
    for _ in range(count):
        a = rand_int(rng.randint(350, 1300))
        b = rand_int(rng.choice([rng.randint(350, 1300), rng.randint(20, 300)]))
        emit("mul", H(a), H(b), H(a * b))
        emit("mul", H(a), H(a), H(a * a))
        x = a * b + rand_int()
        emit("divmod", H(x), H(b), *call(lambda: divmod(x, b)))
        emit("str", H(a), str(a))


def main():
    gen_binary_ops(170)
    gen_division(180)
    gen_truediv(170)
    gen_pow(100)
    gen_shifts(150)
    gen_unary(100)
    gen_float_edges()
    gen_from_float(120)
    gen_strings(110)
    gen_parse(350)
    gen_bytes(150)
    gen_gcd(80)
    gen_large(5)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Generated by vm/bigint/testdata/generate.py with Python "
                f"{sys.version.split()[0]}; do not edit.\n")
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(lines)} cases to {out}")


if __name__ == "__main__":
    main()
