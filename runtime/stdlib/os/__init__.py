"""Operating-system interfaces: the environment, the working directory,
paths (os.path) and a few file-system calls, for a POSIX system.

minidynamo's version, written in Python over the native _os module.
"""

import sys
import _os
from collections.abc import Mapping, MutableMapping
from . import path

__all__ = ['name', 'sep', 'altsep', 'extsep', 'pathsep', 'linesep', 'curdir',
           'pardir', 'devnull', 'defpath', 'environ', 'getenv', 'putenv',
           'unsetenv', 'getcwd', 'chdir', 'listdir', 'mkdir', 'makedirs',
           'remove', 'unlink', 'rmdir', 'removedirs', 'getpid', '_exit', 'fspath',
           'PathLike', 'walk', 'stat', 'cpu_count', 'urandom', 'path',
           'error', 'get_exec_path', 'scandir', 'fsencode', 'fsdecode']

sys.modules['os.path'] = path

name = 'posix'
sep = path.sep
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
devnull = '/dev/null'
defpath = '/bin:/usr/bin'
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1

error = OSError


def fspath(p):
    """The str or bytes form of a path (via __fspath__ for path objects)."""
    if isinstance(p, (str, bytes)):
        return p
    try:
        method = type(p).__fspath__
    except AttributeError:
        raise TypeError('expected str, bytes or os.PathLike object, not '
                        + type(p).__name__) from None
    result = method(p)
    if isinstance(result, (str, bytes)):
        return result
    raise TypeError('expected {}.__fspath__() to return str or bytes, not {}'
                    .format(type(p).__name__, type(result).__name__))


def fsencode(filename):
    filename = fspath(filename)
    return filename.encode('utf-8', 'surrogateescape') if isinstance(filename, str) else filename


def fsdecode(filename):
    filename = fspath(filename)
    return filename.decode('utf-8', 'surrogateescape') if isinstance(filename, bytes) else filename


class PathLike:
    """The protocol of objects with __fspath__ (isinstance works by duck
    typing)."""

    def __fspath__(self):
        raise NotImplementedError

    def __class_getitem__(cls, item):
        return cls


class _Environ(MutableMapping):
    """os.environ: a mapping of the environment whose changes reach the
    process (so child processes and getenv see them)."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError(f'str expected, not {type(key).__name__}')
        if not isinstance(value, str):
            raise TypeError(f'str expected, not {type(value).__name__}')
        _os.putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]
        _os.unsetenv(key)

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def copy(self):
        return dict(self._data)

    def __repr__(self):
        return 'environ({})'.format(', '.join(
            f'{k!r}: {v!r}' for k, v in self._data.items()))

    def __or__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new


environ = _Environ(_os.environ())


def getenv(key, default=None):
    """environ.get(key, default)."""
    return environ.get(key, default)


def putenv(key, value):
    _os.putenv(key, value)


def unsetenv(key):
    _os.unsetenv(key)


def getcwd():
    """The current working directory."""
    return _os.getcwd()


def getcwdb():
    return _os.getcwd().encode()


def chdir(p):
    _os.chdir(fspath(p))


def listdir(p='.'):
    """The names in a directory (not '.' or '..'), in arbitrary order."""
    return _os.listdir(fspath(p))


def mkdir(p, mode=0o777, *, dir_fd=None):
    _os.mkdir(fspath(p), mode)


def makedirs(name, mode=0o777, exist_ok=False):
    """mkdir, creating missing parents; exist_ok accepts an existing
    directory."""
    name = fspath(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def remove(p, *, dir_fd=None):
    _os.remove(fspath(p))


unlink = remove


def rmdir(p, *, dir_fd=None):
    _os.rmdir(fspath(p))


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


class stat_result(tuple):
    """os.stat()'s result: st_mode, st_size, st_mtime (more fields are not
    provided)."""

    @property
    def st_mode(self):
        return self[0]

    @property
    def st_size(self):
        return self[1]

    @property
    def st_mtime(self):
        return self[2]


def stat(p, *, dir_fd=None, follow_symlinks=True):
    return stat_result(_os.stat(fspath(p)))


def getpid():
    return _os.getpid()


def _exit(n):
    _os._exit(n)


def cpu_count():
    return _os.cpu_count()


def urandom(size):
    return _os.urandom(size)


def get_exec_path(env=None):
    if env is None:
        env = environ
    return env.get('PATH', defpath).split(pathsep)


class DirEntry:
    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)

    def is_dir(self, *, follow_symlinks=True):
        return path.isdir(self.path)

    def is_file(self, *, follow_symlinks=True):
        return path.isfile(self.path)

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f'<DirEntry {self.name!r}>'


def scandir(p='.'):
    p = fspath(p)
    return iter([DirEntry(p, n) for n in _os.listdir(p)])


def walk(top, topdown=True, onerror=None, followlinks=False):
    """(dirpath, dirnames, filenames) for a directory tree."""
    top = fspath(top)
    try:
        names = _os.listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs, nondirs = [], []
    for n in names:
        (dirs if path.isdir(path.join(top, n)) else nondirs).append(n)
    if topdown:
        yield top, dirs, nondirs
        for d in dirs:
            yield from walk(path.join(top, d), topdown, onerror, followlinks)
    else:
        for d in dirs:
            yield from walk(path.join(top, d), topdown, onerror, followlinks)
        yield top, dirs, nondirs
