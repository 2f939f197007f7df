"""Warnings: warn() reports `file:line: Category: message` on stderr (once
per location under the default filter), filters choose what to show,
ignore or raise, and catch_warnings() saves and restores them.

minidynamo's version, written in Python. The caller's location comes from
the VM's _vmframe module (there are no frame objects).
"""

import sys

__all__ = ['warn', 'warn_explicit', 'showwarning', 'formatwarning',
           'filterwarnings', 'simplefilter', 'resetwarnings',
           'catch_warnings']


def _builtin_or_new(name, base):
    # Warning categories the VM may not define as builtins yet.
    import builtins
    cls = getattr(builtins, name, None)
    if cls is None:
        cls = type(name, (base,), {'__module__': 'builtins'})
    return cls


Warning = _builtin_or_new('Warning', Exception)
UserWarning = _builtin_or_new('UserWarning', Warning)
DeprecationWarning = _builtin_or_new('DeprecationWarning', Warning)
PendingDeprecationWarning = _builtin_or_new('PendingDeprecationWarning', Warning)
SyntaxWarning = _builtin_or_new('SyntaxWarning', Warning)
RuntimeWarning = _builtin_or_new('RuntimeWarning', Warning)
FutureWarning = _builtin_or_new('FutureWarning', Warning)
ImportWarning = _builtin_or_new('ImportWarning', Warning)
UnicodeWarning = _builtin_or_new('UnicodeWarning', Warning)
BytesWarning = _builtin_or_new('BytesWarning', Warning)
ResourceWarning = _builtin_or_new('ResourceWarning', Warning)
EncodingWarning = _builtin_or_new('EncodingWarning', Warning)


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s = f'{msg.filename}:{msg.lineno}: {category}: {msg.message}\n'
    if msg.line is None:
        try:
            import linecache
            line = linecache.getline(msg.filename, msg.lineno)
        except Exception:
            line = None
    else:
        line = msg.line
    if line:
        line = line.strip()
        s += '  %s\n' % line
    return s


_showwarning_orig = None


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Writes a warning to a file (sys.stderr by default)."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


_showwarning_orig = showwarning


def _showwarnmsg(msg):
    # A replaced warnings.showwarning is honoured, as in CPython.
    sw = globals().get('showwarning')
    if sw is not _showwarning_orig:
        if not callable(sw):
            raise TypeError('warnings.showwarning() must be set to a function or method')
        sw(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


_formatwarning_orig = None


def formatwarning(message, category, filename, lineno, line=None):
    """The text showwarning writes."""
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)


_formatwarning_orig = formatwarning


