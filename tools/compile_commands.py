#!/usr/bin/env python3
"""Writes compile_commands.json at the workspace root for clangd and clang-tidy.

Asks Bazel for every C++ compile action (`bazel aquery --output=jsonproto`) and turns
each into a compilation database entry run from the execution root, where Bazel's
relative paths (external/..., bazel-out/...) resolve.

    tools/compile_commands.py [TARGET_PATTERN ...]   (default: //...)
"""
import json
import os
import subprocess
import sys


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    patterns = argv[1:] or ["//..."]
    query = 'mnemonic("CppCompile", deps(%s))' % " + ".join(patterns)
    # Build first so generated headers and external repositories exist for clangd.
    subprocess.run(["bazel", "build"] + patterns, cwd=root, check=True,
                   stdout=sys.stderr)
    out = subprocess.run(["bazel", "aquery", query, "--output=jsonproto"],
                         cwd=root, check=True, capture_output=True, text=True).stdout
    execroot = subprocess.run(["bazel", "info", "execution_root"], cwd=root,
                              check=True, capture_output=True, text=True).stdout.strip()
    entries = []
    for action in json.loads(out).get("actions", []):
        args = action["arguments"]
        source = next((args[i + 1] for i, a in enumerate(args[:-1]) if a == "-c"), None)
        if source is None or source.startswith("external/"):
            continue
        entries.append({"directory": execroot, "arguments": args, "file": source})
    path = os.path.join(root, "compile_commands.json")
    with open(path, "w") as f:
        json.dump(entries, f, indent=1)
    print("wrote %d entries to %s" % (len(entries), path), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
