def f(): return
