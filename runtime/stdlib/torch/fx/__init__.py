"""torch.fx's everyday surface over minidynamo's graphs: GraphModule with
graph.nodes (op, target, args, name), code, print_readable(),
graph.print_tabular(), and calling it runs the graph."""

from torch.fx.graph_module import GraphModule, Graph, Node  # noqa: F401
