"""Lines of source files, cached (for tracebacks and warnings)."""

__all__ = ['getline', 'getlines', 'clearcache', 'checkcache', 'lazycache']

cache = {}


def getline(filename, lineno, module_globals=None):
    """Line `lineno` (1-based) of the file, with its newline; '' when there
    is none."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    if filename in cache:
        return cache[filename]
    return updatecache(filename, module_globals)


def updatecache(filename, module_globals=None):
    cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []
    try:
        import _os
        text = _os.read_text(filename)
    except (ImportError, OSError, UnicodeDecodeError):
        return []
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    cache[filename] = lines
    return lines


def clearcache():
    cache.clear()


def checkcache(filename=None):
    if filename is None:
        cache.clear()
    else:
        cache.pop(filename, None)


def lazycache(filename, module_globals):
    return False
