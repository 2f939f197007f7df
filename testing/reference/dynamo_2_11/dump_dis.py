# Runs PyTorch's test_reconstruct.py under real Dynamo with a global bytecode hook that
# prints the original and the emitted bytecode of every compilation.
import dis, sys, unittest, io
import torch, torch._dynamo
from torch._dynamo import convert_frame

def hook(code, out_code):
    print("=" * 30, "COMPILED", code.co_name, code.co_filename.split('/')[-1], code.co_firstlineno)
    print("--- original:"); dis.dis(code)
    print("--- out_code:", out_code.co_name); dis.dis(out_code)
    print("--- out_code consts:", [c if not hasattr(c, 'co_name') else '<code '+c.co_name+'>' for c in out_code.co_consts])
    print("--- names:", out_code.co_names, "varnames:", out_code.co_varnames, "freevars:", out_code.co_freevars)
    for c in out_code.co_consts:
        if hasattr(c, "co_code"):
            print("--- nested const code", c.co_name); dis.dis(c)
    sys.stdout.flush()
    return None

convert_frame.register_bytecode_hook(hook)
import test_reconstruct
suite = unittest.defaultTestLoader.loadTestsFromModule(test_reconstruct)
for t in suite:
    for tt in t:
        print("#" * 40, tt.id()); sys.stdout.flush()
        torch._dynamo.reset()
        r = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(tt)
