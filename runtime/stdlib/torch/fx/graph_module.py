import torch


class Node:
    def __init__(self, name, op, target, args, kwargs, example, target_name):
        self.name = name
        self.op = op
        self.target = target
        self.args = args
        self.kwargs = kwargs
        self.meta = {"example_value": example}
        self._target_name = target_name

    def __repr__(self):
        return self.name


class Graph:
    def __init__(self, nodes):
        self._nodes = nodes

    @property
    def nodes(self):
        return list(self._nodes)

    def print_tabular(self):
        rows = [("opcode", "name", "target", "args", "kwargs")]
        for n in self._nodes:
            target = n._target_name if n.op != "output" else "output"
            rows.append((n.op, n.name, str(target), str(n.args),
                         str(n.kwargs)))
        widths = [max(len(r[i]) for r in rows) for i in range(5)]
        lines = []
        for j, r in enumerate(rows):
            lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths))
                         .rstrip())
            if j == 0:
                lines.append("  ".join("-" * w for w in widths))
        print("\n".join(lines))

    def __str__(self):
        lines = ["graph():"]
        for n in self._nodes:
            lines.append(f"    %{n.name} : [num_users=?] = {n.op}"
                         f"[target={n._target_name}](args = {n.args}, "
                         f"kwargs = {n.kwargs})")
        return "\n".join(lines)


def _resolve(arg, by_name):
    if isinstance(arg, tuple) and len(arg) == 2 and arg[0] == "node" and \
            isinstance(arg[1], str):
        return by_name[arg[1]]
    if isinstance(arg, tuple):
        return tuple(_resolve(a, by_name) for a in arg)
    if isinstance(arg, list):
        return [_resolve(a, by_name) for a in arg]
    return arg


class GraphModule(torch.nn.Module):
    def __init__(self, compiled):
        super().__init__()
        object.__setattr__(self, "_compiled", compiled)
        by_name = {}
        nodes = []
        for (name, op, target, args, kwargs, example,
             target_name) in compiled._nodes():
            node = Node(name, op, target, None, None, example, target_name)
            by_name[name] = node
            node.args = _resolve(args, by_name)
            node.kwargs = {k: _resolve(v, by_name) for k, v in kwargs.items()}
            nodes.append(node)
        object.__setattr__(self, "graph", Graph(nodes))

    def forward(self, *args):
        return self._compiled(*args)

    def __call__(self, *args):
        return self._compiled(*args)

    @property
    def code(self):
        return "\n\n\n" + self._compiled.code + "    "

    def print_readable(self, print_output=True):
        text = "class GraphModule(torch.nn.Module):\n    " + \
            self._compiled.code.replace("\n", "\n    ").rstrip() + "\n"
        if print_output:
            print(text)
        return text