def _formatwarnmsg(msg):
    fw = globals().get('formatwarning')
    if fw is not _formatwarning_orig:
        return fw(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


def _match(pattern, text):
    # Filters hold compiled regexes (case-insensitive for messages) when the
    # re module is available, else plain prefixes.
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return text.startswith(pattern)
    return bool(pattern.match(text))


def _compile(pattern, flags):
    if not pattern:
        return None
    try:
        import re
    except ImportError:
        return pattern
    return re.compile(pattern, flags)


def filterwarnings(action, message='', category=Warning, module='', lineno=0,
                   append=False):
    """Adds a filter: `action` ("error", "ignore", "always", "default",
    "module" or "once") for warnings whose text matches `message`, whose
    category is a subclass of `category`, raised from `module` (a regex) at
    `lineno` (0: any)."""
    # CPython checks its arguments with assert statements.
    assert action in ('error', 'ignore', 'always', 'default', 'module',
                      'once'), f'invalid action: {action!r}'
    assert isinstance(message, str), 'message must be a string'
    assert isinstance(category, type), 'category must be a class'
    assert issubclass(category, Warning), 'category must be a Warning subclass'
    assert isinstance(module, str), 'module must be a string'
    assert isinstance(lineno, int) and lineno >= 0, 'lineno must be an int >= 0'
    try:
        import re
        flags = re.I
        module_flags = 0
    except ImportError:
        flags = module_flags = 0
    msg = _compile(message, flags) if message else None
    mod = _compile(module + r'\Z', module_flags) if module else None
    _add_filter(action, msg, category, mod, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Adds a filter matching every warning of `category`."""
    assert action in ('error', 'ignore', 'always', 'default', 'module',
                      'once'), f'invalid action: {action!r}'
    assert isinstance(lineno, int) and lineno >= 0, 'lineno must be an int >= 0'
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def resetwarnings():
    """Removes every filter (the defaults too)."""
    filters[:] = []
    _filters_mutated()


class _OptionError(Exception):
    pass


# ---- Emitting

def _frame_info(stacklevel):
    """(filename, lineno, globals) of the code `stacklevel` calls above
    warn()'s caller's caller, or None."""
    try:
        frame = sys._getframe(stacklevel + 1)
        return frame.f_code.co_filename, frame.f_lineno, frame.f_globals
    except (AttributeError, ValueError):
        pass
    try:
        import _vmframe
    except ImportError:
        return None
    # 0 is _frame_info, 1 is warn, 2 is warn's caller (stacklevel 1).
    return _vmframe.caller(stacklevel + 1)


def warn(message, category=None, stacklevel=1, source=None):
    """Issues a warning, or ignores it, or raises it as an exception, as the
    filters say."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '{:s}'"
                        .format(type(category).__name__))
    info = _frame_info(stacklevel)
    if info is None:
        globals_ = sys.__dict__
        filename = 'sys'
        lineno = 1
    else:
        filename, lineno, globals_ = info
    module = globals_.get('__name__', '<string>') if isinstance(globals_, dict) else '<string>'
    registry = globals_.setdefault('__warningregistry__', {}) \
        if isinstance(globals_, dict) else {}
    warn_explicit(message, category, filename, lineno, module, registry,
                  globals_, source)


def warn_explicit(message, category, filename, lineno, module=None,
                  registry=None, module_globals=None, source=None):
    """Issues a warning for an explicit location."""
    lineno = int(lineno)
    if module is None:
        module = filename or '<unknown>'
        if module[-3:].lower() == '.py':
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        if ((msg is None or _match(msg, text)) and
                issubclass(category, cat) and
                (mod is None or _match(mod, module)) and
                (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == 'ignore':
        return
    if action == 'error':
        raise message
    if action == 'once':
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == 'always':
        pass
    elif action == 'module':
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == 'default':
        registry[key] = 1
    else:
        raise RuntimeError(f'Unrecognized action ({action!r}) in warnings.filters:\n {item}')
    msg = WarningMessage(message, category, filename, lineno, source=source)
    _showwarnmsg(msg)


class WarningMessage:
    """One warning, as catch_warnings(record=True) records it."""

    _WARNING_DETAILS = ('message', 'category', 'filename', 'lineno', 'file',
                        'line', 'source')

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ('{message : %r, category : %r, filename : %r, lineno : %s, '
                'line : %r}' % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


class catch_warnings:
    """with catch_warnings(record=False): saves the filters and
    showwarning, restoring them on exit; record=True collects warnings in
    the list that `as` binds."""

    def __init__(self, *, record=False, module=None, action=None,
                 category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append('record=True')
        if self._module is not sys.modules['warnings']:
            args.append('module=%r' % self._module)
        name = type(self).__name__
        return '%s(%s)' % (name, ', '.join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError('Cannot enter %r twice' % self)
        self._entered = True
        self._filters = self._module.filters
        self._module.filters = self._filters[:]
        self._module._filters_mutated()
        self._showwarning = self._module.showwarning
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            self._module.showwarning = lambda *args: log.append(WarningMessage(*args))
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError('Cannot exit %r without entering first' % self)
        self._module.filters = self._filters
        self._module._filters_mutated()
        self._module.showwarning = self._showwarning


# Registries remember shown warnings; changing the filters invalidates them.
_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


# CPython 3.11's default filters (a release build).
filters = []
defaultaction = 'default'
onceregistry = {}
simplefilter('ignore', category=ResourceWarning, append=True)
simplefilter('ignore', category=ImportWarning, append=True)
simplefilter('ignore', category=PendingDeprecationWarning, append=True)
simplefilter('ignore', category=DeprecationWarning, append=True)
# "default::DeprecationWarning:__main__" comes first: without the re module
# the module pattern is the plain name.
filters.insert(0, ('default', None, DeprecationWarning, '__main__', 0))
_warnings_defaults = True
