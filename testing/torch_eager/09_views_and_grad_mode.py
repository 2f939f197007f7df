# Tensors made from data are tensors of their own, not views; views taken
# under no_grad of a tensor that requires grad still require grad (through
# their base), and modifying one in place with grad mode on is refused.
import torch

for make in (lambda: torch.tensor([0.5, -1.5, 2.5, -3.5], requires_grad=True),
             lambda: torch.ones(4, requires_grad=True),
             lambda: torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)):
    x = make()
    print(x._is_view(), x.is_leaf)
    with torch.no_grad():
        v = x[1:]
        w = x.view(-1)
    print(v.requires_grad, v._is_view(), w.requires_grad, w.is_leaf)
    try:
        v.add_(1)
        print("modified")
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(".")[0])
    with torch.no_grad():
        v.add_(1)
    print(x.detach())

print(torch.tensor(3.0)._is_view(), torch.tensor([1, 2])._is_view())
