import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print(x, x.requires_grad, x.is_leaf, x.grad, x.grad_fn)
y = x * x + 2 * x
print(y)
print(y.grad_fn.name(), y.is_leaf, type(y.grad_fn).__name__ if False else "")
z = y.sum()
z.backward()
print(x.grad)
x.grad = None
(x ** 3).mean().backward()
print(x.grad)
w = torch.ones(2, 2, requires_grad=True)
out = (w @ w).sum()
g, = torch.autograd.grad(out, w)
print(g)
with torch.no_grad():
    q = x * 2
print(q.requires_grad, torch.is_grad_enabled())
with torch.enable_grad():
    print(torch.is_grad_enabled())


@torch.no_grad()
def f(t):
    return t * 2, torch.is_grad_enabled()


print(f(x))
torch.set_grad_enabled(False)
print(torch.is_grad_enabled(), (x * 2).requires_grad)
torch.set_grad_enabled(True)
with torch.set_grad_enabled(False):
    print(torch.is_grad_enabled())
print(torch.is_grad_enabled())
d = x.detach()
print(d.requires_grad, d, x.data)
p = torch.nn.Parameter(torch.ones(2))
print(p, isinstance(p, torch.Tensor), type(p).__name__, p.requires_grad)
print(p * 2)
try:
    torch.ones(2, requires_grad=True).sum().backward(retain_graph=False) or \
        (torch.ones(2) * torch.ones(2, requires_grad=True)).backward()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    y.requires_grad = False
except RuntimeError as e:
    print("RuntimeError:", e)
a = torch.ones(3, requires_grad=True)
b = a.relu()
b.retain_grad()
b.sum().backward()
print(b.grad, a.grad)
