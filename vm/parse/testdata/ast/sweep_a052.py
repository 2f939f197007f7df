while 1: break
else: continue
