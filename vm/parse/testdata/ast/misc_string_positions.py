x = ("abc"
     "def")
y = """multi
line
string"""
z = f"""{a}
{b}"""
