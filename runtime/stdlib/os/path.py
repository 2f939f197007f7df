"""Path name manipulation for POSIX paths (os.path, CPython's posixpath)."""

import _os

__all__ = ['normcase', 'isabs', 'join', 'splitdrive', 'split', 'splitext',
           'basename', 'dirname', 'commonprefix', 'getsize', 'getmtime',
           'exists', 'lexists', 'isdir', 'isfile', 'islink', 'expanduser',
           'expandvars', 'normpath', 'abspath', 'realpath', 'relpath',
           'commonpath', 'samefile', 'sep', 'curdir', 'pardir', 'extsep',
           'altsep', 'pathsep', 'defpath', 'devnull', 'supports_unicode_filenames']

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
altsep = None
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
supports_unicode_filenames = False


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    method = getattr(type(p), '__fspath__', None)
    if method is None:
        raise TypeError('expected str, bytes or os.PathLike object, not '
                        + type(p).__name__)
    return method(p)


def _seps(p):
    return ('/', '.', '..') if isinstance(p, str) else (b'/', b'.', b'..')


def normcase(s):
    return _fspath(s)


def isabs(s):
    """True for a path that starts with '/'."""
    s = _fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    """Joins path parts with '/'; an absolute part discards those before
    it."""
    a = _fspath(a)
    sep = _seps(a)[0]
    path = a
    for b in map(_fspath, p):
        if type(b) is not type(a):
            raise TypeError("Can't mix strings and bytes in path components")
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path += b
        else:
            path += sep + b
    return path


def split(p):
    """(head, tail): tail is after the last '/'; head has no trailing
    slashes unless it is all slashes."""
    p = _fspath(p)
    sep = _seps(p)[0]
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    """(root, ext): ext is the last dot and after it, unless the dot leads
    the last component."""
    p = _fspath(p)
    sep, dot = _seps(p)[0], _seps(p)[1]
    sep_index = p.rfind(sep)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != dot:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    """The final component of a path."""
    p = _fspath(p)
    i = p.rfind(_seps(p)[0]) + 1
    return p[i:]


def dirname(p):
    """Everything before the final component."""
    p = _fspath(p)
    sep = _seps(p)[0]
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def commonprefix(m):
    """The longest common leading string of the paths (character-wise)."""
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def _stat(p):
    try:
        return _os.stat(_fspath(p))
    except (OSError, ValueError, TypeError):
        return None


def exists(p):
    """True when the path names an existing file or directory."""
    return _stat(p) is not None


lexists = exists


def isdir(s):
    st = _stat(s)
    return st is not None and (st[0] & 0o170000) == 0o040000


def isfile(p):
    st = _stat(p)
    return st is not None and (st[0] & 0o170000) == 0o100000


def islink(p):
    return False


def getsize(filename):
    return _os.stat(_fspath(filename))[1]


def getmtime(filename):
    return _os.stat(_fspath(filename))[2]


def samefile(f1, f2):
    return abspath(f1) == abspath(f2)


def expanduser(path):
    """Replaces a leading ~ with $HOME."""
    path = _fspath(path)
    tilde = '~' if isinstance(path, str) else b'~'
    if not path.startswith(tilde):
        return path
    sep = _seps(path)[0]
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path  # ~user is not supported
    home = _os.getenv('HOME')
    if home is None:
        return path
    if isinstance(path, bytes):
        home = home.encode()
    home = home.rstrip(sep)
    return (home + path[i:]) or sep


def expandvars(path):
    """Replaces $name and ${name} with environment values (unknown names are
    left alone)."""
    path = _fspath(path)
    if '$' not in path:
        return path
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c == '$' and i + 1 < n:
            if path[i + 1] == '{':
                j = path.find('}', i + 2)
                if j > 0:
                    name = path[i + 2:j]
                    value = _os.getenv(name)
                    out.append(value if value is not None else path[i:j + 1])
                    i = j + 1
                    continue
            else:
                j = i + 1
                while j < n and (path[j].isalnum() or path[j] == '_'):
                    j += 1
                if j > i + 1:
                    name = path[i + 1:j]
                    value = _os.getenv(name)
                    out.append(value if value is not None else path[i:j])
                    i = j
                    continue
        out.append(c)
        i += 1
    return ''.join(out)


def normpath(path):
    """Collapses redundant separators and '.' / '..' components."""
    path = _fspath(path)
    sep, dot, dotdot = _seps(path)
    if not path:
        return dot
    initial_slashes = path.startswith(sep)
    # POSIX keeps exactly two leading slashes, and reduces three or more.
    if initial_slashes and path.startswith(sep * 2) and not path.startswith(sep * 3):
        initial_slashes = 2
    comps = path.split(sep)
    new_comps = []
    for comp in comps:
        if comp in (path[:0], dot):
            continue
        if (comp != dotdot or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == dotdot)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = sep.join(new_comps)
    if initial_slashes:
        path = sep * initial_slashes + path
    return path or dot


def abspath(path):
    """An absolute, normalized version of the path."""
    path = _fspath(path)
    if not isabs(path):
        cwd = _os.getcwd()
        if isinstance(path, bytes):
            cwd = cwd.encode()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    return abspath(filename)


def relpath(path, start=None):
    """The path relative to start (default: the current directory)."""
    if not path:
        raise ValueError('no path specified')
    path = _fspath(path)
    sep, curdir_, pardir_ = _seps(path)
    if start is None:
        start = curdir_
    start = _fspath(start)
    start_list = [x for x in abspath(start).split(sep) if x]
    path_list = [x for x in abspath(path).split(sep) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir_] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir_
    return join(*rel_list)


def commonpath(paths):
    """The longest common sub-path of the paths."""
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(_fspath, paths))
    sep, curdir_ = _seps(paths[0])[:2]
    split_paths = [p.split(sep) for p in paths]
    try:
        isabs_, = set(p[:1] == sep for p in paths)
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths") from None
    split_paths = [[c for c in s if c and c != curdir_] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = sep if isabs_ else sep[:0]
    return prefix + sep.join(common)
