"""Module docstring."""
import os
def f():
    """Function docstring."""
class C:
    """Class docstring."""
    def m(self):
        "Single quoted."
