import torch
import torch.nn as nn
import torch.nn.functional as F
try:
    from torch.func import functional_call
except ImportError:  # PyTorch 1.13, which records the expected output
    from torch.nn.utils.stateless import functional_call

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 3)
        self.act = nn.ReLU()
        self.fc2 = nn.Linear(3, 2, bias=False)
        self.register_buffer("running", torch.zeros(2))
        self.blocks = nn.ModuleList([nn.Linear(2, 2) for _ in range(2)])
        self.heads = nn.ModuleDict({"a": nn.Tanh(), "b": nn.Sigmoid()})

    def forward(self, x):
        x = self.fc2(self.act(self.fc1(x)))
        for blk in self.blocks:
            x = blk(x)
        return self.heads["a"](x) + self.running


net = Net()
print(net)
x = torch.randn(5, 4)
print(net(x))
print([n for n, _ in net.named_parameters()])
print([n for n, _ in net.named_buffers()])
print(list(net.state_dict().keys()))
print([type(m).__name__ for m in net.modules()])
print([n for n, _ in net.named_children()])
print(sum(p.numel() for p in net.parameters()))
net.eval()
print(net.training, net.fc1.training)
net.train()
print(net.training)
sd = net.state_dict()
net2 = Net()
print(net2.load_state_dict(sd))
print(torch.equal(net2(x), net(x)))
try:
    net2.load_state_dict({"fc1.weight": torch.zeros(3, 4)})
except RuntimeError as e:
    print(e)
try:
    net.nothere
except AttributeError as e:
    print(e)
params = {"fc1.weight": torch.zeros(3, 4), "fc1.bias": torch.ones(3)}
print(functional_call(net, params, (x,)))
print(net.fc1.weight.sum() != 0)
print(F.relu(torch.tensor([-1.0, 2.0])), F.softmax(torch.tensor([1.0, 2.0]), dim=0))
print(F.mse_loss(torch.ones(3), torch.zeros(3)), F.gelu(torch.tensor([1.0])))
print(F.cross_entropy(torch.tensor([[1.0, 2.0, 0.5]]), torch.tensor([1])))
print(F.log_softmax(torch.tensor([1.0, 2.0]), dim=0), F.linear(x, net.fc1.weight).shape)
seq = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
print(seq, seq[0], len(seq))
print(nn.Dropout(0.2), nn.LayerNorm(4), nn.Embedding(10, 3), nn.Flatten())
print(nn.MSELoss()(torch.ones(2), torch.zeros(2)))
