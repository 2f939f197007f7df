"""TORCH_LOGS for the compile machinery: a comma list of graph_breaks,
graph_code, bytecode, guards, recompiles, side_effects (or "+dynamo" for
all), read from the environment at import or set with set_logs(). Lines
go to stderr in PyTorch's layout: a "V<date> <time> <pid> <file>]" header,
the frame's [compile id], the [__artifact] name, then the text."""

import dis
import io
import os
import sys
import time

ALL = ("graph_breaks", "graph_code", "bytecode", "guards", "recompiles",
       "side_effects")
_enabled = set()
_frame_ids = {}


def _parse(spec):
    names = set()
    for part in spec.split(","):
        part = part.strip().lstrip("+")
        if part in ("dynamo", "all"):
            names.update(ALL)
        elif part in ALL:
            names.add(part)
    return names


def set_logs(**kwargs):
    for name, on in kwargs.items():
        if name not in ALL:
            raise ValueError(f"Unknown log name: {name}")
        if on:
            _enabled.add(name)
        else:
            _enabled.discard(name)


def enabled(name):
    return name in _enabled


def _header(where):
    t = time.time()
    stamp = time.strftime("%m%d %H:%M:%S", time.localtime(t))
    return f"V{stamp}.{int((t % 1) * 1e6):06d} {os.getpid()} {where}]"


def emit(name, frame, text, where="torch/_dynamo/convert_frame.py"):
    if name not in _enabled:
        return
    head = f"{_header(where)} [{frame}] [__{name}] "
    for line in text.split("\n"):
        sys.stderr.write(head + line + "\n")


def frame_id(code):
    key = id(code)
    n, attempt = _frame_ids.get(key, (len(_frame_ids), -1))
    _frame_ids[key] = (n, attempt + 1)
    return f"{n}/{attempt + 1}"


def dis_text(code):
    out = io.StringIO()
    dis.dis(code, file=out)
    return out.getvalue()


def log_compile(info):
    code = info["code"]
    frame = frame_id(code)
    where = f"{code.co_name} {code.co_filename} line {code.co_firstlineno}"
    if "bytecode" in _enabled:
        emit("bytecode", frame, f"ORIGINAL BYTECODE {where} \n" +
             dis_text(code))
        emit("bytecode", frame, f"MODIFIED BYTECODE {where} \n" +
             dis_text(info["out_code"]))
    if info["graph_code"] is not None:
        body = info["graph_code"].rstrip("\n").replace("\n", "\n    ")
        emit("graph_code", frame,
             f"TRACED GRAPH\n ===== {info['compiled_fn']} =====\n"
             f" class GraphModule(torch.nn.Module):\n    {body}\n",
             "torch/_dynamo/output_graph.py")
    if info["guards"]:
        emit("guards", frame, "GUARDS:\n" + "\n".join(
            "| +- " + g for g in info["guards"]) + "\n",
            "torch/_dynamo/guards.py")
    for effect in info["side_effects"]:
        emit("side_effects", frame, effect, "torch/_dynamo/side_effects.py")


def log_break(reason, filename, lineno):
    emit("graph_breaks", "-/-",
         f"Graph break in user code at {filename}:{lineno}\n"
         f"Graph Break Reason: {reason}", "torch/_dynamo/symbolic_convert.py")


def log_recompile(name, filename, lineno, reason):
    emit("recompiles", "-/-",
         f"Recompiling function {name} in {filename}:{lineno}\n"
         f"    triggered by the following guard failure(s):\n"
         f"    - {reason}", "torch/_dynamo/guards.py")


_enabled.update(_parse(os.environ.get("TORCH_LOGS", "")))
