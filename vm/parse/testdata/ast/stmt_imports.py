import a
import a.b.c
import a as b
import a.b as c, d
from a import b
from a.b import c as d, e
from . import a
from .. import b
from ...c import d
from .... import e
from .f.g import (h, i as j,)
from k import *
from .l import (m)
import  a . b . c
