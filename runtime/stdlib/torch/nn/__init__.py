"""torch.nn: Module and the everyday layers."""

from torch.nn.parameter import Parameter, Buffer  # noqa: F401
from torch.nn.modules import *  # noqa: F401,F403
from torch.nn import functional  # noqa: F401
from torch.nn import init  # noqa: F401
