x = u'\x4' 'ok'
