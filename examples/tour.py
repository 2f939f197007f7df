"""A one-minute tour of minidynamo's torch.compile.

Run it with:  bin/vm run examples/tour.py

It compiles a function that mutates a dict it was given and calls a helper
wrapped in torch.no_grad() that breaks the graph, then shows what the
compiler did: the graphs it captured, the guards that protect them, the
bytecode it emitted for each frame, the side effects it replays, and that
the results equal an eager run."""

import copy
import dis

import torch


def scale(x):
    y = x * 2
    torch._dynamo.graph_break()          # something the tracer stops at
    return y + 1


def step(state, x):
    state["calls"] = state["calls"] + 1  # a side effect on an input dict
    h = torch.no_grad()(scale)(x)        # a break inside a wrapped callable
    state["last"] = h.sum()
    return h.relu()


def banner(text):
    print()
    print("=" * 72)
    print(text)
    print("=" * 72)


graphs = []


def backend(gm, example_inputs):
    """A custom backend: keep the graph, run it as it is."""
    graphs.append(gm)
    return gm.forward


emitted = []
torch._dynamo.convert_frame.register_bytecode_hook(
    lambda code, out_code: emitted.append((code, out_code)))

torch.manual_seed(0)
x = torch.randn(4)
state = {"calls": torch.tensor(0), "last": None}
eager_state = copy.deepcopy(state)

compiled_step = torch.compile(step, backend=backend)
result = compiled_step(state, x)
expected = step(eager_state, x)

banner("1. Results: compiled vs eager")
print("compiled:", result)
print("eager:   ", expected)
print("equal:", torch.equal(result, expected),
      "| state equal:", torch.equal(state["calls"], eager_state["calls"])
      and torch.equal(state["last"], eager_state["last"]),
      "| key order kept:", list(state) == list(eager_state))

banner(f"2. Captured graphs ({len(graphs)}): one per traced piece")
for i, gm in enumerate(graphs):
    print(f"--- graph {i}")
    print(gm.code.strip("\n"))

banner("3. Frames compiled (the bytecode hook saw each once)")
for code, out_code in emitted:
    print(f"- {code.co_name} (line {code.co_firstlineno})")

for code, out_code in emitted:
    frames = torch._dynamo.compiled_frames(code)
    banner(f"4. {code.co_name}: guards, side effects, emitted bytecode")
    for frame in frames:
        print("guards:")
        for g in frame.guards:
            print("   ", g)
        print("side effects replayed:",
              frame.side_effects if frame.side_effects else "none")
    print("emitted bytecode (dis):")
    dis.dis(out_code)

banner("5. A second call hits the cache: no new compilation")
before = len(emitted)
compiled_step(state, x)
print("new compilations:", len(emitted) - before)
