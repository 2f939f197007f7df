del ()
