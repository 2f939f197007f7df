f(**a, **b, c)
