a = 'x'
b = "y"
c = '''multi
line'''
d = """doc"""
e = ''
f = "it's"
g = 'say "hi"'
h = 'both \' "'
