a[0]: int = yield
