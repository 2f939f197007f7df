"""String constants (ascii_letters, digits, punctuation, ...), capwords,
and Template ($-substitution)."""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Formatter', 'Template']

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Capitalizes each word: split on sep, capitalize, join with sep (or
    a space)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


class Template:
    """$-substitution: Template('$who likes ${what}').substitute(who='tim',
    what='kung pao'); $$ is a literal $."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        s = self.template
        out = []
        i = 0
        n = len(s)
        d = self.delimiter
        while i < n:
            j = s.find(d, i)
            if j < 0:
                out.append(s[i:])
                break
            out.append(s[i:j])
            k = j + len(d)
            if s.startswith(d, k):
                out.append(d)
                i = k + len(d)
                continue
            braced = k < n and s[k] == '{'
            start = k + 1 if braced else k
            end = start
            if end < n and (s[end] == '_' or (s[end].isascii() and s[end].isalpha())):
                end += 1
                while end < n and (s[end] == '_' or (s[end].isascii() and s[end].isalnum())):
                    end += 1
            name = s[start:end]
            if braced:
                if not name or end >= n or s[end] != '}':
                    if safe:
                        out.append(d)
                        i = k
                        continue
                    self._invalid(j)
                end += 1
            elif not name:
                if safe:
                    out.append(d)
                    i = k
                    continue
                self._invalid(j)
            try:
                out.append(str(mapping[name]))
            except KeyError:
                if not safe:
                    raise
                out.append(s[j:end])
            i = end
        return ''.join(out)

    def _invalid(self, index):
        lines = self.template[:index].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = index - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping={}, /, **kws):
        if kws:
            mapping = {**mapping, **kws} if mapping else kws
        return self._scan(mapping, safe=False)

    def safe_substitute(self, mapping={}, /, **kws):
        if kws:
            mapping = {**mapping, **kws} if mapping else kws
        return self._scan(mapping, safe=True)

    def is_valid(self):
        try:
            self._scan({}, safe=False)
        except ValueError:
            return False
        except KeyError:
            pass
        return True

    def get_identifiers(self):
        ids = []

        class Collect(dict):
            def __missing__(self, key):
                if key not in ids:
                    ids.append(key)
                return ''
        self._scan(Collect(), safe=True)
        return ids


class Formatter:
    """str.format's machinery as a class: format(), vformat() and the
    hooks get_value, check_unused_args, format_field, convert_field."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec = self._vformat(format_spec, args, kwargs, used_args,
                                            recursion_depth - 1,
                                            auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result)

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError(f'Unknown conversion specifier {conversion!s}')

    def parse(self, format_string):
        """(literal_text, field_name, format_spec, conversion) tuples."""
        i = 0
        n = len(format_string)
        literal = []
        while i < n:
            c = format_string[i]
            if c == '{':
                if i + 1 < n and format_string[i + 1] == '{':
                    literal.append('{')
                    i += 2
                    continue
                depth = 1
                j = i + 1
                while j < n and depth:
                    if format_string[j] == '{':
                        depth += 1
                    elif format_string[j] == '}':
                        depth -= 1
                    j += 1
                if depth:
                    raise ValueError("expected '}' before end of string")
                field = format_string[i + 1:j - 1]
                conversion = None
                spec = ''
                bang = field.find('!')
                colon = field.find(':')
                if colon >= 0 and (bang < 0 or colon < bang):
                    spec = field[colon + 1:]
                    field = field[:colon]
                elif bang >= 0:
                    rest = field[bang + 1:]
                    field = field[:bang]
                    if ':' in rest:
                        conversion, spec = rest.split(':', 1)
                    else:
                        conversion = rest
                yield ''.join(literal), field, spec, conversion
                literal = []
                i = j
            elif c == '}':
                if i + 1 < n and format_string[i + 1] == '}':
                    literal.append('}')
                    i += 2
                    continue
                raise ValueError("Single '}' encountered in format string")
            else:
                literal.append(c)
                i += 1
        if literal:
            yield ''.join(literal), None, None, None

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            obj = getattr(obj, i) if is_attr else obj[i]
        return obj, first


def _split_field(name):
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    first = int(first) if first.isdigit() else first
    rest = []
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            rest.append((True, name[i + 1:j]))
            i = j
        else:
            j = name.index(']', i)
            key = name[i + 1:j]
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
    return first, rest
