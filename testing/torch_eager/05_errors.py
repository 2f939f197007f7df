import torch
a = torch.ones(2, 3)
b = torch.ones(4, 5)
for f in [lambda: a + b, lambda: a @ a, lambda: a[5], lambda: a.view(7),
          lambda: torch.zeros(2, device="cuda"), lambda: a.item(),
          lambda: torch.exp("x"), lambda: torch.add(a, "x"), lambda: bool(a),
          lambda: torch.tensor([[1, 2], [3]]), lambda: a.sum(dim=5),
          lambda: torch.cat([a, b]), lambda: len(torch.tensor(1.0)),
          lambda: a.reshape(2, 2), lambda: torch.ones(2).requires_grad_().sum().backward() or torch.ones(2, requires_grad=True).mul(2).backward(),
          lambda: torch.tensor(["a"]), lambda: a.foo, lambda: float(a)]:
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(a + b)
