"""torch._dynamo.config: the settings the tracer reads. As in PyTorch, the
module is replaced by an object so that aliases (cache_size_limit for
recompile_limit) read and write the same setting."""

import sys


class _Config:
    def __init__(self):
        self.recompile_limit = 8
        self.verbose = False
        self.suppress_errors = False
        self.capture_scalar_outputs = False

    @property
    def cache_size_limit(self):
        return self.recompile_limit

    @cache_size_limit.setter
    def cache_size_limit(self, value):
        self.recompile_limit = value


_config = _Config()
_config._config = _config
sys.modules[__name__] = _config
