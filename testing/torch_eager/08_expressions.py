# A broad sweep of tensor expressions: indexing, arithmetic with Python
# scalars, reductions, conversions, printing of odd values, Size arithmetic.
import torch
torch.manual_seed(3)
a = torch.randn(3, 4)
i = torch.arange(6).reshape(2, 3)
exprs = [
 "a[..., 0]", "a[:, None].shape", "a[None, 1:, ::2]", "a[[0, 2]]", "a[torch.tensor([True, False, True])]",
 "i // 2", "i / 2", "i % 4", "-i", "i ** 2", "2 ** i", "i.float() @ torch.ones(3)", "i & 1", "i | 8", "~i",
 "i == 2", "(i > 2).any()", "(i > 2).all()", "i.sum(dim=(0, 1))", "i.max(dim=1)", "i.T", "i.mT.shape",
 "a.mean(dim=-1, keepdim=True)", "torch.max(a)", "torch.argmax(a, dim=1)", "a.std(dim=0)",
 "torch.zeros(2, 3).dtype", "torch.ones(2, dtype=torch.float64) + 1", "torch.tensor(2) + 1.5",
 "torch.tensor([1, 2]) + torch.tensor([0.5, 0.5])", "torch.tensor([True]) + 1", "torch.tensor(3.0).item()",
 "i.tolist()", "i.numel()", "i.size()", "len(i)", "list(i)[0]", "i.view(-1)", "i.flatten(0)",
 "torch.cat([i, i], dim=1).shape", "torch.stack([i, i]).shape", "i.unsqueeze(-1).shape",
 "i.clone().fill_(7)", "torch.where(i > 2)", "i.to(torch.float32)", "i.double().dtype", "i.type()",
 "a.round(decimals=1)", "torch.tensor(1e-10)", "torch.tensor([1.23456789, 100000.0])", "torch.tensor([[1e20]])",
 "torch.empty(0, 2)", "torch.tensor([], dtype=torch.int64)", "a > 0.5", "torch.tensor(float('nan'))",
 "abs(torch.tensor(-2))", "float(torch.tensor(2.5))", "int(torch.tensor(3.9))", "bool(torch.tensor(0))",
 "torch.tensor([1, 2]).dtype == torch.int64", "hash(torch.float32) == hash(torch.float32)", "str(torch.float64)",
 "torch.Size([1, 2]) == (1, 2)", "torch.Size([1, 2]) + (3,)", "a.new_zeros(2)", "a.new_tensor([1, 2])",
 "torch.linspace(0, 1, steps=3)", "torch.arange(0, 5, 2)", "torch.arange(5.0)", "torch.full((2,), True)",
 "torch.randint(10, (3,)).dtype", "torch.eye(2, 3)", "i.split([1, 2], dim=1)", "i.chunk(3, dim=1)[0]",
]
for e in exprs:
    try:
        print(e, "=>", eval(e))
    except Exception as ex:
        print(e, "=>", type(ex).__name__, ex)
