a = b = c := d
