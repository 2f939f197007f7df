# traceback.print_exc / print_exception write to the file they are given
# (by keyword or position), not always to sys.stderr.
import traceback, sys, io
try: 1/0
except: 
    traceback.print_exc(file=sys.stdout)
    traceback.print_exc(None, sys.stdout)
    buf = io.StringIO(); traceback.print_exc(file=buf); print(len(buf.getvalue().splitlines()))
    e = sys.exc_info()[1]
    traceback.print_exception(e, file=sys.stdout)
    traceback.print_exception(type(e), e, e.__traceback__, None, sys.stdout)
print('done')
