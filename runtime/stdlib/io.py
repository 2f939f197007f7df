"""In-memory streams (StringIO, BytesIO) and the io class hierarchy names.

minidynamo's files are its own (sys.stdout is an io.TextIOWrapper);
StringIO and BytesIO are written here in Python with CPython's behaviour:
positions, overwriting writes, readline/readlines/iteration, truncate, and
ValueError on closed streams.
"""

import sys as _sys

__all__ = [
    'BlockingIOError', 'open', 'IOBase', 'RawIOBase', 'FileIO', 'BytesIO',
    'StringIO', 'BufferedIOBase', 'BufferedReader', 'BufferedWriter',
    'BufferedRWPair', 'BufferedRandom', 'TextIOBase', 'TextIOWrapper',
    'UnsupportedOperation', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END',
    'DEFAULT_BUFFER_SIZE',
]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

import builtins as _builtins

try:
    open = _builtins.open
except AttributeError:  # a VM without files
    def open(file, mode='r', *args, **kwargs):
        raise UnsupportedOperation('open() is not available')
TextIOWrapper = type(_sys.stdout)


class UnsupportedOperation(OSError, ValueError):
    pass


try:
    BlockingIOError = BlockingIOError
except NameError:
    class BlockingIOError(OSError):
        pass


class IOBase:
    """The base of the stream classes: closing, context management, line
    iteration."""

    _closed = False

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def _check_closed(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def flush(self):
        self._check_closed()

    def isatty(self):
        self._check_closed()
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def readlines(self, hint=-1):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if total >= hint:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    encoding = None
    errors = None
    newlines = None


class _MemoryStream:
    """The buffer and position shared by StringIO and BytesIO: `_chunks`
    are appended pieces not yet joined into `_buf` (so a series of writes at
    the end costs O(total) rather than O(n^2))."""

    def _init_buffer(self, initial):
        self._buf = initial
        self._chunks = []
        self._pos = 0

    def _value(self):
        if self._chunks:
            self._buf = self._buf + self._empty.join(self._chunks)
            self._chunks = []
        return self._buf

    def _size(self):
        return len(self._value())

    def _write_data(self, data):
        n = len(data)
        if not n:
            return 0
        if self._pos == self._buffered_len:
            self._chunks.append(data)
        else:
            buf = self._value()
            if self._pos > len(buf):
                buf = buf + self._pad * (self._pos - len(buf))
            buf = buf[:self._pos] + data + buf[self._pos + n:]
            self._buf = buf
        self._pos += n
        self._buffered_len = max(self._buffered_len, self._pos)
        return n

    def _read_data(self, size):
        buf = self._value()
        if size is None or size < 0:
            size = len(buf)
        data = buf[self._pos:self._pos + size]
        self._pos += len(data)
        if self._pos > len(buf):
            self._pos = max(self._pos, len(buf))
        return data

    def _readline_data(self, size, newline):
        buf = self._value()
        start = self._pos
        end = buf.find(newline, start)
        end = len(buf) if end < 0 else end + len(newline)
        if size is not None and size >= 0:
            end = min(end, start + size)
        data = buf[start:end]
        self._pos = max(start, min(end, len(buf))) if start < len(buf) else start
        return data

    def getvalue(self):
        self._check_closed()
        return self._value()

    def tell(self):
        self._check_closed()
        return self._pos

    def seekable(self):
        self._check_closed()
        return True

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        elif size < 0:
            raise ValueError(f'negative size value {size}')
        buf = self._value()
        if size < len(buf):
            self._buf = buf[:size]
            self._buffered_len = size
        return size

    def close(self):
        self._closed = True
        self._buf = self._empty
        self._chunks = []


class StringIO(_MemoryStream, TextIOBase):
    """A text stream kept in memory: StringIO(initial_value='',
    newline='\\n')."""

    _empty = ''
    _pad = '\0'

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f'newline must be str or None, not {type(newline).__name__}')
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f'illegal newline value: {newline!r}')
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not '
                            f'{type(initial_value).__name__}')
        self._newline = newline
        self._closed = False
        self._init_buffer(self._translate(initial_value))
        self._buffered_len = len(self._buf)

    def _translate(self, s):
        # newline=None reads universal newlines as '\n'; '\r' and '\r\n'
        # turn written '\n' into that separator.
        if self._newline is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if self._newline in ('\r', '\r\n'):
            return s.replace('\n', self._newline)
        return s

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError(f'string argument expected, got {type(s).__name__!r}')
        return self._write_data(self._translate(s)) and len(s)

    def read(self, size=-1):
        self._check_closed()
        if size is not None and not isinstance(size, int):
            raise TypeError(f'argument should be integer or None, not {type(size).__name__!r}')
        return self._read_data(size)

    def readline(self, size=-1):
        self._check_closed()
        if size is not None and not isinstance(size, int):
            raise TypeError(f'argument should be integer or None, not {type(size).__name__!r}')
        newline = '\n' if self._newline in (None, '', '\n') else self._newline
        return self._readline_data(size, newline)

    def seek(self, pos, whence=0):
        self._check_closed()
        if not isinstance(pos, int):
            raise TypeError(f"'{type(pos).__name__}' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError(f'Negative seek position {pos}')
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._size()
        else:
            raise ValueError(f'Invalid whence ({whence}, should be 0, 1 or 2)')
        return self._pos

    def detach(self):
        raise UnsupportedOperation('detach')

    def __repr__(self):
        return f'<_io.StringIO object at {hex(id(self))}>'

    def _check_closed(self):
        if self._closed:
            raise ValueError('I/O operation on closed file')


class BytesIO(_MemoryStream, BufferedIOBase):
    """A binary stream kept in memory: BytesIO(initial_bytes=b'')."""

    _empty = b''
    _pad = b'\0'

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        self._closed = False
        self._init_buffer(bytes(initial_bytes))
        self._buffered_len = len(self._buf)

    def write(self, b):
        self._check_closed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return self._write_data(bytes(b))

    def read(self, size=-1):
        self._check_closed()
        return self._read_data(size)

    read1 = read

    def readline(self, size=-1):
        self._check_closed()
        return self._readline_data(size, b'\n')

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 0:
            if pos < 0:
                raise ValueError(f'negative seek value {pos}')
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, self._size() + pos)
        else:
            raise ValueError(f'invalid whence ({whence}, should be 0, 1 or 2)')
        return self._pos

    def getbuffer(self):
        return self.getvalue()

    def __repr__(self):
        return f'<_io.BytesIO object at {hex(id(self))}>'

    def _check_closed(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')


FileIO = RawIOBase
BufferedReader = BufferedWriter = BufferedRWPair = BufferedRandom = BufferedIOBase
