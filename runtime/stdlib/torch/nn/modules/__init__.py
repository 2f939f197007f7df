from torch.nn.modules.module import Module  # noqa: F401
from torch.nn.modules.linear import Linear, Identity, Bilinear  # noqa: F401
from torch.nn.modules.activation import (ReLU, ReLU6, Tanh, Sigmoid,  # noqa
                                         GELU, SiLU, LeakyReLU, ELU,
                                         Softplus, Softmax, LogSoftmax,
                                         Hardtanh)
from torch.nn.modules.container import (Sequential, ModuleList,  # noqa: F401
                                        ModuleDict, ParameterList,
                                        ParameterDict)
from torch.nn.modules.misc import (Dropout, Flatten, LayerNorm,  # noqa: F401
                                   Embedding, Conv2d)
from torch.nn.modules.loss import (MSELoss, L1Loss, CrossEntropyLoss,  # noqa
                                   NLLLoss, BCELoss)
