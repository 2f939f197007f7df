x = 'ok' '\x4'
