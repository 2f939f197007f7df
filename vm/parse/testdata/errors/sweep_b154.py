from .
