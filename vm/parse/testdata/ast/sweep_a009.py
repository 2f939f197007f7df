x = f'''abc
  {y +
 z}'''
