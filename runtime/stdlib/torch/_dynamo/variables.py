"""Names of the tracker families (the tracer itself is native)."""


class VariableTracker:
    pass


class UserFunctionVariable(VariableTracker):
    pass


class SkipFunctionVariable(VariableTracker):
    pass


class TensorVariable(VariableTracker):
    pass


class ConstDictVariable(VariableTracker):
    pass
