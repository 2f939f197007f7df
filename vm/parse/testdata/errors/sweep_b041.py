return **a
